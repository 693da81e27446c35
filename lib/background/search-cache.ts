/**
 * The search index lives in the worker's memory, built lazily from IndexedDB on the first query and dropped
 * whenever the stored papers change (after a sync run, an import or a clear). The worker may be killed at any
 * time; the next query simply rebuilds it.
 */
import { allPapersInPages } from '../db/queries';
import type { DigestDb } from '../db/schema';
import { buildSearchIndexInSlices, type SearchIndex, type SearchResult, search } from '../search';

export interface SearchCache {
  search(query: string, limit: number): Promise<SearchResult>;
  invalidate(): void;
  /** Builds the index now, so the next query does not wait for it. */
  warm(): Promise<void>;
  /**
   * Builds it `ms` from now unless it exists by then or `when()` says no then (a sync is writing: each written day
   * would drop the index at once, so building it would only take CPU from the sync).
   */
  warmSoon(ms: number, when?: () => boolean): void;
}

export function createSearchCache(db: () => Promise<DigestDb>): SearchCache {
  let index: Promise<SearchIndex> | null = null;
  const current = (): Promise<SearchIndex> => {
    if (!index) {
      const building = db()
        .then((d) => allPapersInPages(d))
        .then((papers) => buildSearchIndexInSlices(papers));
      index = building;
      building.catch(() => {
        if (index === building) index = null;
      });
    }
    return index;
  };
  return {
    async search(query, limit) {
      return search(await current(), query, limit);
    },
    invalidate() {
      index = null;
    },
    async warm() {
      await current();
    },
    warmSoon(ms, when = () => true) {
      setTimeout(() => {
        if (!index && when()) current().catch(() => undefined);
      }, ms);
    },
  };
}
