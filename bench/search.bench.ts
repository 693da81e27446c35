/**
 * Search index: build time and p95 query time over the real corpus (../shared) and over 100,000 synthetic papers
 * made by deterministic recombination of corpus papers. Goals: p95 ≤ 5 ms (corpus), ≤ 50 ms (100k). Also the
 * longest stretch the worker's sliced build holds the thread (what a message arriving meanwhile may wait).
 * Queries: a fixed, seeded set of ≥ 200 realistic ones (title words, Korean words and prefixes, half-typed
 * syllables, authors, ids in every accepted form, mixes of 1–3 words).
 */
import { join } from 'node:path';
import type { StoredPaper } from '../lib/records';
import { buildSearchIndex, buildSearchIndexInSlices, type SearchIndex, search } from '../lib/search';
import { CORPUS_DIR, hasShared, mdFiles, storedPapers } from '../test/support/shared';
import type { Report } from './run';

const SYNTHETIC = 100_000;
const LIMIT = 50;
const REPEATS = 3;

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
const latinWords = (s: string) => s.split(/[^A-Za-z0-9-]+/).filter((w) => w.length >= 3);
const koreanWords = (s: string) => s.split(/\s+/).filter((w) => /^[가-힣]{2,}$/.test(w));

/** A fixed set of realistic queries, deterministic for a given corpus. */
export function benchQueries(papers: readonly StoredPaper[], count = 240): string[] {
  const r = rng(20240625);
  const out: string[] = [];
  const kinds = [
    (p: StoredPaper) =>
      latinWords(p.title)
        .slice(0, 1 + Math.floor(r() * 3))
        .join(' '),
    (p: StoredPaper) => pick(r, latinWords(p.title)).slice(0, 2 + Math.floor(r() * 3)),
    (p: StoredPaper) => pick(r, koreanWords(p.sections.map((s) => s.text).join(' '))),
    (p: StoredPaper) => pick(r, koreanWords(p.sections.map((s) => s.text).join(' '))).slice(0, 2),
    (p: StoredPaper) => {
      const w = koreanWords(p.sections.map((s) => s.text).join(' '));
      return `${pick(r, w)} ${pick(r, w)}`;
    },
    // Half-typed: the IME shows `모데` on the way to `모델`.
    (p: StoredPaper) => {
      const w = pick(r, koreanWords(p.sections.map((s) => s.text).join(' ')));
      const s = w.charCodeAt(1) - 0xac00;
      return `${w.charAt(0)}${String.fromCharCode(0xac00 + s - (s % 28))}`;
    },
    (p: StoredPaper) => pick(r, p.authors),
    (p: StoredPaper) => (pick(r, p.authors).split(' ').pop() ?? '').toLowerCase(),
    (p: StoredPaper) => p.arxivId,
    (p: StoredPaper) => `arXiv:${p.arxivId}v${1 + Math.floor(r() * 3)}`,
    (p: StoredPaper) => p.arxivId.slice(0, 7),
    (p: StoredPaper) =>
      `${pick(r, latinWords(p.title))} ${pick(r, koreanWords(p.sections.map((s) => s.text).join(' ')))}`,
  ];
  while (out.length < count) {
    const p = pick(r, papers);
    const q = kinds[out.length % kinds.length]?.(p);
    if (q && q.trim() !== '' && !q.includes('undefined')) out.push(q);
  }
  return out;
}

/** `count` papers: the corpus itself, then recombinations (title halves, author lists, sections) with new ids. */
export function synthesise(papers: readonly StoredPaper[], count: number): StoredPaper[] {
  const n = papers.length;
  const out: StoredPaper[] = papers.slice(0, count);
  const r = rng(7);
  for (let i = out.length; i < count; i++) {
    const a = papers[i % n] as StoredPaper;
    const b = papers[Math.floor(r() * n)] as StoredPaper;
    const c = papers[Math.floor(r() * n)] as StoredPaper;
    const ta = a.title.split(' ');
    const tb = b.title.split(' ');
    out.push({
      ...a,
      arxivId: `${7001 + Math.floor(i / 90_000)}.${String(i % 90_000).padStart(5, '0')}`,
      title: [...ta.slice(0, Math.ceil(ta.length / 2)), ...tb.slice(Math.ceil(tb.length / 2))].join(' '),
      authors: [...a.authors.slice(0, 2), ...c.authors.slice(2)],
      votes: r() < 0.2 ? null : Math.floor(r() * 300),
      sections: [...a.sections.slice(0, 2), ...c.sections.slice(2)],
    });
  }
  return out;
}

function p95(index: SearchIndex, queries: readonly string[]): { p50: number; p95: number; max: number } {
  for (const q of queries) search(index, q, LIMIT);
  const times: number[] = [];
  for (let rep = 0; rep < REPEATS; rep++) {
    for (const q of queries) {
      const t0 = performance.now();
      search(index, q, LIMIT);
      times.push(performance.now() - t0);
    }
  }
  times.sort((x, y) => x - y);
  const at = (f: number) => times[Math.min(times.length - 1, Math.floor(f * times.length))] ?? 0;
  return { p50: at(0.5), p95: at(0.95), max: times[times.length - 1] ?? 0 };
}

/** The longest stretch the sliced build (as the worker runs it) keeps the thread without giving it back, in ms. */
async function longestSlice(papers: readonly StoredPaper[]): Promise<number> {
  let last = performance.now();
  let longest = 0;
  await buildSearchIndexInSlices(papers, 10, async () => {
    longest = Math.max(longest, performance.now() - last);
    await new Promise((r) => setTimeout(r, 0));
    last = performance.now();
  });
  return Math.max(longest, performance.now() - last);
}

function timed<T>(f: () => T): [T, number] {
  const t0 = performance.now();
  const v = f();
  return [v, performance.now() - t0];
}

export async function run(report: Report): Promise<void> {
  if (!hasShared) {
    console.error(`search.bench: skipped, no corpus at ${CORPUS_DIR}`);
    return;
  }
  const papers = storedPapers(mdFiles(join(CORPUS_DIR, 'paper_logs')));
  const queries = benchQueries(papers);
  report('search.papers', papers.length, 'papers');
  report('search.queries', queries.length, 'queries');
  const [index, buildMs] = timed(() => buildSearchIndex(papers));
  report('search.build_ms', buildMs, 'ms');
  report('search.build_longest_slice_ms', await longestSlice(papers), 'ms');
  const small = p95(index, queries);
  report('search.p50', small.p50, 'ms');
  report('search.p95', small.p95, 'ms');
  report('search.max', small.max, 'ms');

  const many = synthesise(papers, SYNTHETIC);
  const [big, bigMs] = timed(() => buildSearchIndex(many));
  report('search.build_ms_100k', bigMs, 'ms');
  report('search.build_longest_slice_ms_100k', await longestSlice(many), 'ms');
  const large = p95(big, queries);
  report('search.p50_100k', large.p50, 'ms');
  report('search.p95_100k', large.p95, 'ms');
  report('search.max_100k', large.max, 'ms');
}
