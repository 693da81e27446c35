/**
 * The in-memory search index over StoredPaper[].
 *
 * - `terms`: every distinct word (see text.ts) plus every arXiv id, sorted by UTF-16 code units, so the words
 *   starting with a prefix are one contiguous range found by binary search.
 * - `postings`: for term t, `postings[starts[t] .. starts[t+1])` holds `doc << 4 | fields` with docs ascending.
 *   Terms are numbered in sorted order, so a whole prefix range is also one contiguous slice of `postings`.
 * - `suffixes`: every distinct suffix (from the 2nd character, ≥ 3 characters, starting at a Latin letter or
 *   digit) of the terms containing Latin letters, sorted; `suffixTerms[suffixStarts[i] .. suffixStarts[i+1])`
 *   are the terms ending with suffix i. Substring search inside Latin words (`llm` finds `mllm`) is a prefix
 *   search here.
 * - `titleKeys`: titles as word strings, sorted, for "title starts with the query" (title.ts).
 * - `rank[doc]`: the doc's position when sorted by votes (high first, null last), then date (newest first).
 */
import { type Meter, NO_METER } from '../digest/meter';
import type { StoredPaper } from '../records';
import { GrowU32 } from './grow';
import { MIN_SUBSTRING } from './query';
import { hasLatinLetter, isLatinChar, words } from './text';
import { type TitleIndex, titleIndexSteps } from './title';

export const FIELD_ID = 1;
export const FIELD_TITLE = 2;
export const FIELD_AUTHORS = 4;
export const FIELD_SUMMARY = 8;
export const FIELD_BITS = 4;

export interface SearchIndex extends TitleIndex {
  /** Indexed papers (one per arXiv id, the last given wins); `doc` numbers index this array. */
  readonly papers: readonly StoredPaper[];
  readonly terms: readonly string[];
  readonly starts: Uint32Array;
  readonly postings: Uint32Array;
  readonly suffixes: readonly string[];
  readonly suffixStarts: Uint32Array;
  readonly suffixTerms: Uint32Array;
  readonly rank: Uint32Array;
  /** Docs in rank order: `order[rank[doc]] === doc`. */
  readonly order: Uint32Array;
  readonly byId: ReadonlyMap<string, number>;
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * `[...strings].sort()` (UTF-16 code unit order) in steps: strings are grouped by their first code unit and each
 * group is sorted on its own, so no single step sorts more than one group.
 */
export function* sortInSteps(strings: Iterable<string>, meter: Meter = NO_METER): Generator<void, string[]> {
  const groups = new Map<number, string[]>();
  let chars = 0;
  let count = 0;
  for (const s of strings) {
    chars += s.length;
    count++;
    const key = s.length === 0 ? -1 : s.charCodeAt(0);
    const group = groups.get(key);
    if (group) group.push(s);
    else groups.set(key, [s]);
  }
  // A comparison looks at most at the shorter string: n log n comparisons look at most at chars × log n.
  meter.chars += chars * Math.ceil(Math.log2(count + 1));
  yield;
  const out: string[] = [];
  for (const key of [...groups.keys()].sort((a, b) => a - b)) {
    const group = (groups.get(key) as string[]).sort();
    for (const s of group) out.push(s);
    yield;
  }
  return out;
}

function unique(papers: readonly StoredPaper[]): { docs: StoredPaper[]; byId: Map<string, number> } {
  const byId = new Map<string, number>();
  const docs: StoredPaper[] = [];
  for (const p of papers) {
    const at = byId.get(p.arxivId);
    if (at === undefined) {
      byId.set(p.arxivId, docs.length);
      docs.push(p);
    } else docs[at] = p;
  }
  return { docs, byId };
}

/** Docs, terms or suffixes handled between two steps of the build (see `buildSteps`). */
const STEP = 64;

/** (term, doc | fields) pairs in doc order, one per distinct term of a doc. */
function* collect(
  docs: readonly StoredPaper[],
  meter: Meter,
): Generator<
  void,
  {
    ids: Map<string, number>;
    names: string[];
    pairTerm: GrowU32;
    pairVal: GrowU32;
  }
> {
  const ids = new Map<string, number>();
  const names: string[] = [];
  const lastDoc: number[] = [];
  const lastSlot: number[] = [];
  const pairTerm = new GrowU32();
  const pairVal = new GrowU32();
  const add = (term: string, doc: number, field: number): void => {
    meter.chars += term.length; // hashing it
    let t = ids.get(term);
    if (t === undefined) {
      t = names.length;
      ids.set(term, t);
      names.push(term);
      lastDoc.push(-1);
      lastSlot.push(0);
    }
    if (lastDoc[t] === doc) {
      const slot = lastSlot[t] ?? 0;
      pairVal.data[slot] = (pairVal.data[slot] ?? 0) | field;
      return;
    }
    lastDoc[t] = doc;
    lastSlot[t] = pairVal.length;
    pairTerm.push(t);
    pairVal.push((doc << FIELD_BITS) | field);
  };
  for (let doc = 0; doc < docs.length; doc++) {
    const p = docs[doc] as StoredPaper;
    add(p.arxivId.toLowerCase(), doc, FIELD_ID);
    for (const w of words(p.title, [], meter)) add(w, doc, FIELD_TITLE);
    for (const w of words(p.authors.join('\n'), [], meter)) add(w, doc, FIELD_AUTHORS);
    for (const w of words(p.sections.map((s) => s.text).join('\n'), [], meter)) add(w, doc, FIELD_SUMMARY);
    if (doc % STEP === STEP - 1) yield;
  }
  return { ids, names, pairTerm, pairVal };
}

/**
 * Longer terms get no suffixes: a word's suffixes take memory quadratic in its length, and only hostile or broken
 * text has such words (a megabyte-long "title" would exhaust the worker's memory). They stay findable by prefix.
 */
export const MAX_SUFFIX_TERM = 48;

function* suffixArray(
  terms: readonly string[],
  meter: Meter,
): Generator<void, Pick<SearchIndex, 'suffixes' | 'suffixStarts' | 'suffixTerms'>> {
  const owners = new Map<string, number[]>();
  for (let t = 0; t < terms.length; t++) {
    if (t % (STEP * 16) === 0) yield;
    const term = terms[t] as string;
    meter.chars += term.length;
    if (term.length <= MIN_SUBSTRING || term.length > MAX_SUFFIX_TERM || !hasLatinLetter(term)) continue;
    meter.chars += term.length * term.length; // a slice and a hash per suffix
    for (let i = 1; i + MIN_SUBSTRING <= term.length; i++) {
      if (!isLatinChar(term.charCodeAt(i))) continue;
      const suffix = term.slice(i);
      const list = owners.get(suffix);
      if (list) list.push(t);
      else owners.set(suffix, [t]);
    }
  }
  yield;
  const suffixes = yield* sortInSteps(owners.keys(), meter);
  const suffixStarts = new Uint32Array(suffixes.length + 1);
  const suffixTerms = new Uint32Array(terms.length === 0 ? 0 : [...owners.values()].reduce((n, l) => n + l.length, 0));
  let at = 0;
  for (let i = 0; i < suffixes.length; i++) {
    for (const t of owners.get(suffixes[i] as string) ?? []) suffixTerms[at++] = t;
    suffixStarts[i + 1] = at;
    if (i % (STEP * 256) === 0) yield;
  }
  return { suffixes, suffixStarts, suffixTerms };
}

function ranking(docs: readonly StoredPaper[]): { rank: Uint32Array; order: Uint32Array } {
  const order = docs.map((_, i) => i);
  order.sort((a, b) => {
    const pa = docs[a] as StoredPaper;
    const pb = docs[b] as StoredPaper;
    const va = pa.votes ?? -1;
    const vb = pb.votes ?? -1;
    if (va !== vb) return vb - va;
    return compare(pb.date, pa.date) || compare(pb.arxivId, pa.arxivId);
  });
  const rank = new Uint32Array(docs.length);
  order.forEach((doc, pos) => {
    rank[doc] = pos;
  });
  return { rank, order: Uint32Array.from(order) };
}

/**
 * Builds the index at once. Pure; cost is linear in the text but for sorting the distinct words (see
 * bench/search.bench.ts for figures; `meter` counts the work for test/unit/search-linear.test.ts).
 */
export function buildSearchIndex(papers: readonly StoredPaper[], meter: Meter = NO_METER): SearchIndex {
  const steps = buildSteps(papers, meter);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * Builds the index in slices of about `sliceMs`, giving the thread back (`pause`) between them, so a worker
 * building it still answers other messages (a popup opening, a panel asking for its paper) within a slice.
 * The index is the same as `buildSearchIndex` gives.
 */
export async function buildSearchIndexInSlices(
  papers: readonly StoredPaper[],
  sliceMs = 10,
  pause: () => Promise<void> = () => new Promise((resolve) => setTimeout(resolve, 0)),
): Promise<SearchIndex> {
  const steps = buildSteps(papers);
  let sliceStart = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - sliceStart >= sliceMs) {
      await pause();
      sliceStart = performance.now();
    }
  }
}

