/**
 * `predev`: stops `npm run dev` with what to do instead when no browser can start here (scripts/dev-display.ts),
 * rather than letting web-ext fail with a bare ECONNRESET. Exit 1 then, 0 otherwise.
 */
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { devDisplayProblem } from './dev-display';

// Where WXT looks for its runner's config (c12: web-ext.config.*, .webextrc, and ~/.webextrc).
const CONFIG_NAMES = [
  ...['ts', 'mts', 'cts', 'js', 'mjs', 'cjs', 'json'].map((ext) => `web-ext.config.${ext}`),
  '.webextrc',
];
const dirs = [resolve(import.meta.dirname, '..'), homedir()];
const hasRunnerConfig = dirs.some((dir) => CONFIG_NAMES.some((name) => existsSync(join(dir, name))));

const problem = devDisplayProblem({ platform: process.platform, env: process.env, hasRunnerConfig });
if (problem) {
  console.error(problem.join('\n'));
  process.exit(1);
}
