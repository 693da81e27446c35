/**
 * Timing policy (pure): Retry-After parsing, exponential backoff per file and per run, and the next alarm time.
 *
 * - Per file: after the n-th failure in a row the file is not requested before now + min(1 min · 2^(n-1), 24 h),
 *   or later if the server's Retry-After says so.
 * - Per run: after the n-th failed run in a row (index unreachable, offline, rate limited) the next run is
 *   due at now + min(5 min · 2^(n-1), interval), never before a Retry-After.
 * - `nextAlarmAt` is what the background passes to `alarms.create({ when })`; a good run that left days over
 *   (the per-run bound of ./plan) is continued a minute later.
 */
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

export const FILE_BACKOFF_BASE = MINUTE;
export const FILE_BACKOFF_MAX = 24 * HOUR;
export const RUN_BACKOFF_BASE = 5 * MINUTE;
/** Chrome does not fire alarms sooner than 30 s; a minute keeps clear of that. */
export const MIN_ALARM_DELAY = MINUTE;
/** Retry-After values beyond this are treated as this (a broken header must not stop syncing for months). */
export const MAX_RETRY_AFTER = 24 * HOUR;

/** Retry-After (delta-seconds or HTTP date) → milliseconds from `now`, or null when absent/unreadable. */
export function parseRetryAfter(value: string | null, now: number): number | null {
  if (value === null) return null;
  const v = value.trim();
  if (v === '') return null;
  let ms: number;
  if (/^\d+$/.test(v)) ms = Number(v) * 1000;
  else if (/^[+-]?[\d.]+$/.test(v) || !/[a-z]/i.test(v)) return null;
  else {
    const t = Date.parse(v);
    if (Number.isNaN(t)) return null;
    ms = t - now;
  }
  return Math.min(Math.max(0, ms), MAX_RETRY_AFTER);
}

/** Exponential backoff after `attempts` failures in a row (attempts ≥ 1). */
export function backoffDelay(attempts: number, base: number, max: number): number {
  if (attempts <= 0) return 0;
  return Math.min(max, base * 2 ** Math.min(attempts - 1, 30));
}

export function fileRetryAt(now: number, attempts: number, retryAfterMs: number | null): number {
  return now + Math.max(backoffDelay(attempts, FILE_BACKOFF_BASE, FILE_BACKOFF_MAX), retryAfterMs ?? 0);
}

/** The earliest `nextRetryAt` of the files whose last attempt failed (for `earliestFileRetryAt`), or null. */
export function earliestRetry(files: Iterable<{ lastError: unknown; nextRetryAt: number | null }>): number | null {
  let earliest: number | null = null;
  for (const f of files) {
    if (f.lastError !== null && f.nextRetryAt !== null && (earliest === null || f.nextRetryAt < earliest)) {
      earliest = f.nextRetryAt;
    }
  }
  return earliest;
}

export interface AlarmInput {
  now: number;
  /** Sync interval setting, hours. */
  intervalHours: number;
  /** When the last run ended (null: never ran → run now). */
  lastRunEndedAt: number | null;
  /** Failed runs in a row. */
  consecutiveFailures: number;
  /** A Retry-After deadline, if any. */
  retryAfterUntil: number | null;
  /** Earliest `nextRetryAt` of a failed file, if any. */
  earliestFileRetryAt: number | null;
  /** Days were left over by the per-run bound: after a good run the next one is due at once (MIN_ALARM_DELAY). */
  moreDays?: boolean;
}

/** When the next sync should run (ms since epoch), at least MIN_ALARM_DELAY from now. */
export function nextAlarmAt(input: AlarmInput): number {
  const interval = Math.max(0.25, Number.isFinite(input.intervalHours) ? input.intervalHours : 6) * HOUR;
  let at: number;
  if (input.consecutiveFailures > 0) {
    at = input.now + backoffDelay(input.consecutiveFailures, RUN_BACKOFF_BASE, interval);
  } else {
    at = (input.lastRunEndedAt ?? input.now) + interval;
    if (input.earliestFileRetryAt !== null) at = Math.min(at, input.earliestFileRetryAt);
    if (input.moreDays) at = input.now;
  }
  if (input.retryAfterUntil !== null) at = Math.max(at, input.retryAfterUntil);
  return Math.max(at, input.now + MIN_ALARM_DELAY);
}
