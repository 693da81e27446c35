/**
 * The search index lives in the worker's memory, built lazily from IndexedDB on the first query and dropped
 * whenever the stored papers change (after a sync run, an import or a clear). The worker may be killed at any
 * time; the next query simply rebuilds it.
 *
 * Korean summaries made on the user's side are searched beside it by a linear scan (lib/search/summary-scan.ts): the
 * newest MAX_SCANNED_SUMMARIES, prepared once and kept until `invalidate()` or `invalidateSummaries()`.
 */
import { allPapersInPages } from '../db/queries';
import type { DigestDb } from '../db/schema';
import { newestSummaries } from '../db/summaries';
import type { StoredSummary } from '../records';
import { buildSearchIndexInSlices, type SearchIndex, type SearchResult, search } from '../search';
import { MAX_SCANNED_SUMMARIES, scanSummaries, summaryDoc } from '../search/summary-scan';
import { memo } from './memo';

/** Digest papers (ranked, with their total) and, apart, the matching generated summaries (newest first). */
export interface SearchAnswer extends SearchResult {
  summaries: StoredSummary[];
}

export interface SearchCache {
  search(query: string, limit: number): Promise<SearchAnswer>;
  /** The stored data changed: drops the index and the prepared summaries. */
  invalidate(): void;
  /** Only the summaries changed (one stored or deleted): the digest index is kept. */
  invalidateSummaries(): void;
  /** Builds the index now, so the next query does not wait for it. */
  warm(): Promise<void>;
  /**
   * Builds it `ms` from now unless it exists by then or `when()` says no then (a sync is writing: each written day
   * would drop the index at once, so building it would only take CPU from the sync).
   */
  warmSoon(ms: number, when?: () => boolean): void;
}

export function createSearchCache(db: () => Promise<DigestDb>, opts: { maxSummaries?: number } = {}): SearchCache {
  const maxSummaries = opts.maxSummaries ?? MAX_SCANNED_SUMMARIES;
  // Each kept until the data changes; a failed read or build is tried again at the next query (./memo.ts).
  const index = memo<SearchIndex>(() =>
    db()
      .then((d) => allPapersInPages(d))
      .then((papers) => buildSearchIndexInSlices(papers)),
  );
  const summaries = memo(async () => (await newestSummaries(await db(), maxSummaries)).map(summaryDoc));
  const warm = async () => {
    await Promise.all([index.get(), summaries.get()]);
  };
  return {
    async search(query, limit) {
      const [found, docs] = await Promise.all([index.get(), summaries.get()]);
      return { ...search(found, query, limit), summaries: scanSummaries(docs, query, limit) };
    },
    invalidate() {
      index.invalidate();
      summaries.invalidate();
    },
    invalidateSummaries() {
      summaries.invalidate();
    },
    warm,
    warmSoon(ms, when = () => true) {
      setTimeout(() => {
        if (!index.has() && when()) warm().catch(() => undefined);
      }, ms);
    },
  };
}
