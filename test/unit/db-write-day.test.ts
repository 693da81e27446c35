/** writeDay merge rules and the queries the UI reads, on hand-made parse results (independent of the parser). */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { openDigestDb } from '../../lib/db/open';
import { counts, getBadges, getDigest, getLatestDigest, getPaper, listDays } from '../../lib/db/queries';
import type { DigestDb } from '../../lib/db/schema';
import { getSyncStatus } from '../../lib/db/sync-state';
import type { Paper, ParsedDigest } from '../../lib/digest/types';
import { writeDay } from '../support/write-day';

let db: DigestDb;
beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  db = await openDigestDb();
});

const paper = (arxivId: string, title = `T ${arxivId}`, votes: number | null = 1): Paper => ({
  arxivId,
  title,
  votes,
  authors: ['A'],
  media: null,
  sections: [{ label: "What's New", text: `about ${title}` }],
});

function parsed(date: string, papers: Paper[], runs = 1): ParsedDigest {
  return {
    path: `paper_logs/${date.replaceAll('-', '/')}.md`,
    date,
    runs: Array.from({ length: runs }, (_, i) => ({ date, line: 1 + i * 100, paperCount: papers.length })),
    papers,
    diagnostics: [],
  };
}

const meta = (date: string, etag = `"${date}"`) => ({
  date,
  path: `paper_logs/${date.replaceAll('-', '/')}.md`,
  etag,
  lastModified: null,
  fetchedAt: 1000,
  bytes: 10,
});

async function write(date: string, papers: Paper[], runs = 1) {
  return writeDay(db, parsed(date, papers, runs), meta(date));
}

describe('writeDay', () => {
  it('stores the digest in file order and every paper with its date', async () => {
    const r = await write('2024-06-25', [paper('2406.00003'), paper('2406.00001'), paper('2406.00002')]);
    expect(r).toEqual({ date: '2024-06-25', paperCount: 3, newPapers: 3, keptStored: 0 });
    const { digest, papers } = await getDigest(db, '2024-06-25');
    expect(digest?.paperIds).toEqual(['2406.00003', '2406.00001', '2406.00002']);
    expect(papers.map((p) => p.arxivId)).toEqual(['2406.00003', '2406.00001', '2406.00002']);
    expect(await getPaper(db, '2406.00001')).toEqual({
      ...paper('2406.00001'),
      date: '2024-06-25',
      dates: ['2024-06-25'],
    });
    expect(await getPaper(db, '2406.99999')).toBeNull();
  });

  it('a paper on several days lists every date newest first; the newest occurrence is shown', async () => {
    await write('2024-06-25', [paper('2406.00001', 'middle', 5)]);
    await write('2024-06-27', [paper('2406.00001', 'newest', 9)]);
    await write('2024-06-20', [paper('2406.00001', 'oldest', 1)]); // older day arrives last (backfill order)
    const p = await getPaper(db, '2406.00001');
    expect(p?.dates).toEqual(['2024-06-27', '2024-06-25', '2024-06-20']);
    expect(p).toMatchObject({ title: 'newest', votes: 9, date: '2024-06-27' });
    // Re-writing the newest day replaces the data (same date counts as newest).
    await write('2024-06-27', [paper('2406.00001', 'newest, edited', 12)]);
    expect(await getPaper(db, '2406.00001')).toMatchObject({ title: 'newest, edited', votes: 12 });
    expect((await getPaper(db, '2406.00001'))?.dates).toHaveLength(3);
  });

  it('a paper listed twice in one file (two runs) is stored once with the later run’s data', async () => {
    await write('2024-10-18', [paper('2410.00001', 'a', 1), paper('2410.00002'), paper('2410.00001', 'a', 7)], 2);
    const { digest } = await getDigest(db, '2024-10-18');
    expect(digest?.paperIds).toEqual(['2410.00001', '2410.00002']);
    expect(digest?.runs).toBe(2);
    expect((await getPaper(db, '2410.00001'))?.votes).toBe(7);
  });

  it('a re-fetched day with FEWER papers keeps the stored ones (stored order first) and notes it', async () => {
    await write('2025-05-09', [paper('2505.00001'), paper('2505.00002'), paper('2505.00003')]);
    const r = await write('2025-05-09', [paper('2505.00002', 'changed'), paper('2505.00004')]);
    expect(r.keptStored).toBe(2);
    const { digest, papers } = await getDigest(db, '2025-05-09');
    expect(digest?.paperIds).toEqual(['2505.00001', '2505.00002', '2505.00003', '2505.00004']);
    expect(papers).toHaveLength(4);
    expect(digest?.diagnostics.some((d) => d.line === 0 && /stored ones are kept/.test(d.message))).toBe(true);
    expect((await getPaper(db, '2505.00002'))?.title).toBe('changed');
    expect((await counts(db)).papers).toBe(4);
  });

  it('a re-fetched day with a second run appended grows, in the new file order', async () => {
    await write('2025-05-09', [paper('2505.00001'), paper('2505.00002')]);
    await write('2025-05-09', [paper('2505.00001'), paper('2505.00002'), paper('2505.00005')], 2);
    const { digest } = await getDigest(db, '2025-05-09');
    expect(digest?.paperIds).toEqual(['2505.00001', '2505.00002', '2505.00005']);
    expect(digest?.diagnostics).toEqual([]);
    expect(digest?.runs).toBe(2);
  });
});

