/**
 * IndexedDB schema of the digest database and its stepwise upgrades.
 *
 * Versions (never edit a released step; add a new `if (oldVersion < N)` block instead):
 * - v1: `papers` (keyPath `arxivId`, StoredPaper), `digests` (keyPath `date`, StoredDigest),
 *   `meta` (out-of-line string keys: `'sync'` → SyncMeta, `'index'` → IndexMeta). In v1 the per-file
 *   validators lived only on the digest records and failures were a `fileErrors` list inside `meta['sync']`.
 * - v2: `files` (keyPath `path`, FileState): per-file sync state (validators, last error, attempts,
 *   nextRetryAt), seeded from v1's digests and `meta['sync'].fileErrors` (which is then dropped);
 *   index `papers.by-date` on the paper's newest date.
 * - v3: the Hugging Face cache: `hfDaily` (keyPath `date`, HfDailyRecord: one daily list with its fetch time) and
 *   `hfVotes` (keyPath `arxivId`, HfVoteRecord: a live upvote count with its fetch time; index `by-fetchedAt` for
 *   pruning); `meta['hf']` → HfMeta (rate limit). Nothing existing changes.
 * - (no version change) `meta['settings']` → the privileged settings, moved out of `storage.local`
 *   (lib/db/settings-store.ts; migrated once by lib/background/settings-migration.ts); `meta['providerKey']` →
 *   the model endpoint's API key (read only by the background, never exported).
 * - v4: `summaries` (keyPath `arxivId`, StoredSummary: a Korean summary made on the user's side, with provider,
 *   model, prompt version, creation time and token usage; index `by-createdAt`). Nothing existing changes.
 */
import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { AppError } from '../errors';
import type { HfDailyItem } from '../hf/api';
import type { StoredDigest, StoredPaper, StoredSummary, SyncProgress } from '../records';
import type { PrivilegedSettings } from '../setting-defaults';
import { fileChecked, fileFailed } from './file-state';

export const DB_NAME = 'arxiv-ko-digest';
export const DB_VERSION = 4;

/**
 * A stored error (lib/errors.ts): written as codes since errors are worded in the UI language; a string is what an
 * older version wrote (an English sentence). Read back through lib/db/sync-state.ts, which never shows such a string.
 */
export type StoredError = AppError | string;

/** Run-level sync state, `meta['sync']`. */
export interface SyncMeta {
  lastSuccess: number | null;
  /** The last run's errors (its reason first), or null after a good run. */
  lastError: AppError[] | StoredError | null;
  /** When the next run is due (ms since epoch). */
  nextRun: number | null;
  /** Progress of the current (or last, if it died) run. */
  progress: SyncProgress | null;
  /** When the last run started / finished. */
  lastRunStartedAt: number | null;
  lastRunEndedAt: number | null;
  /** Runs that failed in a row (index unreachable, offline, rate limited); drives run-level backoff. */
  consecutiveFailures: number;
  /** A 429's Retry-After: no request is made before this time. */
  retryAfterUntil: number | null;
}

/** The last successfully parsed `papers_list.csv`, `meta['index']`. */
export interface IndexMeta {
  /** Source base URL these validators belong to. */
  source: string;
  etag: string | null;
  lastModified: string | null;
  fetchedAt: number;
  /** Every listed day, newest first. */
  days: string[];
}

/** Per-file sync state (v2 `files` store). */
export interface FileState {
  /** Path relative to the source base, e.g. `paper_logs/2024/06/25.md`. */
  path: string;
  date: string;
  /** Source base URL the validators belong to (validators are not sent to another source). */
  source: string | null;
  etag: string | null;
  lastModified: string | null;
  /** Last successful response (200 or 304). */
  checkedAt: number | null;
  lastError: StoredError | null;
  lastErrorAt: number | null;
  /** Failed attempts in a row; 0 after a success. */
  attempts: number;
  /** Not requested again before this time. */
  nextRetryAt: number | null;
}

/** One Hugging Face daily list (v3 `hfDaily`): the newest day with papers as of `fetchedAt`. */
export interface HfDailyRecord {
  /** The list's day, `YYYY-MM-DD`. */
  date: string;
  items: HfDailyItem[];
  fetchedAt: number;
}

/** A live upvote count from `/api/papers/<id>` (v3 `hfVotes`). */
export interface HfVoteRecord {
  arxivId: string;
  upvotes: number;
  fetchedAt: number;
}

/** Hugging Face request state, `meta['hf']`. */
export interface HfMeta {
  /** After a 429: no Hugging Face request before this time. */
  retryAfterUntil: number | null;
}

/** `meta['providerKey']`: the model endpoint's API key. */
export interface ProviderKeyRecord {
  key: string;
}

