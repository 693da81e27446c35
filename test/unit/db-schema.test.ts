/**
 * Schema and migrations: a database written by v1 code (raw idb at version 1, exactly the v1 layout) is opened
 * with the current code and every record is kept; v2's per-file state is seeded from it. A database written by v2
 * code (raw idb at version 2) keeps every record through v3, which only adds the Hugging Face cache stores.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { openDigestDb } from '../../lib/db/open';
import { DB_VERSION, emptySyncMeta, type FileState } from '../../lib/db/schema';
import { getFileStates, getSyncMeta, getSyncStatus } from '../../lib/db/sync-state';
import { parseDigest } from '../../lib/digest/parse';
import type { StoredDigest, StoredPaper } from '../../lib/records';
import { dayFile, digestMarkdown, miniDays } from '../support/corpus-server';
import { createV1, createV2, createV3 } from '../support/legacy-db';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

/** v1 records built from parsed synthetic digests (two days sharing one paper). */
function v1Records() {
  const days = miniDays(2, 3);
  const papers = new Map<string, StoredPaper>();
  const digests: StoredDigest[] = [];
  for (const day of days) {
    const path = dayFile(day.date);
    const parsed = parseDigest(digestMarkdown(day), path);
    for (const p of parsed.papers) {
      const old = papers.get(p.arxivId);
      papers.set(p.arxivId, { ...p, date: day.date, dates: [day.date, ...(old?.dates ?? [])] });
    }
    digests.push({
      date: day.date,
      path,
      paperIds: parsed.papers.map((p) => p.arxivId),
      runs: parsed.runs.length,
      diagnostics: parsed.diagnostics,
      etag: `"etag-${day.date}"`,
      lastModified: 'Fri, 09 May 2025 10:00:00 GMT',
      fetchedAt: 1_746_790_000_000,
      bytes: 1234,
    });
  }
  return { papers: [...papers.values()], digests };
}

describe('schema', () => {
  it('a new database opens at the current version with every store', async () => {
    const db = await openDigestDb();
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual([
      'digests',
      'files',
      'hfDaily',
      'hfVotes',
      'meta',
      'papers',
      'summaries',
    ]);
    expect([...db.transaction('papers').store.indexNames]).toEqual(['by-date']);
    expect([...db.transaction('hfVotes').store.indexNames]).toEqual(['by-fetchedAt']);
    expect([...db.transaction('summaries').store.indexNames]).toEqual(['by-createdAt']);
    db.close();
  });

  it('v1 → v2 keeps every paper, digest and meta record and seeds per-file state', async () => {
    const { papers, digests } = v1Records();
    expect(papers).toHaveLength(5); // 3 + 3 with one shared
    const index = {
      source: 'https://example.org/',
      etag: '"idx"',
      lastModified: null,
      fetchedAt: 5,
      days: ['2025-05-09'],
    };
    const syncV1 = {
      lastSuccess: 1000,
      lastError: '1 day file could not be synced',
      nextRun: 2000,
      fileErrors: [{ path: 'paper_logs/2025/05/07.md', message: 'server error (503)', at: 900, attempts: 2 }],
    };
    await createV1(papers, digests, { sync: syncV1, index });

    const db = await openDigestDb();
    expect(db.version).toBe(DB_VERSION);
    const byId = (a: StoredPaper, b: StoredPaper) => a.arxivId.localeCompare(b.arxivId);
    expect((await db.getAll('papers')).sort(byId)).toEqual([...papers].sort(byId));
    expect(await db.getAll('digests')).toEqual(digests);
    expect(await db.get('meta', 'index')).toEqual(index);

    const meta = await getSyncMeta(db);
    expect(meta).toMatchObject({
      lastSuccess: 1000,
      lastError: syncV1.lastError,
      nextRun: 2000,
      consecutiveFailures: 0,
    });
    expect(meta).not.toHaveProperty('fileErrors');

    const files = await getFileStates(db);
    expect(files.get(digests[0]?.path as string)).toMatchObject({ etag: `"etag-${digests[0]?.date}"`, attempts: 0 });
    expect(files.get('paper_logs/2025/05/07.md')).toMatchObject({ lastError: 'server error (503)', attempts: 2 });
    const status = await getSyncStatus(db);
    // An older version's English sentences stay stored; they are shown as a generic code, never as English.
    const earlier = { code: 'syncEarlier', params: {} };
    expect(status.fileErrors).toEqual([{ path: 'paper_logs/2025/05/07.md', error: earlier, at: 900, attempts: 2 }]);
    expect(status.lastError).toEqual([earlier]);
    expect(status).toMatchObject({ paperCount: 5, digestCount: 2, newestDate: '2025-05-09' });

    // The new index answers: papers whose newest date is 2025-05-09.
    const newest = await db.getAllFromIndex('papers', 'by-date', '2025-05-09');
    expect(newest.map((p) => p.arxivId).sort()).toEqual(digests[1]?.paperIds.slice().sort());
    db.close();
  });

  it('an empty v1 database upgrades cleanly', async () => {
    await createV1([], [], {});
    const db = await openDigestDb();
    expect(await db.count('papers')).toBe(0);
    expect(await db.count('files')).toBe(0);
    expect(await db.get('meta', 'sync')).toBeUndefined();
    db.close();
  });
});

