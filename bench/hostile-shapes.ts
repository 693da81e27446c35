import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LOCAL_FIXTURES_DIR } from '../test/support/shared';

/**
 * The hostile shapes of issue 10, at any size, and a day of digest made of them. Used by the complexity tests
 * (test/unit/digest-linear.test.ts, small sizes), the hostile browser test and `hostile.panel_after_dcl`
 * (bench/hostile.bench.ts, full size).
 */

/** `'http://'` repeated to about `size` characters, then a control character (no URL ends the scan). */
export function bareLinks(size: number): string {
  return `${'http://'.repeat(Math.ceil(size / 7))}\x01`;
}

/** `'vs. '` repeated to about `size` characters (every `.` asks whether it ends an abbreviation). */
export function versus(size: number): string {
  return 'vs. '.repeat(Math.ceil(size / 4));
}

/** Backtick runs of decreasing length (k, k-1, …, 1), each followed by `a`, about `size` characters in all. */
export function decreasingBackticks(size: number): string {
  const parts: string[] = [];
  for (let k = Math.ceil(Math.sqrt(2 * size)); k > 0; k--) parts.push('`'.repeat(k));
  return parts.join('a');
}

/** `'](' ` repeated to about `size` characters (link targets that never close, for the search index). */
export function openLinkTargets(size: number): string {
  return ']('.repeat(Math.ceil(size / 2));
}

const KB = 1024;

/** Each shape at the size that stalled the worker, with the arXiv id of the paper that carries it. */
export const HOSTILE_PAPERS = [
  { id: '2406.90001', name: 'bare links (64 KB line)', text: bareLinks(64 * KB) },
  { id: '2406.90002', name: "'vs. ' (512 KB)", text: versus(512 * KB) },
  { id: '2406.90003', name: 'decreasing backtick runs (1 MB)', text: decreasingBackticks(1024 * KB) },
  { id: '2406.90004', name: "'](' (128 KB)", text: openLinkTargets(128 * KB) },
] as const;

/** The ordinary paper of {@link hostileDay}. */
export const ORDINARY_ID = '2406.90005';

/**
 * How much of each shape a day file carries in each of its four places: the file must stay under the sync's 2 MiB
 * download cap (lib/sync/source.ts), and every place is still far above its parse cap (title 2,000, authors and a
 * section 50,000 characters: lib/digest/caps.ts), so what is stored, and shown, is what the whole shape gives.
 */
export const DAY_FIELD_CHARS = 100_000;

/**
 * A digest day whose papers each carry one shape as its title, its authors, its What's New line and a continuation
 * line (the parser caps them; whatever survives is stored), plus one ordinary paper.
 */
export function hostileDay(date: string): string {
  const entries = HOSTILE_PAPERS.map(({ id, text: whole }) => {
    const text = whole.slice(0, DAY_FIELD_CHARS);
    return [
      `### [${text}](https://arxiv.org/abs/${id})`,
      '',
      'Vote: 1',
      '',
      `Authors: ${text}`,
      '',
      `- **What's New**: ${text}`,
      text,
      `- **Technical Details**: 보통 문장입니다. [https://arxiv.org/abs/${id}](https://evil.example/${id})`,
      '',
    ].join('\n');
  });
  return [
    `## Daily Papers (${date})`,
    '',
    ...entries,
    `### [An Ordinary Paper](https://arxiv.org/abs/${ORDINARY_ID})`,
    '',
    'Vote: 2',
    '',
    "- **What's New**: 평범한 논문입니다.",
    '',
  ].join('\n');
}

/**
 * An arXiv abstract page for `id`: test/fixtures/arxiv/abs-2407.00101v3.html with its id replaced (the panel shows
 * only where the page's citation id is the URL's).
 */
export function abstractPageOf(id: string): string {
  const page = readFileSync(join(LOCAL_FIXTURES_DIR, 'arxiv', 'abs-2407.00101v3.html'), 'utf8');
  return page.replaceAll('2407.00101', id);
}
