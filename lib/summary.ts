/** Short previews of a paper's Korean summary for lists (popup, search results). Pure. */
import { type Meter, NO_METER } from './digest/meter';
import type { InlineToken, Paper, Section } from './digest/types';

/** Default cap for a preview, in characters; longer sentences are cut at a word boundary with `…`. */
export const PREVIEW_MAX = 220;

const ABBREVIATIONS = [
  'e.g',
  'i.e',
  'et al',
  'vs',
  'etc',
  'cf',
  'fig',
  'figs',
  'eq',
  'no',
  'approx',
  'resp',
  'ex',
  'sec',
];
const TERMINATORS = new Set(['.', '!', '?', '。', '！', '？']);
/** Characters before a `.` that decide whether it ends an abbreviation: the longest one and the character before. */
const ABBREVIATION_WINDOW = Math.max(...ABBREVIATIONS.map((a) => a.length)) + 1;

/** The section a preview is taken from: `What's New` when present, else the first non-empty one. */
export function leadSection(sections: readonly Section[], meter: Meter = NO_METER): Section | null {
  const nonEmpty = sections.filter((s) => {
    meter.chars += s.text.length + (s.label?.length ?? 0);
    return s.text.trim() !== '';
  });
  const whatsNew = nonEmpty.find((s) => /what'?s\s*new/i.test(s.label ?? ''));
  return whatsNew ?? nonEmpty[0] ?? null;
}

/** `s[0, end)` ends with an abbreviation. Looks at a few characters only (it once copied the whole prefix). */
function endsWithAbbreviation(s: string, end: number): boolean {
  const lower = s.slice(Math.max(0, end - ABBREVIATION_WINDOW), end).toLowerCase();
  return ABBREVIATIONS.some((a) => lower.endsWith(a) && !/[a-z]/.test(lower.charAt(lower.length - a.length - 1)));
}

/**
 * The first sentence of `text`: up to and including the first `.`, `!`, `?` (or their full-width forms) that is
 * followed by whitespace or the end, skipping decimals (`3.5`), abbreviations (`e.g.`, `et al.`) and
 * terminators inside `$…$` math, `` `…` `` code or parentheses. Whitespace is collapsed. Capped at `max` characters.
 */
export function firstSentenceOf(text: string, max: number = PREVIEW_MAX, meter: Meter = NO_METER): string {
  // Only the start can be shown: collapse a prefix when it still holds more than `max` characters after collapsing.
  const prefix = text.length > 4 * (max + 2) ? text.slice(0, 4 * (max + 2)) : text;
  let s = prefix.replace(/\s+/g, ' ').trim();
  if (prefix !== text && s.length <= max + 1) s = text.replace(/\s+/g, ' ').trim();
  meter.chars += 3 * text.length; // the collapse, the loop (at most), the slice
  let inMath = false;
  let inCode = false;
  let parens = 0;
  let end = s.length;
  // A sentence that has not ended by `max` is clipped to `max` anyway: the scan stops there.
  const scanEnd = Math.min(s.length, max + 1);
  for (let i = 0; i < scanEnd; i++) {
    const c = s.charAt(i);
    if (c === '`' && !inMath) inCode = !inCode;
    else if (c === '$' && !inCode && s.charAt(i - 1) !== '\\') inMath = !inMath;
    else if (!inMath && !inCode && (c === '(' || c === '（')) parens++;
    else if (!inMath && !inCode && (c === ')' || c === '）') && parens > 0) parens--;
    if (inMath || inCode || parens > 0 || !TERMINATORS.has(c)) continue;
    const next = s.charAt(i + 1);
    if (next !== '' && next !== ' ' && !/[*_)"'’”\]]/.test(next)) continue;
    if (c === '.') meter.chars += 2 * ABBREVIATION_WINDOW;
    if (c === '.' && endsWithAbbreviation(s, i)) continue;
    // Keep closing emphasis/brackets/quotes that follow the terminator with the sentence.
    let j = i + 1;
    while (j < s.length && /[*_)"'’”\]]/.test(s.charAt(j))) j++;
    meter.chars += j - i; // closers right after a terminator: each is looked at after one terminator only
    if (j < s.length && s.charAt(j) !== ' ') continue;
    end = j;
    break;
  }
  return clip(s.slice(0, end), max);
}

/** Cuts `s` to at most `max` characters at a word boundary, adding `…` when it cut. */
export function clip(s: string, max: number = PREVIEW_MAX): string {
  if (s.length <= max) return s;
  const cut = s.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** The text of tokens without their markup (`**굵게**` → `굵게`, `[t](url)` → `t`; TeX kept as written). */
export function tokensText(tokens: readonly InlineToken[]): string {
  return tokens.map((tok) => tok.text).join('');
}

/** Papers by votes, most first; papers without a count (`null`) last; ties keep their given (file) order. */
export function sortByVotes<T extends Pick<Paper, 'votes'>>(papers: readonly T[]): T[] {
  return papers
    .map((p, i) => ({ p, i }))
    .sort((a, b) => {
      if (a.p.votes === b.p.votes) return a.i - b.i;
      if (a.p.votes === null) return 1;
      if (b.p.votes === null) return -1;
      return b.p.votes - a.p.votes || a.i - b.i;
    })
    .map(({ p }) => p);
}