/** The build as steps: each `yield` is a point where the work may pause. */
function* buildSteps(papers: readonly StoredPaper[], meter: Meter = NO_METER): Generator<void, SearchIndex> {
  const { docs, byId } = unique(papers);
  const { ids, names, pairTerm, pairVal } = yield* collect(docs, meter);
  yield;
  const terms = yield* sortInSteps(names, meter);
  const sortedOf = new Uint32Array(names.length);
  terms.forEach((term, pos) => {
    sortedOf[ids.get(term) ?? 0] = pos;
  });
  const starts = new Uint32Array(names.length + 1);
  for (let i = 0; i < pairTerm.length; i++) {
    const t = sortedOf[pairTerm.data[i] ?? 0] ?? 0;
    starts[t + 1] = (starts[t + 1] ?? 0) + 1;
    if (i % (STEP * 1024) === 0) yield;
  }
  for (let t = 0; t < names.length; t++) starts[t + 1] = (starts[t + 1] ?? 0) + (starts[t] ?? 0);
  const fill = starts.slice(0, names.length);
  const postings = new Uint32Array(pairTerm.length);
  for (let i = 0; i < pairTerm.length; i++) {
    if (i % (STEP * 1024) === 0) yield;
    const t = sortedOf[pairTerm.data[i] ?? 0] ?? 0;
    const at = fill[t] ?? 0;
    postings[at] = pairVal.data[i] ?? 0;
    fill[t] = at + 1;
  }
  yield;
  const suffixes = yield* suffixArray(terms, meter);
  yield;
  const ranks = ranking(docs);
  yield;
  const titles = yield* titleIndexSteps(docs, meter);
  return { papers: docs, terms, starts, postings, ...suffixes, ...ranks, ...titles, byId };
}
