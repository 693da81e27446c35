/**
 * writeDays (several whole days in one transaction, as the sync's group commit writes them) leaves the database
 * exactly as writing the same days one by one: on hand-made days that share papers and dates (over the whole real
 * corpus: test/corpus/db-write-days.test.ts).
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { type DayWrite, writeDays } from '../../lib/db/write-day';
import type { Paper, ParsedDigest } from '../../lib/digest/types';
import { batched, dump, freshDb, oneByOne } from '../support/write-day';

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
