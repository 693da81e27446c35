/**
 * Property tests of the other untrusted inputs beside digests and model answers: the day index
 * (`papers_list.csv`, lib/sync/csv-index.ts) and import files (lib/export-format.ts). Fixed seed as every property
 * test here (test/support/fast-check-seed.ts); `PROPERTY_SEED=random` explores.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseArxivId } from '../../lib/arxiv-id';
import { buildExport, MIN_FETCHED_AT, parseExport, serializeExport } from '../../lib/export-format';
import { isAllowedMediaUrl } from '../../lib/media-hosts';
import type { StoredDigest, StoredPaper } from '../../lib/records';
import { parseCsv, parseIndex } from '../../lib/sync/csv-index';
import { digest } from './pages-fixtures';

const RUNS = process.env.PROPERTY_FULL === '1' ? 20_000 : 1_000;
const TIMEOUT = 120_000;

/** A field as a CSV writer would put it: quoted (quotes doubled) when it must be or when `quote` says so. */
function csvField(f: string, quote: boolean): string {
  return quote || /[",\r\n]/.test(f) || f.trim() !== f ? `"${f.replaceAll('"', '""')}"` : f;
}

describe('parseCsv / parseIndex properties', () => {
  it(
    'reads back exactly the rows a CSV writer wrote (any text, any line ends, quoted or not)',
    () => {
      const row = fc.array(fc.tuple(fc.string({ unit: 'binary', maxLength: 12 }), fc.boolean()), {
        minLength: 1,
        maxLength: 5,
      });
      fc.assert(
        fc.property(
          fc.array(row, { minLength: 1, maxLength: 12 }),
          fc.constantFrom('\n', '\r\n', '\r'),
          fc.boolean(),
          (rows, eol, lastEol) => {
            // A row of one empty field is a blank line, which a writer never ends a file with unquoted.
            const text =
              rows.map((r) => r.map(([f, q]) => csvField(f, q || (r.length === 1 && f === ''))).join(',')).join(eol) +
              (lastEol ? eol : '');
            const got = parseCsv(text);
            const want = rows.map((r) => r.map(([f]) => f));
            expect(got?.map((r) => r.fields)).toEqual(want);
          },
        ),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  const DATE = fc
    .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));
  const indexLike = fc
    .array(
      fc.oneof(
        fc
          .tuple(DATE, fc.string({ maxLength: 20 }))
          .map(([d, t]) => `${d},${csvField(t, false)},https://arxiv.org/abs/2406.16793`),
        fc.constantFrom('date,title,url', '', '2024-02-30,x,y', '"2024-06-27"', '"unterminated', ' 2024-06-27 ,a'),
        fc.string({ unit: 'binary', maxLength: 30 }),
      ),
      { maxLength: 30 },
    )
    .map((lines) => ['date,title,url', ...lines].join('\n'));

  it(
    'never throws; an accepted index lists real days, each once, newest first, with as many rows as name it',
    () => {
      fc.assert(
        fc.property(fc.oneof(indexLike, fc.string({ unit: 'binary', maxLength: 200 })), (text) => {
          const r = parseIndex(text);
          if (!r.ok) {
            expect(r.error.code).toMatch(/^index/);
            return;
          }
          expect(r.days.length).toBeGreaterThan(0);
          for (const [i, d] of r.days.entries()) {
            expect(new Date(`${d.date}T00:00:00Z`).toISOString().slice(0, 10)).toBe(d.date);
            expect(d.titles).toBeGreaterThanOrEqual(1);
            if (i > 0) expect(d.date < (r.days[i - 1]?.date ?? '')).toBe(true);
          }
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );
});

const NOW = Date.parse('2026-11-29T12:00:00Z');
const TOMORROW = new Date(NOW + 86_400_000).toISOString().slice(0, 10);
const id = (i: number) => `2505.${String(10_000 + i).padStart(5, '0')}`;

function sample(n: number): { digests: StoredDigest[]; papers: StoredPaper[] } {
  const papers: StoredPaper[] = Array.from({ length: n }, (_, i) => ({
    arxivId: id(i),
    title: `Paper ${i}`,
    votes: i % 3 === 0 ? null : i,
    authors: ['Kim', 'Lee'],
    media:
      i % 2 === 0
        ? { kind: 'image', url: `https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/${id(i)}.png` }
        : null,
    sections: [{ label: "What's New", text: `논문 ${i}의 **새로운** 방법.` }],
    date: '2025-05-09',
    dates: ['2025-05-09', '2025-05-08'],
  }));
  return { digests: [digest('2025-05-09', papers), digest('2025-05-08', papers)], papers };
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Every path to a value inside `v` (objects and arrays), the root included. */
function paths(v: Json, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(at);
  if (Array.isArray(v)) {
    for (const [i, x] of v.entries()) paths(x, [...at, i], out);
  } else if (v !== null && typeof v === 'object') for (const k of Object.keys(v)) paths(v[k] as Json, [...at, k], out);
  return out;
}

function setAt(root: Json, path: (string | number)[], value: Json): Json {
  if (path.length === 0) return value;
  let node = root as Record<string | number, Json>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, Json>;
  node[path[path.length - 1] as string | number] = value;
  return root;
}

const DAY_AFTER_TOMORROW = new Date(NOW + 2 * 86_400_000).toISOString().slice(0, 10);

/** Values a hostile or damaged file puts where a value of the same kind stood (most changes are of this sort). */
function nearMisses(old: Json): Json[] {
  if (typeof old === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(old)) {
    return ['9999-12-31', DAY_AFTER_TOMORROW, TOMORROW, '2025-02-30', '2025-05-08', '2025-5-9', ''];
  }
  if (typeof old === 'string' && /^\d{4}\.\d{5}$/.test(old)) {
    return [`${old}v2`, '../users', '2505.10001', '2505.10000', old.slice(0, -1), ' 2505.10000', ''];
  }
  if (typeof old === 'string' && old.startsWith('http')) {
    return [
      'javascript:alert(1)',
      'https://tracker.example/p.png',
      'http://cdn-thumbnails.huggingface.co/a.png',
      'https://cdn-thumbnails.huggingface.co/\u00a0a.png',
      'https://user@cdn-thumbnails.huggingface.co/a.png',
    ];
  }
  if (typeof old === 'number') return [-1, 0, 1.5, 1e15, 4e12, Number.MAX_SAFE_INTEGER + 2, '12'];
  if (Array.isArray(old)) return [[], [null], [...old, ...old], old.slice(1)];
  return [null, '', {}, []];
}

const anyJson: fc.Arbitrary<Json> = fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>;

/** One change: where (a path index), and what (a near miss of the old value, or any JSON). */
const change = fc.tuple(
  fc.nat(),
  fc.oneof({ weight: 4, arbitrary: fc.nat() }, { weight: 1, arbitrary: anyJson.map((j) => ({ j })) }),
);

describe('import file properties', () => {
  const base = JSON.parse(serializeExport(buildExport(sample(4).digests, sample(4).papers, NOW))) as Json;
  const allPaths = paths(base);

  it(
    'a good file with any of its values replaced never throws; what is accepted holds only valid records',
    () => {
      fc.assert(
        fc.property(fc.array(change, { minLength: 1, maxLength: 3 }), (changes) => {
          let file = structuredClone(base);
          for (const [k, what] of changes) {
            const path = allPaths[k % allPaths.length] ?? [];
            try {
              const old = path.reduce<Json>((node, key) => (node as Record<string | number, Json>)[key] as Json, file);
              const misses = nearMisses(old);
              const value = typeof what === 'number' ? (misses[what % misses.length] as Json) : what.j;
              file = setAt(file, path, structuredClone(value));
            } catch {
              // an earlier change removed this path's parent
            }
          }
          const r = parseExport(JSON.stringify(file), NOW);
          if (!r.ok) {
            expect(r.error.code).toMatch(/^import/);
            return;
          }
          for (const d of r.file.digests) {
            expect(d.date <= TOMORROW).toBe(true);
            expect(new Set(d.paperIds).size).toBe(d.paperIds.length);
            for (const pid of d.paperIds) expect(parseArxivId(pid)?.id).toBe(pid);
            expect(d.fetchedAt).toBeGreaterThanOrEqual(MIN_FETCHED_AT);
            expect(d.fetchedAt).toBeLessThanOrEqual(NOW + 86_400_000);
          }
          for (const p of r.file.papers) {
            expect(parseArxivId(p.arxivId)?.id).toBe(p.arxivId);
            if (p.media) expect(isAllowedMediaUrl(p.media.url)).toBe(true);
            for (const d of p.dates) expect(d <= TOMORROW).toBe(true);
          }
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it('builds, writes and reads back the same records', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 30 }), (n) => {
        const { digests, papers } = sample(n);
        const r = parseExport(serializeExport(buildExport(digests, papers, NOW)), NOW);
        expect(r.ok && r.file.papers).toEqual([...papers].sort((a, b) => (a.arxivId < b.arxivId ? -1 : 1)));
        expect(r.ok && r.file.digests).toEqual(digests);
      }),
      { numRuns: 50 },
    );
  });
});
