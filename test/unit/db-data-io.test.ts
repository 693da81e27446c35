/**
 * The import merge (lib/db/data-io `importRecords`) and its list merges (lib/db/merge-lists), which the sync's
 * writeDays shares: what a merged day and a merged paper hold, and that merging is linear, shown by counting every
 * element read from the inputs (a deterministic counter, no clock) at a size and at twice that size.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { importRecords } from '../../lib/db/data-io';
import { unionDatesDesc, unionIds } from '../../lib/db/merge-lists';
import { openDigestDb } from '../../lib/db/open';
import type { DigestDb } from '../../lib/db/schema';
import type { StoredDigest, StoredPaper } from '../../lib/records';

/** `list` behind a Proxy that counts each element read (indexing, iteration, includes, indexOf… all read so). */
function counted<T>(list: T[], counter: { reads: number }): T[] {
  return new Proxy(list, {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key)) counter.reads++;
      return Reflect.get(target, key, receiver);
    },
  });
}

const ids = (from: number, n: number) =>
  Array.from({ length: n }, (_, i) => `2406.${String(from + i).padStart(5, '0')}`);
/** `n` distinct days, newest first, every `step`-th day from 2023-01-01 on. */
const days = (n: number, step: number, offset = 0) =>
  Array.from({ length: n }, (_, i) => new Date(Date.UTC(2023, 0, 1) + (offset + i * step) * 86_400_000))
    .map((d) => d.toISOString().slice(0, 10))
    .reverse();

/** Element reads of `merge(a, b)` for inputs of size `n`, built by `make`. */
function reads(merge: (a: string[], b: string[]) => unknown, make: (n: number) => [string[], string[]], n: number) {
  const counter = { reads: 0 };
  const [a, b] = make(n);
  merge(counted(a, counter), counted(b, counter));
  return counter.reads;
}

// Half of the second list is in the first (a re-fetched day that lost some papers and gained others).
const idLists = (n: number): [string[], string[]] => [ids(0, n), ids(n / 2, n)];
const dateLists = (n: number): [string[], string[]] => [days(n, 2), days(n, 3, 1)];

describe('merging is linear in the lists merged', () => {
  it('the counter sees quadratic work: a filter over includes reads about 4× as much at twice the size', () => {
    const naive = (a: string[], b: string[]) => [...a, ...b.filter((id) => !a.includes(id))];
    expect(reads(naive, idLists, 400) / reads(naive, idLists, 200)).toBeGreaterThan(3.5);
  });

  it.each([
    ['unionIds (a day’s paper ids)', unionIds, idLists],
    ['unionDatesDesc (a paper’s dates)', unionDatesDesc, dateLists],
  ] as const)('%s reads each element a bounded number of times, at any size', (_name, merge, make) => {
    for (const n of [1000, 2000, 4000]) expect(reads(merge, make, n)).toBeLessThanOrEqual(3 * 2 * n);
    expect(reads(merge, make, 4000) / reads(merge, make, 2000)).toBeLessThan(2.2);
  });
});

describe('unionIds / unionDatesDesc', () => {
  it('unionIds keeps the first list as it is, then what the second adds, each once', () => {
    expect(unionIds(['c', 'a'], ['b', 'a', 'd', 'b'])).toEqual(['c', 'a', 'b', 'd']);
    expect(unionIds([], ['x'])).toEqual(['x']);
  });

  it('unionDatesDesc is the union, newest first, without repeats', () => {
    expect(unionDatesDesc(['2024-07-01', '2024-06-25'], ['2024-06-26', '2024-06-25', '2024-06-01'])).toEqual([
      '2024-07-01',
      '2024-06-26',
      '2024-06-25',
      '2024-06-01',
    ]);
    expect(unionDatesDesc([], ['2024-06-25', '2024-06-25'])).toEqual(['2024-06-25']);
    const [a, b] = dateLists(300);
    expect(unionDatesDesc(a, b)).toEqual([...new Set([...a, ...b])].sort().reverse());
  });
});

describe('importRecords', () => {
  let db: DigestDb;
  beforeEach(async () => {
    globalThis.indexedDB = new IDBFactory();
    db = await openDigestDb();
  });

  const paper = (arxivId: string, dates: string[], title = arxivId): StoredPaper => ({
    arxivId,
    title,
    votes: 1,
    authors: [],
    media: null,
    sections: [],
    date: dates[0] as string,
    dates,
  });
  const digest = (date: string, paperIds: string[], fetchedAt: number): StoredDigest => ({
    date,
    path: `paper_logs/${date.replaceAll('-', '/')}.md`,
    paperIds,
    runs: 1,
    diagnostics: [],
    etag: null,
    lastModified: null,
    fetchedAt,
    bytes: 1,
  });
  const T = Date.parse('2024-06-25T12:00:00Z');

  it('a newer record of a stored day with a thousand papers keeps its order, then the stored ids it lacks', async () => {
    const stored = ids(0, 1000);
    const incoming = ids(500, 1000);
    const all = [...new Set([...stored, ...incoming])];
    await importRecords(
      db,
      [digest('2024-06-25', stored, T)],
      all.map((id) => paper(id, ['2024-06-25'])),
    );
    expect(await importRecords(db, [digest('2024-06-25', incoming, T + 1)], [])).toEqual({ added: 0, updated: 1 });
    expect((await db.get('digests', '2024-06-25'))?.paperIds).toEqual([...incoming, ...ids(0, 500)]);
  });

  it('an older record of a stored day changes nothing', async () => {
    await importRecords(db, [digest('2024-06-25', ['a'], T)], []);
    expect(await importRecords(db, [digest('2024-06-25', ['b'], T - 1)], [])).toEqual({ added: 0, updated: 0 });
    expect((await db.get('digests', '2024-06-25'))?.paperIds).toEqual(['a']);
  });

  it("a stored paper's dates become the union, newest first; the newer record's data is shown", async () => {
    await importRecords(db, [], [paper('2406.00001', ['2024-06-26', '2024-06-20'], 'stored')]);
    await importRecords(db, [], [paper('2406.00001', ['2024-07-01', '2024-06-26', '2024-06-01'], 'newer')]);
    expect(await db.get('papers', '2406.00001')).toMatchObject({
      title: 'newer',
      date: '2024-07-01',
      dates: ['2024-07-01', '2024-06-26', '2024-06-20', '2024-06-01'],
    });
  });
});
