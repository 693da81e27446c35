/**
 * `npm run bench`: runs every bench/*.bench.ts and prints one line per figure: `bench <name> <value> <unit>`.
 * Each module exports `run(report)`; a module that cannot run here (no ../shared, no chromium) says why on stderr.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export type Report = (name: string, value: number, unit: string) => void;

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const report: Report = (name, value, unit) => {
  const v = Number.isInteger(value) ? String(value) : value.toPrecision(4);
  console.log(`bench ${name} ${v} ${unit}`);
};

for (const file of readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .sort()) {
  if (only.length && !only.some((o) => file.startsWith(o))) continue;
  const mod = (await import(pathToFileURL(join(here, file)).href)) as { run: (r: Report) => Promise<void> };
  await mod.run(report);
}
