/**
 * writeDays (several whole days in one transaction, as the sync's group commit writes them) leaves the database
 * exactly as writing the same days one by one with writeDay: on hand-made days that share papers and dates, and on
 * the whole real corpus in backfill order, cut into batches of every size.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { openDigestDb } from '../../lib/db/open';
import type { DigestDb } from '../../lib/db/schema';
import { type DayWrite, writeDays } from '../../lib/db/write-day';
import { parseDigest } from '../../lib/digest/parse';
import type { Paper, ParsedDigest } from '../../lib/digest/types';
import { CORPUS_DIR, describeShared, mdFiles } from '../support/shared';
import { writeDay } from '../support/write-day';

async function freshDb(): Promise<DigestDb> {
  globalThis.indexedDB = new IDBFactory();
  return openDigestDb();
}

async function dump(db: DigestDb) {
  return {
    papers: await db.getAll('papers'),
    digests: await db.getAll('digests'),
    files: await db.getAll('files'),
  };
}

const paper = (arxivId: string, title: string, votes = 1): Paper => ({
  arxivId,
  title,
  votes,
  authors: ['A'],
  media: null,
  sections: [{ label: "What's New", text: title }],
});

function day(date: string, papers: Paper[], etag = `"${date}"`): DayWrite {
  const path = `paper_logs/${date.replaceAll('-', '/')}.md`;
  const parsed: ParsedDigest = {
    path,
    date,
    runs: [{ date, line: 1, paperCount: papers.length }],
    papers,
    diagnostics: [],
  };
  return { parsed, meta: { date, path, etag, lastModified: null, fetchedAt: 1000, bytes: 10, source: 'https://x/' } };
}

async function oneByOne(days: DayWrite[]) {
  const db = await freshDb();
  const results = [];
  for (const d of days) results.push(await writeDay(db, d.parsed, d.meta));
  const state = await dump(db);
  db.close();
  return { results, state };
}

async function batched(days: DayWrite[], sizes: number[]) {
  const db = await freshDb();
  const results = [];
  let at = 0;
  for (let i = 0; at < days.length; i++) {
    const n = sizes[i % sizes.length] as number;
    results.push(...(await writeDays(db, days.slice(at, at + n))));
    at += n;
  }
  const state = await dump(db);
  db.close();
  return { results, state };
}

describe('writeDays', () => {
  // A paper on three days (the older day arriving last), one day written twice in the same batch with fewer papers
  // the second time (stored ones kept), and a paper listed twice in one file.
  const days = [
    day('2024-06-25', [paper('2406.00001', 'middle', 5), paper('2406.00002', 'b')]),
    day('2024-06-27', [paper('2406.00001', 'newest', 9), paper('2406.00003', 'c'), paper('2406.00003', 'c again', 4)]),
    day('2024-06-20', [paper('2406.00001', 'oldest', 1)]),
    day('2024-06-27', [paper('2406.00003', 'c edited', 7)], '"second"'),
  ];

  it('stores the same records and reports the same results as writing the days one by one', async () => {
    const expected = await oneByOne(days);
    expect(expected.state.papers.find((p) => p.arxivId === '2406.00001')).toMatchObject({
      title: 'newest',
      dates: ['2024-06-27', '2024-06-25', '2024-06-20'],
    });
    expect(expected.state.digests.find((d) => d.date === '2024-06-27')?.paperIds).toEqual(['2406.00001', '2406.00003']);
    for (const sizes of [[4], [2], [3, 1], [1, 3]]) {
      const got = await batched(days, sizes);
      expect(got.state, `batches of ${sizes}`).toEqual(expected.state);
      expect(got.results, `batches of ${sizes}`).toEqual(expected.results);
    }
  });

  it('writes nothing for no days', async () => {
    const db = await freshDb();
    expect(await writeDays(db, [])).toEqual([]);
    expect(await dump(db)).toEqual({ papers: [], digests: [], files: [] });
  });
});

describeShared('writeDays over the corpus', () => {
  it('the whole corpus, newest first, in batches of 1 to 31 days, equals writing it day by day', async () => {
    const files = mdFiles(`${CORPUS_DIR}/paper_logs`).reverse();
    const days = files.flatMap((file) => {
      const path = relative(CORPUS_DIR, file);
      const parsed = parseDigest(readFileSync(file, 'utf8'), path);
      if (parsed.date === null || parsed.papers.length === 0) return [];
      const meta = { date: parsed.date, path, etag: null, lastModified: null, fetchedAt: 1, bytes: 1, source: null };
      return [{ parsed, meta }];
    });
    expect(days.length).toBe(311);
    const expected = await oneByOne(days);
    expect(expected.state.papers.length).toBe(4671);
    const got = await batched(days, [1, 7, 31, 2, 16]);
    expect(got.state).toEqual(expected.state);
    expect(got.results).toEqual(expected.results);
  });
});
