/**
 * Sync state in the database: run-level `meta['sync']`, the last parsed index `meta['index']`, and per-file
 * `files` records; plus `getSyncStatus`, the SyncStatus shape the popup shows.
 *
 * `running` and live `progress` are not trusted from storage (a run dies with its service worker); the caller
 * passes what the in-memory runner knows.
 */
import type { FileError, SyncProgress, SyncStatus } from '../records';
import { counts } from './queries';
import { type DigestDb, emptySyncMeta, type FileState, type IndexMeta, type SyncMeta } from './schema';

export async function getSyncMeta(db: DigestDb): Promise<SyncMeta> {
  const v = (await db.get('meta', 'sync')) as SyncMeta | undefined;
  return { ...emptySyncMeta(), ...v };
}

/** Read-modify-write of `meta['sync']` in one transaction. */
export async function updateSyncMeta(db: DigestDb, patch: Partial<SyncMeta>): Promise<SyncMeta> {
  const tx = db.transaction('meta', 'readwrite');
  const old = (await tx.store.get('sync')) as SyncMeta | undefined;
  const next: SyncMeta = { ...emptySyncMeta(), ...old, ...patch };
  await Promise.all([tx.store.put(next, 'sync'), tx.done]);
  return next;
}

export async function getIndexMeta(db: DigestDb): Promise<IndexMeta | null> {
  return ((await db.get('meta', 'index')) as IndexMeta | undefined) ?? null;
}

export async function putIndexMeta(db: DigestDb, index: IndexMeta): Promise<void> {
  await db.put('meta', index, 'index');
}

export async function getFileStates(db: DigestDb): Promise<Map<string, FileState>> {
  const all = await db.getAll('files');
  return new Map(all.map((s) => [s.path, s]));
}

/** Dates of every stored digest. */
export async function getStoredDates(db: DigestDb): Promise<Set<string>> {
  return new Set(await db.getAllKeys('digests'));
}

export async function putFileState(db: DigestDb, state: FileState): Promise<void> {
  await db.put('files', state);
}

/** Files whose last attempt failed, oldest path first. */
export async function getFileErrors(db: DigestDb): Promise<FileError[]> {
  const all = await db.getAll('files');
  return all
    .filter((s) => s.lastError !== null)
    .map((s) => ({ path: s.path, message: s.lastError as string, at: s.lastErrorAt ?? 0, attempts: s.attempts }));
}

export interface LiveRun {
  running: boolean;
  progress: SyncProgress | null;
}

export async function getSyncStatus(
  db: DigestDb,
  live: LiveRun = { running: false, progress: null },
): Promise<SyncStatus> {
  const [meta, c, fileErrors] = await Promise.all([getSyncMeta(db), counts(db), getFileErrors(db)]);
  return {
    running: live.running,
    progress: live.running ? (live.progress ?? meta.progress) : null,
    lastSuccess: meta.lastSuccess,
    lastError: meta.lastError,
    nextRun: meta.nextRun,
    paperCount: c.papers,
    digestCount: c.digests,
    newestDate: c.newestDate,
    fileErrors,
  };
}
