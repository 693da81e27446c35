/** `digest check` output (lib/digest/report.ts) and one end-to-end run of the CLI script. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseDigest } from '../../lib/digest/parse';
import { checkExitCode, formatCheckText, toCheckJson } from '../../lib/digest/report';
import { LOCAL_FIXTURES_DIR } from '../support/shared';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const fixturePath = (name: string) => join(LOCAL_FIXTURES_DIR, 'digests', name);
const parsedFixture = (name: string) => parseDigest(readFileSync(fixturePath(name), 'utf8'), fixturePath(name));

describe('digest check report', () => {
  it('JSON has exactly the documented keys and counts runs', () => {
    const json = toCheckJson([parsedFixture('double-run.md')]);
    expect(Object.keys(json)).toEqual(['files']);
    const [file] = json.files;
    expect(Object.keys(file ?? {})).toEqual(['path', 'date', 'runs', 'papers', 'diagnostics']);
    expect(file?.runs).toBe(2);
    expect(file?.papers).toHaveLength(3);
    expect(Object.keys(file?.papers[0] ?? {})).toEqual(['arxivId', 'title', 'votes', 'authors', 'media', 'sections']);
    expect(Object.keys(file?.papers[0]?.sections[0] ?? {})).toEqual(['label', 'text']);
  });

  it('text lists each file and every diagnostic with its line, then a total', () => {
    const text = formatCheckText([parsedFixture('vote-dash.md'), parsedFixture('broken.md')]);
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toBe(`${fixturePath('vote-dash.md')}: date 2024-07-26, 1 run, 1 paper`);
    expect(lines[1]).toBe(`${fixturePath('broken.md')}: date 2024-08-16, 1 run, 2 papers`);
    expect(lines.filter((l) => l.startsWith('  line '))).toHaveLength(7);
    expect(lines[2]).toMatch(/^ {2}line 1: text outside an entry/);
    expect(lines.at(-1)).toBe('2 files, 3 papers, 7 diagnostics (something was skipped)');
  });

  it('exit code is 1 when anything was skipped, else 0', () => {
    expect(checkExitCode([parsedFixture('vote-dash.md')])).toBe(0);
    expect(checkExitCode([parsedFixture('vote-dash.md'), parsedFixture('broken.md')])).toBe(1);
    expect(checkExitCode([])).toBe(0);
  });
});

describe('scripts/digest.ts (spawned)', () => {
  const cli = (...args: string[]) =>
    spawnSync('npx', ['tsx', 'scripts/digest.ts', ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });

  it('check --json on a clean fixture: exit 0, only JSON on stdout', () => {
    const r = cli('check', '--json', fixturePath('gen-2024-02-media.md'));
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout) as ReturnType<typeof toCheckJson>;
    expect(json.files).toHaveLength(1);
    expect(json.files[0]).toMatchObject({ date: '2024-03-01', runs: 1, diagnostics: [] });
    expect(json.files[0]?.papers.map((p) => [p.arxivId, p.votes])).toEqual([
      ['2402.10001', 51],
      ['2402.10002', 7],
    ]);
  });

  it('check on the fixture directory: exit 1 (broken.md has diagnostics), usage errors exit 2', () => {
    const r = cli('check', '--json', join(LOCAL_FIXTURES_DIR, 'digests'));
    expect(r.status).toBe(1);
    const json = JSON.parse(r.stdout) as ReturnType<typeof toCheckJson>;
    expect(json.files).toHaveLength(7);
    expect(json.files.find((f) => f.path?.endsWith('broken.md'))?.diagnostics.map((d) => d.line)).toEqual([
      1, 6, 8, 14, 20, 26, 28,
    ]);
    const missing = cli('check', join(LOCAL_FIXTURES_DIR, 'no-such-file.md'));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/cannot read .*no-such-file\.md/);
    expect(missing.stdout).toBe('');
    expect(cli('check').status).toBe(2);
    expect(cli('frobnicate', 'x').stderr).toMatch(/unknown command/);
  });
});
