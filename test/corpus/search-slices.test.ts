/** The sliced search index build gives the very index the one-go build gives, for every paper of the real corpus. */
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { buildSearchIndex, buildSearchIndexInSlices } from '../../lib/search';
import { CORPUS_DIR, describeShared, mdFiles, storedPapers } from '../support/shared';

describeShared('buildSearchIndexInSlices over the corpus', () => {
  it('gives the same index as the one-go build for every synced paper', async () => {
    const all = storedPapers(mdFiles(join(CORPUS_DIR, 'paper_logs')));
    expect(await buildSearchIndexInSlices(all, 5)).toEqual(buildSearchIndex(all));
  });
});
