/**
 * What the background does at browser start-up / install / wake (pure over the db, no `browser.*`):
 *
 *   const plan = await startupPlan(db, Date.now());
 *   if (plan.runNow) runner.run();                 // never synced, or the stored next run is overdue
 *   else browser.alarms.create('sync', { when: plan.when });
 *
 * After each run, the runner's `onFinish(report)` sets `alarms.create('sync', { when: report.nextRun })`.
 * When the interval setting changes, `rescheduleAt(db, now, hours)` gives the new alarm time.
 */
import type { DigestDb } from '../db/schema';
import { getSyncMeta } from '../db/sync-state';
import { nextAlarmAt } from './retry';

export type StartupPlan = { runNow: true } | { runNow: false; when: number };

export async function startupPlan(db: DigestDb, now: number): Promise<StartupPlan> {
  const meta = await getSyncMeta(db);
  if (meta.retryAfterUntil !== null && meta.retryAfterUntil > now) return { runNow: false, when: meta.retryAfterUntil };
  if (meta.lastRunEndedAt === null || meta.nextRun === null || meta.nextRun <= now) return { runNow: true };
  return { runNow: false, when: meta.nextRun };
}

/** The next alarm time for a new interval setting (from the last run's end, failures and backoff kept). */
export async function rescheduleAt(db: DigestDb, now: number, intervalHours: number): Promise<number> {
  const [meta, states] = await Promise.all([getSyncMeta(db), db.getAll('files')]);
  let earliest: number | null = null;
  for (const s of states) {
    if (s.lastError !== null && s.nextRetryAt !== null && (earliest === null || s.nextRetryAt < earliest)) {
      earliest = s.nextRetryAt;
    }
  }
  return nextAlarmAt({
    now,
    intervalHours,
    lastRunEndedAt: meta.lastRunEndedAt,
    consecutiveFailures: meta.consecutiveFailures,
    retryAfterUntil: meta.retryAfterUntil,
    earliestFileRetryAt: earliest,
  });
}
