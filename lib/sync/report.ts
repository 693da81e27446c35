/** What one sync run did (lib/sync/run `runSync` returns it; the runner hands it to the background). */
import type { AppError } from '../errors';

export type IndexOutcome = 'fetched' | 'not-modified' | 'failed' | 'skipped';

export interface SyncReport {
  /** Index read, run not cut short, no file failed. */
  ok: boolean;
  /** What went wrong, as codes (lib/errors.ts; the run's reason first, then notes such as refused days); null when ok. */
  error: AppError[] | null;
  index: IndexOutcome;
  /** Days listed in the index. */
  days: number;
  /** Day files requested this run. */
  requested: number;
  /** 200 responses written. */
  written: number;
  notModified: number;
  failed: number;
  /** Days left for a later run: backing off, past the per-run bound, or not reached because the run stopped. */
  deferred: number;
  /** Listed days after tomorrow (UTC), refused. */
  future: number;
  /** Body bytes downloaded (index included). */
  bytes: number;
  startedAt: number;
  endedAt: number;
  nextRun: number;
}

/** A report of a run that did nothing yet, started and ended at `t`. */
export function emptyReport(t: number): SyncReport {
  return {
    ok: false,
    error: null,
    index: 'skipped',
    days: 0,
    requested: 0,
    written: 0,
    notModified: 0,
    failed: 0,
    deferred: 0,
    future: 0,
    bytes: 0,
    startedAt: t,
    endedAt: t,
    nextRun: t,
  };
}
