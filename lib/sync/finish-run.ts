/**
 * The end of every sync run: the report's error and end time, and the outcome recorded in `meta['sync']`
 * (lastSuccess, lastError, run-level backoff, Retry-After, the next run's time). Never throws: a failure to record
 * becomes the report's error.
 */
import type { DigestDb } from '../db/schema';
import { getFileStates, getSyncMeta, updateSyncMeta } from '../db/sync-state';
import { type AppError, errorOf } from '../errors';
import type { SyncReport } from './report';
import { earliestRetry, nextAlarmAt } from './retry';

export interface RunOutcome {
  /** 'failed' grows run-level backoff, 'ok' resets it and sets lastSuccess, 'keep' changes neither. */
  runs: 'ok' | 'failed' | 'keep';
  /** Why the run ended as it did (none: a good run). */
  errors: AppError[];
  /** A new Retry-After deadline (null clears it; absent keeps the stored one). */
  retryAfterUntil?: number | null;
  /** Days were left over by the per-run bound: the next run is due a minute later. */
  moreDays?: boolean;
}

export interface FinishContext {
  db: DigestDb;
  now: () => number;
  intervalHours: number;
  /** Said after the outcome's errors whatever the run ends with (refused far-future days), or null. */
  note: AppError | null;
}

export async function finishRun(ctx: FinishContext, report: SyncReport, outcome: RunOutcome): Promise<SyncReport> {
  const { db } = ctx;
  report.endedAt = ctx.now();
  const errors = ctx.note ? [...outcome.errors, ctx.note] : outcome.errors;
  report.error = errors.length > 0 ? errors : null;
  report.ok = report.error === null;
  try {
    const meta = await getSyncMeta(db);
    const files = await getFileStates(db);
    const consecutiveFailures =
      outcome.runs === 'failed' ? meta.consecutiveFailures + 1 : outcome.runs === 'ok' ? 0 : meta.consecutiveFailures;
    const retryAfterUntil = outcome.retryAfterUntil !== undefined ? outcome.retryAfterUntil : meta.retryAfterUntil;
    report.nextRun = nextAlarmAt({
      now: report.endedAt,
      intervalHours: ctx.intervalHours,
      lastRunEndedAt: report.endedAt,
      consecutiveFailures,
      retryAfterUntil,
      earliestFileRetryAt: earliestRetry(files.values()),
      moreDays: outcome.moreDays,
    });
    await updateSyncMeta(db, {
      lastSuccess: outcome.runs === 'ok' ? report.endedAt : meta.lastSuccess,
      lastError: report.error,
      nextRun: report.nextRun,
      lastRunEndedAt: report.endedAt,
      consecutiveFailures,
      retryAfterUntil,
      progress: null,
    });
  } catch (e) {
    report.error ??= [errorOf(e, 'syncRecordFailed')];
    report.ok = false;
  }
  return report;
}
