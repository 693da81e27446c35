/**
 * Tests over the real corpus and arXiv fixtures in ../shared run when it is there (CI always has it);
 * in a plain clone they are skipped and say so plainly.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe } from 'vitest';

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
