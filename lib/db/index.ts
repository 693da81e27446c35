/**
 * The digest database (IndexedDB through idb). Public API:
 * - openDigestDb(name?) → DigestDb (global `indexedDB`; schema and migrations in ./schema)
 * - writeDay(db, parsed, meta) / writeDays(db, days) → WriteDayResult(s) (whole days in one transaction; merge rules in
 *   ./write-day)
 * - getPaper, getBadges, getDigest, getLatestDigest, listDays, counts (./queries)
 * - getSyncStatus(db, live), sync meta / index / per-file state helpers (./sync-state)
 * - exportAll, importRecords, clearAll (./data-io)
 */
export { clearAll, exportAll, importRecords } from './data-io';
export { openDigestDb } from './open';
export {
  allPapersInPages,
  type Counts,
  counts,
  type DigestWithPapers,
  getBadges,
  getDigest,
  getLatestDigest,
  getPaper,
  listDays,
} from './queries';
export {
  DB_NAME,
  DB_VERSION,
  type DigestDBv4,
  type DigestDb,
  emptySyncMeta,
  type FileState,
  type IndexMeta,
  type SyncMeta,
} from './schema';
export {
  getFileErrors,
  getFileStates,
  getIndexMeta,
  getStoredDates,
  getSyncMeta,
  getSyncStatus,
  type LiveRun,
  putFileState,
  putIndexMeta,
  updateSyncMeta,
} from './sync-state';
export { type DayMeta, type DayWrite, type WriteDayResult, writeDay, writeDays } from './write-day';
