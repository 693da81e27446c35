import { describe, expect, it } from 'vitest';
import {
  backoffDelay,
  FILE_BACKOFF_MAX,
  fileRetryAt,
  HOUR,
  MINUTE,
  nextAlarmAt,
  parseRetryAfter,
} from '../../lib/sync/retry';

const NOW = Date.parse('2025-05-10T12:00:00Z');

describe('parseRetryAfter', () => {
  it('reads delta-seconds and HTTP dates', () => {
    expect(parseRetryAfter('120', NOW)).toBe(120_000);
    expect(parseRetryAfter(' 0 ', NOW)).toBe(0);
    expect(parseRetryAfter('Sat, 10 May 2025 12:05:00 GMT', NOW)).toBe(5 * MINUTE);
    expect(parseRetryAfter('Sat, 10 May 2025 11:00:00 GMT', NOW)).toBe(0); // in the past
  });
  it('ignores absent or unreadable values and caps absurd ones at a day', () => {
    expect(parseRetryAfter(null, NOW)).toBeNull();
    expect(parseRetryAfter('', NOW)).toBeNull();
    expect(parseRetryAfter('soon', NOW)).toBeNull();
    expect(parseRetryAfter('-5', NOW)).toBeNull();
    expect(parseRetryAfter('99999999', NOW)).toBe(24 * HOUR);
  });
});

describe('backoff', () => {
  it('doubles per failure up to the cap', () => {
    const delays = [1, 2, 3, 4, 5].map((n) => backoffDelay(n, MINUTE, 10 * MINUTE));
    expect(delays).toEqual([1, 2, 4, 8, 10].map((m) => m * MINUTE));
    expect(backoffDelay(0, MINUTE, HOUR)).toBe(0);
    expect(backoffDelay(500, MINUTE, FILE_BACKOFF_MAX)).toBe(FILE_BACKOFF_MAX);
  });
  it('a file retries after its backoff or the Retry-After, whichever is later', () => {
    expect(fileRetryAt(NOW, 1, null)).toBe(NOW + MINUTE);
    expect(fileRetryAt(NOW, 3, null)).toBe(NOW + 4 * MINUTE);
    expect(fileRetryAt(NOW, 1, 10 * MINUTE)).toBe(NOW + 10 * MINUTE);
    expect(fileRetryAt(NOW, 5, MINUTE)).toBe(NOW + 16 * MINUTE);
  });
});

describe('nextAlarmAt', () => {
  const base = {
    now: NOW,
    intervalHours: 6,
    lastRunEndedAt: NOW,
    consecutiveFailures: 0,
    retryAfterUntil: null,
    earliestFileRetryAt: null,
  };
  it('after a good run: one interval later', () => {
    expect(nextAlarmAt(base)).toBe(NOW + 6 * HOUR);
    expect(nextAlarmAt({ ...base, lastRunEndedAt: NOW - 5 * HOUR })).toBe(NOW + HOUR);
  });
  it('never in the past or sooner than a minute (a start-up long after the last run)', () => {
    expect(nextAlarmAt({ ...base, lastRunEndedAt: NOW - 48 * HOUR })).toBe(NOW + MINUTE);
  });
  it('failed files due sooner bring the next run forward', () => {
    expect(nextAlarmAt({ ...base, earliestFileRetryAt: NOW + 10 * MINUTE })).toBe(NOW + 10 * MINUTE);
  });
  it('failed runs back off exponentially, capped at the interval', () => {
    const at = [1, 2, 3, 4, 5, 6, 7].map((n) => nextAlarmAt({ ...base, consecutiveFailures: n }) - NOW);
    expect(at).toEqual([5, 10, 20, 40, 80, 160, 320].map((m) => Math.min(m * MINUTE, 6 * HOUR)));
    for (let i = 1; i < at.length; i++) expect(at[i]).toBeGreaterThanOrEqual(at[i - 1] as number);
  });
  it('days left over by the per-run bound: the next run a minute later, unless runs are failing or rate limited', () => {
    expect(nextAlarmAt({ ...base, moreDays: true })).toBe(NOW + MINUTE);
    expect(nextAlarmAt({ ...base, moreDays: true, consecutiveFailures: 2 })).toBe(NOW + 10 * MINUTE);
    expect(nextAlarmAt({ ...base, moreDays: true, retryAfterUntil: NOW + HOUR })).toBe(NOW + HOUR);
  });
  it('never before a Retry-After', () => {
    expect(nextAlarmAt({ ...base, consecutiveFailures: 1, retryAfterUntil: NOW + 2 * HOUR })).toBe(NOW + 2 * HOUR);
  });
});
