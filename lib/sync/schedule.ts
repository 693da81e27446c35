/**
 * Scheduling help for the background (pure over the db, no `browser.*`). The background syncs on install, on
 * browser start-up, on the `sync` alarm and on "Sync now" (a run during a Retry-After makes no request); after each
 * run the runner's `onFinish(report)` sets the alarm at `report.nextRun`. When the interval setting changes,
 * `rescheduleAt(db, now, hours)` gives the new alarm time.
 */
import type { DigestDb } from '../db/schema';
import { getSyncMeta } from '../db/sync-state';
import { earliestRetry, nextAlarmAt } from './retry';

/** The next alarm time for a new interval setting (from the last run's end, failures and backoff kept). */
export async function rescheduleAt(db: DigestDb, now: number, intervalHours: number): Promise<number> {
  const [meta, states] = await Promise.all([getSyncMeta(db), db.getAll('files')]);
  return nextAlarmAt({
    now,
    intervalHours,
    lastRunEndedAt: meta.lastRunEndedAt,
    consecutiveFailures: meta.consecutiveFailures,
    retryAfterUntil: meta.retryAfterUntil,
    earliestFileRetryAt: earliestRetry(states),
  });
}
