/**
 * The valibot schemas over untrusted input (messages: lib/background/requests.ts, export files: lib/export-format.ts,
 * Hugging Face answers: lib/hf/answers.ts) do work linear in its size. Work is counted, never timed: the input is
 * wrapped in Proxies that count every property read (`get`, `has`, own keys), and an input of twice the size may cost
 * at most about twice the reads. A step that went back over what it had read (quadratic) would cost four times.
 * What is counted is reading the input; the steps after it over the validated output (repeated ids, the checks across
 * records of an export file) use Sets and are linear by construction.
 */
import { describe, expect, it } from 'vitest';
import { buildExport, readExport } from '../../lib/export-format';
import { parseHostReply } from '../../lib/gen/chrome-ai/wire';
import { parseDailyPapers } from '../../lib/hf/answers';
import { CHANNEL } from '../../lib/messages';
import type { StoredDigest, StoredPaper } from '../../lib/records';
import { parseRequest } from '../support/requests';
import { storedSummary } from '../support/summaries';

/** `value` behind Proxies (objects and arrays, at every depth) that count the reads made through them. */
function counted(value: unknown): { value: unknown; reads: () => number } {
  let reads = 0;
  const wrap = (x: unknown): unknown => {
    if (typeof x !== 'object' || x === null) return x;
    return new Proxy(x, {
      get(target, key, receiver) {
        reads++;
        return wrap(Reflect.get(target, key, receiver));
      },
      has(target, key) {
        reads++;
        return Reflect.has(target, key);
      },
      ownKeys(target) {
        const keys = Reflect.ownKeys(target);
        reads += keys.length;
        return keys;
      },
    });
  };
  return { value: wrap(value), reads: () => reads };
}

/** Reads of `run` over `make(n)` and `make(2n)`: the larger costs at most ~2× (and more than nothing). */
function expectLinear(make: (n: number) => unknown, run: (input: unknown) => unknown, n = 500): void {
  const cost = (size: number) => {
    const c = counted(make(size));
    run(c.value);
    return c.reads();
  };
  const small = cost(n);
  const large = cost(2 * n);
  expect(small).toBeGreaterThan(0);
  expect(large / small).toBeLessThan(2.2);
}

const NOW = Date.parse('2026-11-29T12:00:00Z');
const id = (i: number) => `2505.${String(10_000 + i).padStart(5, '0')}`;
const paper = (i: number, extra: Partial<StoredPaper> = {}): StoredPaper => ({
  arxivId: id(i),
  title: `Paper ${i}`,
  votes: i,
  authors: ['Kim', 'Lee'],
  media: { kind: 'image', url: `https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/${id(i)}.png` },
  sections: [{ label: "What's New", text: '새로운 방법.' }],
  date: '2025-05-09',
  dates: ['2025-05-09'],
  ...extra,
});
const digest = (paperIds: string[]): StoredDigest => ({
  date: '2025-05-09',
  path: 'paper_logs/2025/05/09.md',
  paperIds,
  runs: 1,
  diagnostics: [],
  etag: null,
  lastModified: null,
  fetchedAt: Date.parse('2025-05-10T00:00:00Z'),
  bytes: 10,
});
const summary = (i: number) =>
  storedSummary(id(i), `Paper ${i}`, { sections: [{ label: null, text: '요약.' }], createdAt: NOW - 86_400_000 });
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('export files: reading one costs reads linear in its size', () => {
  const read = (file: unknown) => readExport(file, NOW);

  it.each<[string, (n: number) => unknown]>([
    [
      'n papers listed by one digest, and n summaries',
      (n) => {
        const papers = range(n).map((i) => paper(i));
        return buildExport([digest(papers.map((p) => p.arxivId))], papers, NOW, range(n).map(summary));
      },
    ],
    [
      'one paper with n authors and n sections',
      (n) => {
        const authors = range(n).map((i) => `Author ${i}`);
        const sections = range(n).map(() => ({ label: null, text: '가' }));
        return buildExport([], [paper(0, { authors, sections })], NOW);
      },
    ],
    [
      'one digest listing one id n times (kept once, with a note)',
      (n) => {
        return buildExport([digest(range(n).map(() => id(0)))], [paper(0)], NOW);
      },
    ],
    [
      'one summary with n sections (refused: more than an answer keeps)',
      (n) => {
        const s = { ...summary(0), sections: range(n).map(() => ({ label: null, text: '가' })) };
        return buildExport([], [], NOW, [s]);
      },
    ],
  ])('%s', (_shape, make) => {
    expectLinear(make, read);
  });

  it('the shapes above are read in full (the counts are of real work)', () => {
    const papers = range(50).map((i) => paper(i));
    const r = readExport(buildExport([digest(papers.map((p) => p.arxivId))], papers, NOW), NOW);
    expect(r.ok && r.file.papers).toHaveLength(50);
  });
});

describe('Hugging Face answers: a daily list costs reads linear in its size', () => {
  const item = (i: number, authors = 2) => ({
    paper: {
      id: id(i),
      title: `Paper ${i}`,
      upvotes: i,
      authors: range(authors).map((a) => ({ name: `Author ${a}` })),
      ai_keywords: ['a', 'b'],
    },
    numComments: 1,
  });

  it.each<[string, (n: number) => unknown]>([
    ['n malformed items (each looked at, skipped)', (n) => range(n).map((i) => ({ paper: { id: id(i) } }))],
    ['n copies of one item (duplicates dropped)', (n) => range(n).map(() => item(0))],
    ['one item with n authors (50 kept)', (n) => [item(0, n)]],
  ])('%s', (_shape, make) => {
    expectLinear(make, parseDailyPapers);
  });
});

describe('messages: validating one costs reads linear in its size (or bounded by a cap)', () => {
  const ask = (type: string, payload: unknown) => ({ channel: CHANNEL, type, payload });

  it.each<[string, (n: number) => unknown]>([
    ['getBadges with n ids', (n) => ask('getBadges', { arxivIds: range(Math.min(n, 2000)).map(id) })],
    ['getBadges with more ids than allowed (refused)', (n) => ask('getBadges', { arxivIds: range(4 * n).map(id) })],
    [
      'syncNow with n unknown fields (refused)',
      (n) => ask('syncNow', Object.fromEntries(range(n).map((i) => [`k${i}`, i]))),
    ],
  ])('%s', (_shape, make) => {
    expectLinear(make, parseRequest);
  });
});

describe('the offscreen wire: a reply costs reads bounded by its caps', () => {
  const section = { label: null, text: 'x' };
  it.each<[string, (n: number) => unknown]>([
    [
      'a partial with n sections (refused before any is read)',
      (n) => ({ kind: 'partial', sections: range(n).map(() => section), titleKo: null }),
    ],
    [
      'a result with n unknown fields (dropped)',
      (n) => ({
        kind: 'result',
        result: {
          sections: [section],
          titleKo: null,
          model: 'm',
          usage: null,
          ...Object.fromEntries(range(n).map((i) => [`k${i}`, i])),
        },
      }),
    ],
  ])('%s', (_shape, make) => {
    expectLinear(make, parseHostReply);
  });
});
