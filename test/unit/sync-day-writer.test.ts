/** The sync's group commit: the first day goes alone at once, days arriving during a commit share the next one. */
import { describe, expect, it } from 'vitest';
import type { DigestDb } from '../../lib/db/schema';
import type { DayWrite, WriteDayResult } from '../../lib/db/write-day';
import { createDayWriter } from '../../lib/sync/day-writer';

const db = {} as DigestDb;

function day(date: string): DayWrite {
  return {
    parsed: { path: date, date, runs: [], papers: [], diagnostics: [] },
    meta: { date, path: date, etag: null, lastModified: null, fetchedAt: 0, bytes: 0 },
  };
}

/** A fake writeDays whose transactions end when the test says so; `fail` dates make a transaction throw. */
function fakeWrites(fail: string[] = []) {
  const calls: string[][] = [];
  const ends: (() => void)[] = [];
  const write = async (_db: DigestDb, days: readonly DayWrite[]): Promise<WriteDayResult[]> => {
    const dates = days.map((d) => d.meta.date);
    calls.push(dates);
    await new Promise<void>((resolve) => ends.push(resolve));
    if (dates.some((d) => fail.includes(d))) throw new Error(`quota exceeded (${dates.join(',')})`);
    return dates.map((date) => ({ date, paperCount: 0, newPapers: 0, keptStored: 0 }));
  };
  const endNext = async () => {
    await new Promise((r) => setTimeout(r, 0));
    ends.shift()?.();
    await new Promise((r) => setTimeout(r, 0));
  };
  return { calls, write, endNext };
}

describe('createDayWriter', () => {
  it('writes the first day alone at once and the days that arrived meanwhile together next', async () => {
    const f = fakeWrites();
    const w = createDayWriter(db, 32, f.write);
    const first = w.write(day('d1'));
    await new Promise((r) => setTimeout(r, 0));
    expect(f.calls).toEqual([['d1']]);
    const rest = ['d2', 'd3', 'd4'].map((d) => w.write(day(d)));
    await f.endNext();
    expect((await first).date).toBe('d1');
    expect(f.calls).toEqual([['d1'], ['d2', 'd3', 'd4']]);
    await f.endNext();
    expect((await Promise.all(rest)).map((r) => r.date)).toEqual(['d2', 'd3', 'd4']);
    // Idle again: the next day goes alone at once.
    const later = w.write(day('d5'));
    await f.endNext();
    expect((await later).date).toBe('d5');
    expect(f.calls.at(-1)).toEqual(['d5']);
  });

  it('never puts more than maxBatch days in one transaction', async () => {
    const f = fakeWrites();
    const w = createDayWriter(db, 2, f.write);
    const all = ['a', 'b', 'c', 'd', 'e'].map((d) => w.write(day(d)));
    for (let i = 0; i < 4; i++) await f.endNext();
    await Promise.all(all);
    expect(f.calls).toEqual([['a'], ['b', 'c'], ['d', 'e']]);
  });

  it('a batch that fails is retried day by day: only the day that cannot be stored fails', async () => {
    const f = fakeWrites(['bad']);
    const w = createDayWriter(db, 32, f.write);
    const first = w.write(day('ok1'));
    const batch = ['ok2', 'bad', 'ok3'].map((d) => w.write(day(d)));
    const settled = Promise.allSettled(batch);
    for (let i = 0; i < 5; i++) await f.endNext();
    await first;
    const outcome = await settled;
    expect(outcome.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(String((outcome[1] as PromiseRejectedResult).reason)).toMatch(/quota exceeded \(bad\)/);
    expect(f.calls).toEqual([['ok1'], ['ok2', 'bad', 'ok3'], ['ok2'], ['bad'], ['ok3']]);
  });
});