describe('queries', () => {
  beforeEach(async () => {
    await write('2024-06-25', [paper('2406.00001', 'x', 3), paper('2406.00002', 'y', null)]);
    await write('2024-06-26', [paper('2406.00002', 'y2', 4), paper('2406.00003')]);
    await write('2023-12-01', [paper('2312.00001')]);
  });

  it('listDays: newest first with paper counts', async () => {
    expect(await listDays(db)).toEqual([
      { date: '2024-06-26', paperCount: 2 },
      { date: '2024-06-25', paperCount: 2 },
      { date: '2023-12-01', paperCount: 1 },
    ]);
  });

  it('getLatestDigest is the newest day with its papers in order', async () => {
    const { digest, papers } = await getLatestDigest(db);
    expect(digest?.date).toBe('2024-06-26');
    expect(papers.map((p) => [p.arxivId, p.title])).toEqual([
      ['2406.00002', 'y2'],
      ['2406.00003', 'T 2406.00003'],
    ]);
  });

  it('getDigest of an unknown day is empty', async () => {
    expect(await getDigest(db, '2020-01-01')).toEqual({ digest: null, papers: [] });
  });

  it('getBadges returns the stored ones only, with votes and newest date', async () => {
    expect(await getBadges(db, ['2406.00002', '9999.99999', '2406.00001', '2406.00002'])).toEqual([
      { arxivId: '2406.00002', votes: 4, date: '2024-06-26' },
      { arxivId: '2406.00001', votes: 3, date: '2024-06-25' },
    ]);
  });

  it('counts and sync status', async () => {
    expect(await counts(db)).toEqual({ papers: 4, digests: 3, newestDate: '2024-06-26' });
    expect(await getSyncStatus(db)).toEqual({
      running: false,
      progress: null,
      lastSuccess: null,
      lastError: null,
      nextRun: null,
      paperCount: 4,
      digestCount: 3,
      newestDate: '2024-06-26',
      fileErrors: [],
    });
    expect(await getSyncStatus(db, { running: true, progress: { done: 2, total: 5 } })).toMatchObject({
      running: true,
      progress: { done: 2, total: 5 },
    });
  });

  it('an empty database answers with nothing', async () => {
    globalThis.indexedDB = new IDBFactory();
    const empty = await openDigestDb();
    expect(await getLatestDigest(empty)).toEqual({ digest: null, papers: [] });
    expect(await listDays(empty)).toEqual([]);
    expect(await counts(empty)).toEqual({ papers: 0, digests: 0, newestDate: null });
  });
});