describe('v2 → v3', () => {
  it('keeps every paper, digest, file state and meta record and adds empty Hugging Face stores', async () => {
    const { papers, digests } = v1Records();
    const files: FileState[] = digests.map((d) => ({
      path: d.path,
      date: d.date,
      source: 'https://raw.githubusercontent.com/l-yohai/daily_papers_ko/main/',
      etag: d.etag,
      lastModified: d.lastModified,
      checkedAt: d.fetchedAt,
      lastError: null,
      lastErrorAt: null,
      attempts: 0,
      nextRetryAt: null,
    }));
    const sync = { ...emptySyncMeta(), lastSuccess: 1000, nextRun: 2000 };
    const index = {
      source: 'https://example.org/',
      etag: null,
      lastModified: null,
      fetchedAt: 5,
      days: ['2025-05-09'],
    };
    await createV2(papers, digests, files, { sync, index });

    const db = await openDigestDb();
    expect(db.version).toBe(DB_VERSION);
    const byId = (a: StoredPaper, b: StoredPaper) => a.arxivId.localeCompare(b.arxivId);
    expect((await db.getAll('papers')).sort(byId)).toEqual([...papers].sort(byId));
    expect(await db.getAll('digests')).toEqual(digests);
    expect(await db.getAll('files')).toEqual(files);
    expect(await db.get('meta', 'sync')).toEqual(sync);
    expect(await db.get('meta', 'index')).toEqual(index);
    expect(await db.getAllFromIndex('papers', 'by-date', '2025-05-09')).toHaveLength(3);
    expect(await db.count('hfDaily')).toBe(0);
    expect(await db.count('hfVotes')).toBe(0);
    // The new stores work.
    await db.put('hfVotes', { arxivId: '2406.16793', upvotes: 5, fetchedAt: 1 });
    expect(await db.getAllFromIndex('hfVotes', 'by-fetchedAt')).toHaveLength(1);
    db.close();
  });
});

describe('v3 → v4', () => {
  it('keeps every record of every v3 store (settings in meta included) and adds an empty summaries store', async () => {
    const { papers, digests } = v1Records();
    const records = {
      papers: papers.map((value) => ({ value })),
      digests: digests.map((value) => ({ value })),
      files: [{ value: { path: 'paper_logs/2025/05/09.md', date: '2025-05-09', source: null, etag: '"e"' } }],
      meta: [
        { key: 'sync', value: { ...emptySyncMeta(), lastSuccess: 5 } },
        { key: 'settings', value: { sourceUrl: 'https://mirror.example.org/x/', syncIntervalHours: 12 } },
      ],
      hfDaily: [{ value: { date: '2025-07-01', items: [], fetchedAt: 9 } }],
      hfVotes: [{ value: { arxivId: '2406.16793', upvotes: 5, fetchedAt: 1 } }],
    };
    await createV3(records);
    const db = await openDigestDb();
    expect(db.version).toBe(4);
    for (const [store, rs] of Object.entries(records)) {
      expect(await db.count(store as 'papers')).toBe(rs.length);
    }
    expect(await db.get('meta', 'settings')).toEqual(records.meta[1]?.value);
    expect(await db.get('hfVotes', '2406.16793')).toEqual(records.hfVotes[0]?.value);
    expect(await db.count('summaries')).toBe(0);
    const summary = {
      arxivId: '2511.00001',
      title: 'A paper',
      titleKo: null,
      sections: [{ label: "What's New", text: '새로운 점' }],
      provider: 'openai' as const,
      model: 'm',
      promptVersion: 1,
      createdAt: 10,
      usage: { inputTokens: 1, outputTokens: 2 },
    };
    await db.put('summaries', summary);
    expect(await db.getAllFromIndex('summaries', 'by-createdAt')).toEqual([summary]);
    db.close();
  });
});
