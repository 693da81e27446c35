/**
 * Search over the Korean summaries made on the user's side (v4 `summaries`): a linear scan, not an index. A user
 * makes summaries one at a time, so there are few (tens to hundreds); the scan reads at most the newest
 * MAX_SCANNED_SUMMARIES of them. Query words come from the same `parseQuery` (lib/search/query.ts) and text words from
 * the same `words` (lib/search/text.ts) as the digest index, and match the same way: every query word (ANDed) matches
 * a word of the summary by prefix (half-typed Korean widened), a Latin word of ≥ 3 characters also inside a word, an
 * arXiv id by its id. Searched: the English title, the Korean title, the section text and the arXiv id. Pure.
 *
 * Each summary is prepared once into one string of its distinct words (`\nword\nword…\n`), so a query is a few
 * `indexOf` passes over that string: the cost of a query is linear in the scanned summaries' words.
 */
import type { StoredSummary } from '../records';
import type { Pattern } from './hangul';
import { parseQuery, type QueryWord } from './query';
import { isLatinChar, words } from './text';

/**
 * Most summaries a search looks at (the newest ones; lib/background/search-cache.ts reads no more); older ones are
 * still listed in the reader's summaries page.
 */
export const MAX_SCANNED_SUMMARIES = 5000;

/** A summary ready to be scanned: its distinct words (and lowercased id), each between `\n`s. */
export interface SummaryDoc {
  summary: StoredSummary;
  text: string;
}

export function summaryDoc(summary: StoredSummary): SummaryDoc {
  const found: string[] = [summary.arxivId.toLowerCase()];
  words(summary.title, found);
  if (summary.titleKo) words(summary.titleKo, found);
  for (const s of summary.sections) words(s.text, found);
  const all = new Set(found);
  return { summary, text: `\n${[...all].join('\n')}\n` };
}

/** Some word of `text` starts with `p.head` followed by a unit in `[p.lo, p.hi]`. */
function hasPrefix(text: string, p: Pattern): boolean {
  const needle = `\n${p.head}`;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
    const c = text.charCodeAt(at + needle.length);
    if (c >= p.lo && c <= p.hi) return true;
  }
  return false;
}

/** `sub` occurs inside some word of `text`, from its second character on, starting at a Latin letter or digit. */
function hasInside(text: string, sub: string): boolean {
  for (let at = text.indexOf(sub); at >= 0; at = text.indexOf(sub, at + 1)) {
    if (text.charCodeAt(at - 1) !== 10 && isLatinChar(text.charCodeAt(at))) return true;
  }
  return false;
}

function matches(doc: SummaryDoc, w: QueryWord): boolean {
  return w.patterns.some((p) => hasPrefix(doc.text, p)) || (w.substring !== null && hasInside(doc.text, w.substring));
}

/**
 * The summaries matching every word of `query`, at most `limit`: the one whose arXiv id was typed in full first, then
 * in the order given (callers pass them newest first). An empty query matches nothing.
 */
export function scanSummaries(docs: readonly SummaryDoc[], query: string, limit: number): StoredSummary[] {
  const qs = parseQuery(query);
  if (qs.length === 0 || limit <= 0) return [];
  const ids = new Set(qs.map((q) => q.exactId).filter((id): id is string => id !== null));
  const exact: StoredSummary[] = [];
  const rest: StoredSummary[] = [];
  for (const doc of docs) {
    if (!qs.every((q) => matches(doc, q))) continue;
    (ids.has(doc.summary.arxivId) ? exact : rest).push(doc.summary);
  }
  return [...exact, ...rest].slice(0, limit);
}
