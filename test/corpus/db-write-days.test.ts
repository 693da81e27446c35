/** writeDays over the whole real corpus in backfill order, cut into batches of every size, equals writing it day by day. */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { expect, it } from 'vitest';
import { parseDigest } from '../../lib/digest/parse';
import { CORPUS_DIR, describeShared, mdFiles } from '../support/shared';
import { batched, oneByOne } from '../support/write-day';

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
