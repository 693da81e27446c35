/**
 * The background's handle on the database. Opening may fail — most plainly when the database was written by a newer
 * version of the extension (after a downgrade: IndexedDB refuses to open it at a lower version, `VersionError`).
 * Nothing is deleted then: every request fails with the code `dbNewer` (the pages say it in the user's language),
 * and the next request tries to open it again (so an update back to the newer version, or a restart, recovers).
 */
import type { DigestDb } from '../db/schema';

export class DbOpenError extends Error {
  constructor(
    readonly code: 'dbNewer' | 'dbOpen',
    message: string,
  ) {
    super(message);
    this.name = 'DbOpenError';
  }
}

function toOpenError(e: unknown): DbOpenError {
  const name = (e as { name?: unknown } | null)?.name;
  const text = e instanceof Error ? e.message : String(e);
  return name === 'VersionError'
    ? new DbOpenError('dbNewer', `the database was written by a newer version of the extension (${text})`)
    : new DbOpenError('dbOpen', `the database could not be opened (${text})`);
}

/** `() => Promise<DigestDb>` that opens once, and after a failure opens again at the next call. */
export function dbHandle(open: () => Promise<DigestDb>): () => Promise<DigestDb> {
  let pending: Promise<DigestDb> | null = null;
  return () => {
    if (!pending) {
      pending = open().catch((e: unknown) => {
        pending = null;
        throw toOpenError(e);
      });
    }
    return pending;
  };
}
