/** The real corpus's day index (paper_logs/papers_list.csv) read by parseIndex. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { parseIndex } from '../../lib/sync/csv-index';
import { CORPUS_DIR, describeShared } from '../support/shared';

describeShared('parseIndex on the corpus', () => {
  it('papers_list.csv lists 311 days, newest 2025-05-09, 4,702 rows', () => {
    const r = parseIndex(readFileSync(join(CORPUS_DIR, 'paper_logs', 'papers_list.csv'), 'utf8'));
    if (!r.ok) throw new Error(r.error.code);
    expect(r.days).toHaveLength(311);
    expect(r.days[0]?.date).toBe('2025-05-09');
    expect(r.days.at(-1)?.date).toBe('2023-11-20');
    // `wc -l` of the file is 4,703 lines including the header.
    expect(r.days.reduce((n, d) => n + d.titles, 0)).toBe(4702);
  });
});
