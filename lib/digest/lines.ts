/**
 * The line shapes of a digest (see ./parse.ts): each reader looks only inside its line, by char codes where it runs
 * once per line of the corpus.
 */
import { arxivIdFromUrl, parseArxivId } from '../arxiv-id';
import type { Section } from './types';

export const PATH_DATE_RE = /(?:^|[\\/])(\d{4})[\\/](\d{2})[\\/](\d{2})\.md$/;
export const VIDEO_SRC_RE = /\ssrc\s*=\s*["']([^"']*)["']/i;

export const HASH = 35; // #
export const DASH = 45; // -
export const SPACE = 32;
export const TAB = 9;
export const CR = 13;
const STAR = 42; // *
const COLON = 58; // :

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** `YYYY-MM-DD` at `s[i..i+10)`, or null. */
export function dateAt(s: string, i: number): string | null {
  if (i + 10 > s.length) return null;
  for (let k = 0; k < 10; k++) {
    const c = s.charCodeAt(i + k);
    if (k === 4 || k === 7 ? c !== DASH : !isDigit(c)) return null;
  }
  return s.slice(i, i + 10);
}

export function show(s: string): string {
  return JSON.stringify(s.length > 80 ? `${s.slice(0, 77)}...` : s);
}

const ABS_PREFIX = 'https://arxiv.org/abs/';

/**
 * Id from an entry link via the shared recogniser; the usual `https://arxiv.org/abs/<id>` is checked without
 * URL parsing (same result: a bare valid id has nothing URL parsing would change), which halves the parse time.
 */
export function idFromUrl(url: string): string | null {
  if (url.startsWith(ABS_PREFIX)) {
    const fast = parseArxivId(url.slice(ABS_PREFIX.length));
    if (fast) return fast.id;
  }
  return arxivIdFromUrl(url)?.id ?? null;
}

const ABS_LINK = '](https://arxiv.org/abs/';
/** `](https://arxiv.org/abs/` + `YYMM.NNNNN` + `)`. */
const PLAIN_LINK_LENGTH = ABS_LINK.length + 10 + 1;

/**
 * The id and the index of `](` when the heading body `src[from, stop)` is `[Title](https://arxiv.org/abs/YYMM.NNNNN)`
 * with a valid 5-digit new-style id (YYMM ≥ 1501) and no version: all but a handful of corpus headings. Checked by
 * char codes on `src`, one string for the id. Anything else (versions, pdf links, old ids, other hosts) gives null
 * and goes through {@link idFromUrl}; whatever this accepts, `parseArxivId` accepts with the same id (tested).
 */
export function plainAbsHeadingId(src: string, from: number, stop: number): { id: string; at: number } | null {
  let e = stop;
  while (e > from && isWs(src.charCodeAt(e - 1))) e--;
  const at = e - PLAIN_LINK_LENGTH;
  let h = from;
  while (h < at && src.charCodeAt(h) === SPACE) h++;
  if (at <= h || src.charCodeAt(h) !== 91 || src.charCodeAt(e - 1) !== 41 || !src.startsWith(ABS_LINK, at)) return null;
  const i = at + ABS_LINK.length;
  if (src.charCodeAt(i + 4) !== 46) return null; // .
  let yymm = 0;
  let num = 0;
  for (let k = 0; k < 10; k++) {
    if (k === 4) continue;
    const c = src.charCodeAt(i + k);
    if (!isDigit(c)) return null;
    if (k < 4) yymm = yymm * 10 + (c - 48);
    else num = num * 10 + (c - 48);
  }
  const month = yymm % 100;
  if (yymm < 1501 || month < 1 || month > 12 || num === 0) return null;
  return { id: src.slice(i, i + 10), at };
}

export function isWs(c: number): boolean {
  return c === SPACE || (c >= 9 && c <= 13);
}

/** Votes of a `Vote:` line whose value is `src[a, b)`: a count, null for `-`, undefined when unreadable. */
export function voteAt(src: string, a: number, b: number): number | null | undefined {
  while (a < b && isWs(src.charCodeAt(a))) a++;
  while (b > a && isWs(src.charCodeAt(b - 1))) b--;
  if (b - a === 1 && src.charCodeAt(a) === DASH) return null;
  if (a === b || b - a > 9) return undefined;
  let n = 0;
  for (let i = a; i < b; i++) {
    const c = src.charCodeAt(i);
    if (!isDigit(c)) return undefined;
    n = n * 10 + (c - 48);
  }
  return n;
}

/** The labels of nearly every section, returned as these constants so 10k sections share three strings. */
const KNOWN_LABELS = ["What's New", 'Technical Details', 'Performance Highlights'];

/** `src[a, b)` trimmed, curly apostrophe as `'` (`What’s New` occurs once); null when empty. */
function labelAt(src: string, a: number, b: number): string | null {
  const len = b - a;
  const known = len === 10 ? KNOWN_LABELS[0] : len === 17 ? KNOWN_LABELS[1] : len === 22 ? KNOWN_LABELS[2] : undefined;
  if (known !== undefined && src.startsWith(known, a)) return known;
  const label = src.slice(a, b).trim();
  if (!label) return null;
  return label.includes('\u2019') ? label.replace(/\u2019/g, "'") : label;
}

/**
 * `src[a, b)` without leading spaces and trailing whitespace. A leading TAB is kept: in this corpus it stands for
 * the `\t` of a lost LaTeX command (`\textit` → TAB + `extit`), so it is content.
 */
export function textAt(src: string, a: number, b: number): string {
  while (a < b && src.charCodeAt(a) === SPACE) a++;
  return src.slice(a, b).trimEnd();
}

/**
 * Section of a bullet whose body (after `- `) is `src[from, stop)`: `**X**: t`, `***X***: t`, `***X*: t`,
 * `**X:** t` give label X; anything else is a plain bullet (label null). Scans only inside the line.
 */
export function bulletSection(src: string, from: number, stop: number): Section {
  if (src.charCodeAt(from) === STAR) {
    let n = from + 1;
    while (n < stop && src.charCodeAt(n) === STAR) n++;
    const stars = n - from;
    if (stars >= 2 && stars <= 3) {
      let close = n;
      while (close < stop && src.charCodeAt(close) !== STAR) close++;
      if (close > n && close < stop) {
        let after = close + 1;
        while (after < stop && src.charCodeAt(after) === STAR) after++;
        let labelEnd = -1;
        if (after < stop && src.charCodeAt(after) === COLON) {
          after++;
          labelEnd = close;
        } else if (src.charCodeAt(close - 1) === COLON) {
          labelEnd = close - 1;
        }
        const label = labelEnd < 0 ? null : labelAt(src, n, labelEnd);
        if (label !== null) return { label, text: textAt(src, after, stop) };
      }
    }
  }
  return { label: null, text: textAt(src, from, stop) };
}
