/** Calendar-day helpers for digest dates (`YYYY-MM-DD`, UTC: upstream names one file per UTC day). Pure. */

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** True for a real calendar date written `YYYY-MM-DD` (rejects `2025-02-30`, `2025-13-01`, `25-1-1`). */
export function isIsoDate(s: string): boolean {
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const [, y, mo, d] = m.map(Number) as [number, number, number, number];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

/** `YYYY-MM-DD` of the UTC day containing `ms` (epoch milliseconds). */
export function utcDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Today's UTC date, `YYYY-MM-DD`. `now` is injectable for tests. */
export function utcToday(now: number = Date.now()): string {
  return utcDate(now);
}

/**
 * The newest day a digest may carry: tomorrow (UTC), to allow for time zones ahead of UTC. A later day (`2099-01-01`,
 * `9999-12-31`) would become "the newest digest" for good, so the index, day files and imports refuse it.
 */
export function latestAllowedDay(now: number = Date.now()): string {
  return utcDate(now + DAY_MS);
}

/** Whether `date` (a valid `YYYY-MM-DD`) lies after {@link latestAllowedDay}. */
export function isFarFuture(date: string, now: number = Date.now()): boolean {
  return date > latestAllowedDay(now);
}

/** Whether `date` is today's UTC date. */
export function isToday(date: string, now: number = Date.now()): boolean {
  return date === utcToday(now);
}

/** `date` shifted by `days` calendar days (negative goes back). Throws on an invalid date. */
export function addDays(date: string, days: number): string {
  if (!isIsoDate(date)) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  return utcDate(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS);
}

/**
 * Neighbours of `date` in a list of dates (any order): the closest earlier and later date present.
 * Used for previous/next-day navigation over the days that actually have a digest.
 */
export function neighbours(dates: readonly string[], date: string): { prev: string | null; next: string | null } {
  let prev: string | null = null;
  let next: string | null = null;
  for (const d of dates) {
    if (d < date && (prev === null || d > prev)) prev = d;
    if (d > date && (next === null || d < next)) next = d;
  }
  return { prev, next };
}

export type RelativeUnit = 'second' | 'minute' | 'hour' | 'day';

/** Coarse elapsed time for "x minutes ago": the largest unit that fits, value ≥ 0 (future times count as 0 s). */
export function elapsed(thenMs: number, nowMs: number): { value: number; unit: RelativeUnit } {
  const s = Math.max(0, Math.floor((nowMs - thenMs) / 1000));
  if (s < 60) return { value: s, unit: 'second' };
  if (s < 3600) return { value: Math.floor(s / 60), unit: 'minute' };
  if (s < 86_400) return { value: Math.floor(s / 3600), unit: 'hour' };
  return { value: Math.floor(s / 86_400), unit: 'day' };
}

/** "5 minutes ago" / "5분 전" through Intl.RelativeTimeFormat in `lang`. */
export function relativeTime(thenMs: number, nowMs: number, lang: string): string {
  const { value, unit } = elapsed(thenMs, nowMs);
  return new Intl.RelativeTimeFormat(lang, { numeric: 'auto' }).format(-value, unit);
}