/** `meta['settings']`: the privileged settings (lib/db/settings-store.ts); read back field by field. */
export type SettingsRecord = PrivilegedSettings;

export type MetaValue = SyncMeta | IndexMeta | HfMeta | SettingsRecord | ProviderKeyRecord;

export interface DigestDBv4 extends DBSchema {
  papers: { key: string; value: StoredPaper; indexes: { 'by-date': string } };
  digests: { key: string; value: StoredDigest };
  meta: { key: string; value: MetaValue };
  files: { key: string; value: FileState };
  hfDaily: { key: string; value: HfDailyRecord };
  hfVotes: { key: string; value: HfVoteRecord; indexes: { 'by-fetchedAt': number } };
  summaries: { key: string; value: StoredSummary; indexes: { 'by-createdAt': number } };
}

export type DigestDb = IDBPDatabase<DigestDBv4>;

/** v1 `meta['sync']` as v1 code wrote it (kept for the migration). */
export interface SyncMetaV1 {
  lastSuccess: number | null;
  lastError: string | null;
  nextRun: number | null;
  fileErrors: { path: string; message: string; at: number; attempts: number }[];
}

export function emptySyncMeta(): SyncMeta {
  return {
    lastSuccess: null,
    lastError: null,
    nextRun: null,
    progress: null,
    lastRunStartedAt: null,
    lastRunEndedAt: null,
    consecutiveFailures: 0,
    retryAfterUntil: null,
  };
}

/** `paper_logs/YYYY/MM/DD.md` → `YYYY-MM-DD`, or null. */
export function dateFromPath(path: string): string | null {
  const m = /(\d{4})\/(\d{2})\/(\d{2})\.md$/.exec(path);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

type UpgradeTx = IDBPTransaction<DigestDBv4, StoreNames<DigestDBv4>[], 'versionchange'>;

/** The `upgrade` callback: every step from `oldVersion` up to DB_VERSION, in order, in the versionchange transaction. */
export function upgrade(db: IDBPDatabase<DigestDBv4>, oldVersion: number, tx: UpgradeTx): void {
  if (oldVersion < 1) {
    db.createObjectStore('papers', { keyPath: 'arxivId' });
    db.createObjectStore('digests', { keyPath: 'date' });
    db.createObjectStore('meta');
  }
  if (oldVersion < 2) {
    db.createObjectStore('files', { keyPath: 'path' });
    tx.objectStore('papers').createIndex('by-date', 'date');
    // A failed migration aborts the upgrade: the v1 database stays as it was instead of opening half-migrated.
    if (oldVersion >= 1) migrateV1Files(tx).catch(() => tx.abort());
  }
  if (oldVersion < 3) {
    db.createObjectStore('hfDaily', { keyPath: 'date' });
    db.createObjectStore('hfVotes', { keyPath: 'arxivId' }).createIndex('by-fetchedAt', 'fetchedAt');
  }
  if (oldVersion < 4) {
    db.createObjectStore('summaries', { keyPath: 'arxivId' }).createIndex('by-createdAt', 'createdAt');
  }
}

/**
 * v1 → v2: one FileState per stored digest (its validators) and per v1 file error; the v1 sync record loses
 * `fileErrors` and gains the v2 fields. Runs inside the versionchange transaction (awaits IDB only).
 */
async function migrateV1Files(tx: UpgradeTx): Promise<void> {
  const files = tx.objectStore('files');
  const states = new Map<string, FileState>();
  let cursor = await tx.objectStore('digests').openCursor();
  while (cursor) {
    const d = cursor.value;
    states.set(
      d.path,
      fileChecked(d.path, d.date, { source: null, etag: d.etag, lastModified: d.lastModified, checkedAt: d.fetchedAt }),
    );
    cursor = await cursor.continue();
  }
  const meta = tx.objectStore('meta');
  const old = (await meta.get('sync')) as (Partial<SyncMetaV1> & Partial<SyncMeta>) | undefined;
  for (const e of old?.fileErrors ?? []) {
    const date = dateFromPath(e.path);
    if (!date) continue;
    states.set(
      e.path,
      fileFailed(e.path, date, states.get(e.path), {
        error: e.message,
        at: e.at,
        attempts: e.attempts,
        nextRetryAt: null,
      }),
    );
  }
  for (const s of states.values()) await files.put(s);
  if (old) {
    const next: SyncMeta = {
      ...emptySyncMeta(),
      lastSuccess: old.lastSuccess ?? null,
      lastError: old.lastError ?? null,
      nextRun: old.nextRun ?? null,
    };
    await meta.put(next, 'sync');
  }
}
