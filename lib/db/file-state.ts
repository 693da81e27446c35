/**
 * The one place a per-file sync state (`files` store, ./schema `FileState`) is built. Pure.
 * - `fileChecked`: after a good answer (a 200 stored, or a 304): its validators and source, no error, attempts 0.
 * - `fileFailed`: after a failed attempt: what the previous state knew (validators, source, last good check) with
 *   the error, the attempts in a row and when to try again.
 */
import type { FileState } from './schema';

export interface CheckedFile {
  source: string | null;
  etag: string | null;
  lastModified: string | null;
  checkedAt: number;
}

export interface FailedAttempt {
  error: NonNullable<FileState['lastError']>;
  at: number;
  attempts: number;
  nextRetryAt: number | null;
}

export function fileChecked(path: string, date: string, checked: CheckedFile): FileState {
  return {
    path,
    date,
    ...checked,
    lastError: null,
    lastErrorAt: null,
    attempts: 0,
    nextRetryAt: null,
  };
}

export function fileFailed(path: string, date: string, prev: FileState | undefined, failed: FailedAttempt): FileState {
  return {
    path,
    date,
    source: prev?.source ?? null,
    etag: prev?.etag ?? null,
    lastModified: prev?.lastModified ?? null,
    checkedAt: prev?.checkedAt ?? null,
    lastError: failed.error,
    lastErrorAt: failed.at,
    attempts: failed.attempts,
    nextRetryAt: failed.nextRetryAt,
  };
}
