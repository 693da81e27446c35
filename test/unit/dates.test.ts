import { describe, expect, it } from 'vitest';
import {
  addDays,
  elapsed,
  isFarFuture,
  isIsoDate,
  isToday,
  latestAllowedDay,
  neighbours,
  relativeTime,
  utcDate,
  utcToday,
} from '../../lib/dates';

const at = (iso: string) => Date.parse(iso);

describe('isIsoDate', () => {
  it.each([
    ['2025-05-09', true],
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2025-02-30', false],
    ['2025-13-01', false],
    ['2025-00-10', false],
    ['2025-5-9', false],
    [' 2025-05-09', false],
    ['2025/05/09', false],
    ['', false],
  ])('%j → %s', (s, ok) => {
    expect(isIsoDate(s)).toBe(ok);
  });
});

describe('utcToday / isToday', () => {
  it.each([
    ['2026-11-29T12:00:00Z', '2026-11-29'],
    ['2026-11-29T23:59:59.999Z', '2026-11-29'],
    ['2026-11-30T00:00:00Z', '2026-11-30'],
    ['2025-05-09T08:30:00+09:00', '2025-05-08'],
  ])('%s is UTC day %s', (iso, day) => {
    expect(utcToday(at(iso))).toBe(day);
    expect(utcDate(at(iso))).toBe(day);
  });
  it.each([
    ['2025-05-09', '2026-11-29T10:00:00Z', false],
    ['2025-05-09', '2025-05-09T00:00:00Z', true],
    ['2025-05-09', '2025-05-09T23:59:59Z', true],
    ['2025-05-09', '2025-05-10T00:00:00Z', false],
  ])('isToday(%s) at %s → %s', (date, now, ok) => {
    expect(isToday(date, at(now))).toBe(ok);
  });
});

describe('addDays', () => {
  it.each([
    ['2025-05-09', 1, '2025-05-10'],
    ['2025-05-09', -1, '2025-05-08'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2024-12-31', 1, '2025-01-01'],
    ['2025-03-01', -1, '2025-02-28'],
    ['2025-05-09', 0, '2025-05-09'],
  ])('%s %+d → %s', (d, n, want) => {
    expect(addDays(d, n)).toBe(want);
  });
  it('rejects an invalid date', () => {
    expect(() => addDays('2025-02-30', 1)).toThrow(RangeError);
  });
});

describe('neighbours', () => {
  const dates = ['2025-05-09', '2025-05-07', '2025-05-08', '2025-05-02'];
  it.each([
    ['2025-05-08', '2025-05-07', '2025-05-09'],
    ['2025-05-09', '2025-05-08', null],
    ['2025-05-02', null, '2025-05-07'],
    ['2025-05-05', '2025-05-02', '2025-05-07'],
  ])('%s → prev %s next %s', (d, prev, next) => {
    expect(neighbours(dates, d)).toEqual({ prev, next });
  });
  it('empty list', () => {
    expect(neighbours([], '2025-05-09')).toEqual({ prev: null, next: null });
  });
});

describe('elapsed / relativeTime', () => {
  const now = at('2026-11-29T12:00:00Z');
  it.each([
    [0, 0, 'second'],
    [59_000, 59, 'second'],
    [60_000, 1, 'minute'],
    [3_599_000, 59, 'minute'],
    [3_600_000, 1, 'hour'],
    [86_400_000 * 3, 3, 'day'],
    [-5_000, 0, 'second'],
  ])('%d ms ago → %d %s', (ago, value, unit) => {
    expect(elapsed(now - ago, now)).toEqual({ value, unit });
  });
  it('formats in English and Korean', () => {
    expect(relativeTime(now - 5 * 60_000, now, 'en')).toBe('5 minutes ago');
    expect(relativeTime(now - 5 * 60_000, now, 'ko')).toBe('5분 전');
    expect(relativeTime(now, now, 'en')).toBe('now');
  });
});

describe('far-future days', () => {
  const now = Date.parse('2026-11-30T23:30:00Z');
  it('allows up to tomorrow (UTC) and refuses anything later', () => {
    expect(latestAllowedDay(now)).toBe('2026-12-01');
    expect(isFarFuture('2026-11-30', now)).toBe(false);
    expect(isFarFuture('2026-12-01', now)).toBe(false);
    expect(isFarFuture('2026-12-02', now)).toBe(true);
    expect(isFarFuture('2099-01-01', now)).toBe(true);
    expect(isFarFuture('9999-12-31', now)).toBe(true);
  });
});
