import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createSearchCache } from '../../lib/background/search-cache';
import { openDigestDb } from '../../lib/db/open';
import type { DigestDb } from '../../lib/db/schema';
import type { StoredPaper } from '../../lib/records';

const paper = (arxivId: string, title: string): StoredPaper => ({
  arxivId,
  title,
  votes: 1,
  authors: [],
  media: null,
  sections: [],
  date: '2024-06-25',
  dates: ['2024-06-25'],
});

let db: DigestDb;
beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  db = await openDigestDb();
  await db.put('papers', paper('2406.00001', 'Sparse attention'));
});

describe('the worker’s search cache', () => {
  it('finds what is stored, and what a sync stored later once invalidated', async () => {
    const cache = createSearchCache(async () => db);
    expect((await cache.search('sparse', 10)).total).toBe(1);
    await db.put('papers', paper('2406.00002', 'Dense retrieval'));
    expect((await cache.search('dense', 10)).total).toBe(0); // the index is kept between queries
    cache.invalidate();
    expect((await cache.search('dense', 10)).total).toBe(1);
  });

  it('a failed build is not kept: the next query tries again', async () => {
    let fail = true;
    const cache = createSearchCache(async () => {
      if (fail) throw new Error('database is gone');
      return db;
    });
    await expect(cache.search('sparse', 10)).rejects.toThrow('database is gone');
    fail = false;
    expect((await cache.search('sparse', 10)).total).toBe(1);
  });

  it('warm() builds the index ahead of the first query, from what is stored then', async () => {
    let reads = 0;
    const cache = createSearchCache(async () => {
      reads++;
      return db;
    });
    await cache.warm();
    const afterWarm = reads; // the papers, and the summaries beside them
    expect(afterWarm).toBeGreaterThan(0);
    expect((await cache.search('sparse', 10)).total).toBe(1);
    expect(reads).toBe(afterWarm);
  });

  it('warmSoon(ms) builds it later, once', async () => {
    vi.useFakeTimers();
    try {
      let reads = 0;
      const cache = createSearchCache(async () => {
        reads++;
        return db;
      });
      cache.warmSoon(1000);
      cache.warmSoon(1000);
      expect(reads).toBe(0);
      await vi.advanceTimersByTimeAsync(1000);
      expect(reads).toBe(2); // one build of both: the papers' index and the summaries
    } finally {
      vi.useRealTimers();
    }
  });

  it('warmSoon does not build while its condition says no (a sync is writing), and does once it says yes', async () => {
    vi.useFakeTimers();
    try {
      let reads = 0;
      let syncing = true;
      const cache = createSearchCache(async () => {
        reads++;
        return db;
      });
      cache.warmSoon(1000, () => !syncing);
      await vi.advanceTimersByTimeAsync(1000);
      expect(reads).toBe(0);
      syncing = false;
      cache.warmSoon(1000, () => !syncing);
      await vi.advanceTimersByTimeAsync(1000);
      expect(reads).toBe(2);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('allPapersInPages', () => {
  it('reads every paper once, in key order, whatever the page size (page boundaries included)', async () => {
    const { allPapersInPages } = await import('../../lib/db/queries');
    for (let i = 2; i <= 12; i++) await db.put('papers', paper(`2406.${String(i).padStart(5, '0')}`, `T${i}`));
    const all = await db.getAll('papers');
    expect(all).toHaveLength(12);
    for (const size of [1, 3, 4, 5, 11, 12, 13, 500]) expect(await allPapersInPages(db, size)).toEqual(all);
  });
});
