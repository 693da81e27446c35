/**
 * `runSync(deps)`: one sync run. Never throws; returns a SyncReport and records the outcome in `meta['sync']`.
 *
 * 1. Honour a stored Retry-After (no request before it). Validate the source base URL.
 * 2. The day index (./read-index): fetched conditionally (at most MAX_INDEX_BYTES) and parsed (a malformed index
 *    fails the run and stores nothing). On 304 the stored day list is used.
 * 3. Plan (./plan): every listed day not stored yet, newest first, plus the newest `revalidateDays` stored
 *    days conditionally; files backing off are deferred; days after tomorrow (UTC) are refused (named in the
 *    run's error, the other days sync); at most `maxDaysPerRun` days not stored yet, the rest left to the next
 *    run, which is then due a minute later. Every request refuses redirects and bodies over their cap (./fetch-file).
 * 4. `concurrency` workers fetch (./fetch-pool); each day is parsed then written whole in one transaction as soon as
 *    it arrives (./day-results, ./day-writer: days arriving while a commit runs share the next transaction; the
 *    network is never awaited inside a transaction), so a run cut short keeps every day written so far and the next
 *    run picks up the rest.
 * 5. Per-file failures (404, 5xx, redirect, over MAX_DAY_FILE_BYTES, timeout, truncated, non-UTF-8, no papers)
 *    → the file's state gets attempts+1, lastError, nextRetryAt (exponential backoff, Retry-After honoured); the
 *    run goes on.
 *    Network failure (offline), 429 or an abort stop the run: no new requests, in-flight ones finish.
 * 6. Run outcome → `meta['sync']` (./finish-run): lastSuccess (index read and run not cut short), lastError,
 *    consecutiveFailures (run-level backoff), retryAfterUntil, nextRun = nextAlarmAt(...).
 */

import type { DigestDb } from '../db/schema';
import { getFileStates, getStoredDates, getSyncMeta, updateSyncMeta } from '../db/sync-state';
import { parseDigest } from '../digest/parse';
import type { ParsedDigest } from '../digest/types';
import { appError, errorOf } from '../errors';
import type { SyncProgress } from '../records';
import { createDayResults, type DayResults } from './day-results';
import { createDayWriter } from './day-writer';
import { type FetchLike, fetchText } from './fetch-file';
import { fetchPool } from './fetch-pool';
import { type FinishContext, finishRun, type RunOutcome } from './finish-run';
import { planDays } from './plan';
import { createProgress } from './progress';
import { readIndex } from './read-index';
import { emptyReport, type SyncReport } from './report';
import { MAX_DAY_FILE_BYTES, sourceUrl, validateSourceUrl } from './source';

export { emptyReport, type IndexOutcome, type SyncReport } from './report';

export interface SyncDeps {
  db: DigestDb;
  /** `fetch` (bound to globalThis in the browser: pass `(u, i) => fetch(u, i)`). */
  fetch: FetchLike;
  /** Source base URL (settings: sourceUrlItem). */
  baseUrl: string;
  now?: () => number;
  /** Sync interval setting in hours, for `nextRun` (default 6). */
  intervalHours?: number;
  /** Day files in flight at once (default 8: small static files, HTTP/2 on the default host). */
  concurrency?: number;
  /** Per request, headers and body (default 30 s). */
  timeoutMs?: number;
  /** Newest listed days revalidated every run (default 3). */
  revalidateDays?: number;
  /** Days not stored yet downloaded at most in one run (default 1,000); the next run, a minute later, goes on. */
  maxDaysPerRun?: number;
  /** Aborting stops the run: no new requests, in-flight ones are cancelled, written days stay. */
  signal?: AbortSignal;
  onProgress?: (p: SyncProgress) => void;
  /** Digest parser (default lib/digest/parse parseDigest). */
  parse?: (text: string, path: string) => ParsedDigest;
}

export const DEFAULTS = {
  concurrency: 8,
  timeoutMs: 30_000,
  revalidateDays: 3,
  intervalHours: 6,
  maxDaysPerRun: 1000,
} as const;

