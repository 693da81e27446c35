/** Running a query against a SearchIndex: AND of the query words, ranked, top `limit`. */
import type { StoredPaper } from '../records';
import { FIELD_BITS, type SearchIndex } from './build';
import { literal, type Pattern } from './hangul';
import { lowerBound } from './lower-bound';
import { MAX_QUERY_CHARS, parseQuery, type QueryWord } from './query';
import { forTitlesStartingWith, titleKey } from './title';
import { smallest } from './top';

export interface SearchResult {
  papers: StoredPaper[];
  /** How many papers match in all, however many were returned. */
  total: number;
}

const TIER_EXACT_ID = 0;
const TIER_EXACT_TITLE = 1;
const TIER_TITLE_START = 2;
/** Rank tier of a doc for one query word, by the best field it matched in: id, title, authors, summary. */
const FIELD_TIER = Uint8Array.from({ length: 1 << FIELD_BITS }, (_, m) => (m === 0 ? 15 : 3 + Math.log2(m & -m)));

function termRange(terms: readonly string[], p: Pattern): [number, number] {
  return [
    lowerBound(terms, p.head + String.fromCharCode(p.lo)),
    lowerBound(terms, p.head + String.fromCharCode(p.hi + 1)),
  ];
}

/** Slices `[from, to)` of `postings` a word matches, and their total length. */
interface Slices {
  bounds: number[];
  cost: number;
}

function slicesOf(index: SearchIndex, word: QueryWord): Slices {
  const { terms, starts } = index;
  const ranges = word.patterns.map((p) => termRange(terms, p));
  const bounds: number[] = [];
  for (const [a, b] of ranges) if (b > a) bounds.push(starts[a] ?? 0, starts[b] ?? 0);
  if (word.substring !== null) {
    const { suffixes, suffixStarts, suffixTerms } = index;
    const [lo, hi] = termRange(suffixes, literal(word.substring));
    const seen = new Set<number>();
    for (let i = suffixStarts[lo] ?? 0; i < (suffixStarts[hi] ?? 0); i++) {
      const t = suffixTerms[i] ?? 0;
      if (seen.has(t) || ranges.some(([a, b]) => t >= a && t < b)) continue;
      seen.add(t);
      bounds.push(starts[t] ?? 0, starts[t + 1] ?? 0);
    }
  }
  let cost = 0;
  for (let i = 0; i < bounds.length; i += 2) cost += (bounds[i + 1] ?? 0) - (bounds[i] ?? 0);
  return { bounds, cost };
}

/**
 * Papers matching every query word, ranked in tiers: the paper whose arXiv id was typed in full; the paper whose
 * title was typed in full; papers whose title starts with the query; papers whose words all match in the id,
 * then in id or title, then in those or authors, then anywhere (summary). Within a tier by votes (null last),
 * then newest date. Empty or whitespace-only queries match nothing (`total` 0).
 */
export function search(index: SearchIndex, query: string, limit: number): SearchResult {
  const words = parseQuery(query);
  const n = index.papers.length;
  if (words.length === 0 || n === 0) return { papers: [], total: 0 };
  const plans = words.map((w) => slicesOf(index, w)).sort((a, b) => a.cost - b.cost);
  if ((plans[0]?.cost ?? 0) === 0) return { papers: [], total: 0 };

  const { postings } = index;
  const count = new Uint16Array(n);
  const tier = new Uint8Array(n);
  const fields = new Uint8Array(n);
  let cand = new Int32Array(0);
  let candLen = 0;
  for (let k = 0; k < plans.length; k++) {
    const { bounds } = plans[k] as Slices;
    const next = new Int32Array(k === 0 ? n : candLen);
    let m = 0;
    for (let s = 0; s < bounds.length; s += 2) {
      const end = bounds[s + 1] ?? 0;
      for (let i = bounds[s] ?? 0; i < end; i++) {
        const p = postings[i] as number;
        const d = p >>> FIELD_BITS;
        const c = count[d];
        if (c === k) {
          count[d] = k + 1;
          fields[d] = p;
          next[m++] = d;
        } else if (c === k + 1) fields[d] = (fields[d] as number) | p;
      }
    }
    for (let j = 0; j < m; j++) {
      const d = next[j] as number;
      const t = FIELD_TIER[(fields[d] as number) & 15] as number;
      if (t > (tier[d] as number)) tier[d] = t;
    }
    cand = next;
    candLen = m;
    if (m === 0) return { papers: [], total: 0 };
  }

  const all = plans.length;
  forTitlesStartingWith(index, titleKey(query.slice(0, MAX_QUERY_CHARS)), (d, exact) => {
    if (count[d] === all) tier[d] = exact ? TIER_EXACT_TITLE : TIER_TITLE_START;
  });
  for (const w of words) {
    const d = w.exactId === null ? undefined : index.byId.get(w.exactId);
    if (d !== undefined && count[d] === all) tier[d] = TIER_EXACT_ID;
  }
  const keys = new Float64Array(candLen);
  for (let j = 0; j < candLen; j++) {
    const d = cand[j] as number;
    keys[j] = (tier[d] as number) * n + (index.rank[d] as number);
  }
  const k = Number.isNaN(limit) ? 0 : Math.max(0, Math.min(candLen, Math.floor(limit)));
  const top = smallest(keys, candLen, k);
  return { papers: top.map((key) => index.papers[index.order[key % n] as number] as StoredPaper), total: candLen };
}
