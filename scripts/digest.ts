/**
 * `npm run digest -- check [--json] <file-or-dir>...`: parses digest files (directories are walked for `*.md`)
 * and reports date, runs, papers and every diagnostic. Exit 0 when clean, 1 when anything was skipped,
 * 2 on a usage error or an unreadable path. Formatting lives in lib/digest/report.ts.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseDigest } from '../lib/digest/parse';
import { checkExitCode, formatCheckText, toCheckJson } from '../lib/digest/report';
import type { ParsedDigest } from '../lib/digest/types';

const USAGE = 'usage: npm run digest -- check [--json] <file-or-dir>...';

class UsageError extends Error {}

function mdFiles(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  const out: string[] = [];
  for (const name of readdirSync(path).sort()) {
    const child = join(path, name);
    if (statSync(child).isDirectory()) out.push(...mdFiles(child));
    else if (name.endsWith('.md')) out.push(child);
  }
  return out;
}

function main(argv: string[]): number {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (command !== 'check') throw new UsageError(command ? `unknown command ${JSON.stringify(command)}` : 'no command');
  const json = rest.includes('--json');
  const unknown = rest.find((a) => a.startsWith('--') && a !== '--json');
  if (unknown) throw new UsageError(`unknown option ${unknown}`);
  const paths = rest.filter((a) => a !== '--json');
  if (paths.length === 0) throw new UsageError('no file or directory given');

  const files: string[] = [];
  for (const p of paths) {
    try {
      files.push(...mdFiles(p));
    } catch (e) {
      throw new UsageError(`cannot read ${p}: ${(e as Error).message}`);
    }
  }
  const parsed: ParsedDigest[] = [];
  for (const f of files) {
    let text: string;
    try {
      text = readFileSync(f, 'utf8');
    } catch (e) {
      throw new UsageError(`cannot read ${f}: ${(e as Error).message}`);
    }
    parsed.push(parseDigest(text, f));
  }
  process.stdout.write(json ? `${JSON.stringify(toCheckJson(parsed))}\n` : formatCheckText(parsed));
  return checkExitCode(parsed);
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  if (!(e instanceof UsageError)) throw e;
  process.stderr.write(`digest: ${e.message}\n${USAGE}\n`);
  process.exitCode = 2;
}