export async function runSync(deps: SyncDeps): Promise<SyncReport> {
  const now = deps.now ?? Date.now;
  const startedAt = now();
  const report = emptyReport(startedAt);
  const db = deps.db;
  /** `note`: refused far-future days, named in whatever the run ends with (set once the plan is made). */
  const fin: FinishContext = { db, now, intervalHours: deps.intervalHours ?? DEFAULTS.intervalHours, note: null };
  const finish = (outcome: RunOutcome) => finishRun(fin, report, outcome);

  try {
    const meta = await getSyncMeta(db);
    if (meta.retryAfterUntil !== null && meta.retryAfterUntil > startedAt) {
      return await finish({ runs: 'keep', errors: [appError('syncSlowDown', { until: meta.retryAfterUntil })] });
    }
    const source = validateSourceUrl(deps.baseUrl);
    if (!source.ok) return await finish({ runs: 'keep', errors: [appError('syncSource', { cause: source.error })] });
    const base = source.url;
    await updateSyncMeta(db, { lastRunStartedAt: startedAt, progress: { done: 0, total: 0 }, retryAfterUntil: null });
    const timeoutMs = deps.timeoutMs ?? DEFAULTS.timeoutMs;

    // 1. The index.
    const index = await readIndex(
      {
        db,
        fetch: deps.fetch,
        base,
        now,
        timeoutMs,
        signal: deps.signal,
        consecutiveFailures: meta.consecutiveFailures,
      },
      report,
    );
    if (index.kind === 'end') return await finish(index.outcome);
    report.days = index.days.length;

    // 2. The plan.
    const [storedDates, files] = await Promise.all([getStoredDates(db), getFileStates(db)]);
    const plan = planDays({
      days: index.days,
      storedDates,
      files,
      now: now(),
      revalidateDays: deps.revalidateDays ?? DEFAULTS.revalidateDays,
      source: base,
      maxNew: Math.max(1, deps.maxDaysPerRun ?? DEFAULTS.maxDaysPerRun),
    });
    report.deferred = plan.deferred.length + plan.later.length;
    report.future = plan.future.length;
    if (plan.future.length > 0) fin.note = futureDays(plan.future);
    const total = plan.tasks.length;
    const progress = createProgress(db, total, deps.onProgress);
    await progress.start();

    // 3. The days.
    const parse = deps.parse ?? ((text: string, path: string) => parseDigest(text, path));
    const results = createDayResults({ db, base, now, files, parse, writer: createDayWriter(db) }, report);
    await fetchPool({
      tasks: plan.tasks,
      width: Math.min(deps.concurrency ?? DEFAULTS.concurrency, 16),
      fetch: (task) => {
        report.requested++;
        return fetchText(deps.fetch, sourceUrl(base, task.path), {
          timeoutMs,
          signal: deps.signal,
          now,
          maxBytes: MAX_DAY_FILE_BYTES,
          validators: task.validators,
        });
      },
      settle: async (task, r) => {
        await results.settle(task, r);
        await progress.step();
      },
      stopped: () => {
        if (results.stop || deps.signal?.aborted) {
          results.stop ??= 'aborted';
          return true;
        }
        return false;
      },
    });

    // 4. The outcome.
    const left = total - progress.done;
    report.deferred += left;
    if (results.stop) return await finish(stopOutcome(results, left, now));
    const moreDays = plan.later.length > 0;
    const first = results.failures[0];
    if (first) {
      const count = results.failures.length;
      return await finish({
        runs: 'ok',
        errors: [appError('syncFilesFailed', { count, path: first.path, cause: first.error })],
        moreDays,
      });
    }
    return await finish({ runs: 'ok', errors: [], moreDays });
  } catch (e) {
    return await finish({ runs: 'failed', errors: [errorOf(e, 'syncFailed')] });
  }
}

/** How a run that stopped early ends: why, and how many days are left for the next run. */
function stopOutcome(results: DayResults, left: number, now: () => number): RunOutcome {
  const { stop, retryAfterUntil } = results;
  const why =
    stop === 'offline'
      ? appError('syncOffline')
      : stop === 'rate-limited'
        ? appError('syncSlowDown', { until: retryAfterUntil ?? now() })
        : stop === 'storage'
          ? (results.failures.at(-1)?.error ?? appError('fileStoreFailed', { detail: 'Error' }))
          : appError('syncStopped');
  const errors = left > 0 ? [why, appError('syncDaysLeft', { count: left })] : [why];
  return { runs: stop === 'aborted' ? 'keep' : 'failed', errors, retryAfterUntil };
}

/** Refused far-future days, named (the first three) in whatever the run ends with. */
function futureDays(dates: readonly string[]) {
  const named = `${dates.slice(0, 3).join(', ')}${dates.length > 3 ? ', …' : ''}`;
  return appError('syncFutureDays', { count: dates.length, dates: named });
}
