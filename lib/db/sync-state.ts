/**
 * Sync state in the database: run-level `meta['sync']`, the last parsed index `meta['index']`, and per-file
 * `files` records; plus `getSyncStatus`, the SyncStatus shape the popup shows.
 *
 * `running` and live `progress` are not trusted from storage (a run dies with its service worker); the caller
 * passes what the in-memory runner knows.
 *
 * Errors are read back as codes (lib/errors.ts). One an older version stored as an English sentence, or one this
 * version does not know, reads as `syncEarlier` (said generically, in the UI language); the record stays as it is
 * until the next run or success of that file replaces it.
 */
import { type AppError, appError, readAppError } from '../errors';
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

/** A stored error as a code: `syncEarlier` for one that cannot be read (an older version's sentence); null for none. */
export function readStoredError(raw: unknown): AppError | null {
  if (raw === null || raw === undefined) return null;
  return readAppError(raw) ?? appError('syncEarlier');
}

/** A run's stored errors (a list of codes, or an older version's single sentence); null for none. */
export function readStoredErrors(raw: unknown): AppError[] | null {
  const list = (Array.isArray(raw) ? raw : [raw]).map(readStoredError).filter((e) => e !== null);
  return list.length > 0 ? list : null;
}

/** Files whose last attempt failed, oldest path first. */
export async function getFileErrors(db: DigestDb): Promise<FileError[]> {
  const all = await db.getAll('files');
  const out: FileError[] = [];
  for (const s of all) {
    const error = readStoredError(s.lastError);
    if (error) out.push({ path: s.path, error, at: s.lastErrorAt ?? 0, attempts: s.attempts });
  }
  return out;
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
    lastError: readStoredErrors(meta.lastError),
    nextRun: meta.nextRun,
    paperCount: c.papers,
    digestCount: c.digests,
    newestDate: c.newestDate,
    fileErrors,
  };
}
