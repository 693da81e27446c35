/**
 * Tests over the real corpus and arXiv fixtures in ../shared run when it is there (CI always has it);
 * in a plain clone they are skipped and say so plainly.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe } from 'vitest';
import { parseDigest } from '../../lib/digest/parse';
import type { StoredPaper } from '../../lib/records';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export const SHARED_DIR = process.env.SHARED_DIR ?? join(root, '..', 'shared');
export const CORPUS_DIR = join(SHARED_DIR, 'digest-corpus');
export const ARXIV_FIXTURES_DIR = join(SHARED_DIR, 'fixtures', 'arxiv');
export const LOCAL_FIXTURES_DIR = join(root, 'test', 'fixtures');
export const hasShared = existsSync(join(CORPUS_DIR, 'paper_logs', 'papers_list.csv'));

let warned = false;
/** `describe` that runs only when ../shared exists; otherwise prints one plain line and skips. */
export function describeShared(name: string, fn: () => void): void {
  if (!hasShared && !warned) {
    warned = true;
    console.warn(
      `SKIPPED: ../shared not found at ${SHARED_DIR}; tests over the real corpus and arXiv fixtures are skipped.`,
    );
  }
  (hasShared ? describe : describe.skip)(`${name} [../shared]`, fn);
}

/** Every `*.md` file under `dir`, depth first, names sorted in each directory. */
export function mdFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = join(dir, name);
      return statSync(p).isDirectory() ? mdFiles(p) : name.endsWith('.md') ? [p] : [];
    });
}

/** The papers of digest `files` as the sync stores them: the newest occurrence's data (later file wins a tie), all dates. */
export function storedPapers(files: readonly string[]): StoredPaper[] {
  const byId = new Map<string, StoredPaper>();
  for (const file of files) {
    const parsed = parseDigest(readFileSync(file, 'utf8'), relative(CORPUS_DIR, file));
    const date = parsed.date;
    if (date === null) continue;
    for (const p of parsed.papers) {
      const old = byId.get(p.arxivId);
      const dates = [...new Set([date, ...(old?.dates ?? [])])].sort().reverse();
      byId.set(p.arxivId, old && old.date > date ? { ...old, dates } : { ...p, date, dates });
    }
  }
  return [...byId.values()];
}
