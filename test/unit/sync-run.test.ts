/**
 * runSync / createSyncRunner against a real loopback server serving a generated upstream tree
 * (12 days × 5 papers, each day repeating the previous day's first paper → 12·5 − 11 = 49 distinct papers).
 * Expected contents come from the generator, never from the code under test.
 */
import 'fake-indexeddb/auto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDigestDb } from '../../lib/db/open';
import type { DigestDb } from '../../lib/db/schema';
import { getFileStates, getSyncMeta, getSyncStatus } from '../../lib/db/sync-state';
import { englishErrors } from '../../lib/error-english';
import type { SyncProgress } from '../../lib/records';
import type { FetchLike } from '../../lib/sync/fetch-file';
import { MINUTE } from '../../lib/sync/retry';
import { runSync, type SyncDeps } from '../../lib/sync/run';
import { createSyncRunner } from '../../lib/sync/runner';
import {
  type CorpusServer,
  dayFile,
  digestMarkdown,
  type Fault,
  indexCsv,
  type MiniDay,
  miniDays,
  startCorpusServer,
  writeMiniTree,
} from '../support/corpus-server';

const DAYS = miniDays(12, 5);
const NEWEST = DAYS.at(-1) as MiniDay;
const DISTINCT = 12 * 5 - 11;
const INDEX = 'paper_logs/papers_list.csv';
const isDay = (p: string) => p.endsWith('.md');

let dir: string;
let server: CorpusServer;
let db: DigestDb;
let t: number;
const now = () => t;
const realFetch: FetchLike = (u, i) => fetch(u, i);

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  dir = mkdtempSync(join(tmpdir(), 'sync-run-'));
  writeMiniTree(dir, DAYS);
  server = await startCorpusServer(dir);
  db = await openDigestDb();
  t = Date.parse('2025-05-10T06:00:00Z');
});
afterEach(async () => {
  db.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

function sync(extra: Partial<SyncDeps> = {}, target: DigestDb = db) {
  return runSync({ db: target, fetch: realFetch, baseUrl: server.baseUrl, now, timeoutMs: 2000, ...extra });
}

/**
 * Days in lock step, without waiting on the clock: day file n is requested only once n − 1 days are settled (the
 * run's progress), so whatever stops a run after `done` = N leaves exactly N days; from day file `holdAt` on, a
 * request is held until the run is aborted. `settled(n)` resolves once n days are settled.
 */
function lockstep(holdAt = Number.POSITIVE_INFINITY) {
  let done = 0;
  let days = 0;
  const waiting = new Set<{ at: number; go: () => void }>();
  const settled = (n: number) =>
    new Promise<void>((go) => {
      if (n <= done) go();
      else waiting.add({ at: n, go });
    });
  const fetch: FetchLike = async (u, init) => {
    if (isDay(u)) {
      const n = ++days;
      await settled(n - 1);
      if (n >= holdAt) {
        await new Promise((_, reject) => {
          const signal = init?.signal;
          if (signal?.aborted) reject(signal.reason);
          signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
        });
      }
    }
    return realFetch(u, init);
  };
  const onProgress = (p: SyncProgress) => {
    done = p.done;
    for (const w of waiting) {
      if (w.at > done) continue;
      waiting.delete(w);
      w.go();
    }
  };
  return { fetch, onProgress, settled };
}

/**
 * A run in which `path` never answers: one request at a time, and the moment `path` is asked for (so it is the only
 * request in flight) its 300 ms timeout fires on a fake clock instead of after 300 real milliseconds.
 */
async function syncPastHang(path: string) {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  try {
    let asked = () => {};
    const reached = new Promise<void>((r) => {
      asked = r;
    });
    const run = sync({
      concurrency: 1,
      timeoutMs: 300,
      fetch: (u, i) => {
        if (u.endsWith(`/${path}`)) asked();
        return realFetch(u, i);
      },
    });
    await reached;
    await vi.advanceTimersByTimeAsync(300);
    return await run;
  } finally {
    vi.useRealTimers();
  }
}

/** A run with `fault` on `path` (a hang through `syncPastHang`). */
function syncWithFault(path: string, fault: Fault) {
  server.fault(path, fault);
  return fault.kind === 'hang' ? syncPastHang(path) : sync({ timeoutMs: 300 });
}

async function snapshot(target: DigestDb = db) {
  return { papers: await target.getAll('papers'), digests: await target.getAll('digests') };
}

/** A snapshot without download times, to compare a recovered database with a clean one synced at another time. */
async function contents(target: DigestDb = db) {
  const s = await snapshot(target);
  return { papers: s.papers, digests: s.digests.map(({ fetchedAt: _, ...d }) => d) };
}

/** The stored day list must be exactly the generator's ids, in file order. */
async function expectDayAsGenerated(day: MiniDay, target: DigestDb = db) {
  const d = await target.get('digests', day.date);
  expect(d?.paperIds).toEqual(day.runs.flat().map((p) => p.id));
}

/** A clean full sync into a separate database: what every recovered run must end up equal to. */
async function cleanSnapshot() {
  const other = await openDigestDb('clean');
  await sync({}, other);
  const s = await contents(other);
  other.close();
  return s;
}

describe('first and second sync', () => {
  it('backfills every listed day, newest first, and reports progress', async () => {
    const progress: SyncProgress[] = [];
    const issued: string[] = [];
    const r = await sync({
      onProgress: (p) => progress.push(p),
      fetch: (u, i) => {
        issued.push(u);
        return realFetch(u, i);
      },
    });
    expect(r).toMatchObject({ ok: true, error: null, index: 'fetched', days: 12, requested: 12, written: 12 });
    expect(await db.count('digests')).toBe(12);
    expect(await db.count('papers')).toBe(DISTINCT);
    for (const day of DAYS) await expectDayAsGenerated(day);

    // Newest first: the day files are asked for newest first (the server may see concurrent requests in any order).
    const asked = issued.filter(isDay).map((u) => u.slice(server.baseUrl.length));
    expect(asked).toEqual(DAYS.map((d) => dayFile(d.date)).reverse());
    expect(progress.at(-1)).toEqual({ done: 12, total: 12 });
    expect(progress.map((p) => p.done)).toEqual([...progress.map((p) => p.done)].sort((a, b) => a - b));

    // The paper listed on every day shows the newest day's data and all dates, newest first.
    const shared = NEWEST.runs[0]?.[0];
    const p = await db.get('papers', shared?.id as string);
    expect(p?.title).toBe(shared?.title);
    expect(p?.votes).toBe(shared?.votes);
    expect(p?.dates).toEqual(DAYS.map((d) => d.date).reverse());

    const status = await getSyncStatus(db);
    expect(status).toMatchObject({
      lastSuccess: t,
      lastError: null,
      paperCount: DISTINCT,
      digestCount: 12,
      newestDate: '2025-05-09',
      fileErrors: [],
    });
    expect(status.nextRun).toBe(t + 6 * 60 * MINUTE);
  });

  it('a second sync downloads no digest body: the newest 3 days revalidate with 304, others are not asked', async () => {
    await sync();
    const before = await snapshot();
    server.resetCounts();
    t += 6 * 60 * MINUTE;
    const r = await sync();
    expect(r).toMatchObject({ ok: true, index: 'not-modified', requested: 3, written: 0, notModified: 3 });
    const days = server.total(isDay);
    expect(days).toEqual({ requests: 3, ok: 0, notModified: 3, bytes: 0 });
    expect(server.stats(INDEX)).toMatchObject({ requests: 1, notModified: 1, bytes: 0 });
    expect(server.log.filter(isDay).sort()).toEqual(
      DAYS.slice(-3)
        .map((d) => dayFile(d.date))
        .sort(),
    );
    expect(await snapshot()).toEqual(before);
  });

  it('a second run appended to the newest day is picked up; an old day that changed is not re-requested', async () => {
    await sync();
    const extra = { id: '2505.99999', title: 'Late paper', votes: 3, authors: ['Z'] };
    const grown: MiniDay = { date: NEWEST.date, runs: [...NEWEST.runs, [extra]] };
    server.override(dayFile(NEWEST.date), digestMarkdown(grown));
    const oldDay = DAYS[0] as MiniDay;
    server.override(dayFile(oldDay.date), digestMarkdown({ date: oldDay.date, runs: [[extra]] }));
    server.resetCounts();
    const r = await sync();
    expect(r).toMatchObject({ ok: true, requested: 3, written: 1, notModified: 2 });
    await expectDayAsGenerated(grown);
    expect((await db.get('digests', NEWEST.date))?.runs).toBe(2);
    expect(await db.count('papers')).toBe(DISTINCT + 1);
    expect(server.stats(dayFile(oldDay.date)).requests).toBe(0);
    await expectDayAsGenerated(oldDay);
  });

  it('a re-fetched day that parses to fewer papers keeps the stored ones', async () => {
    await sync();
    const before = await snapshot();
    const shrunk: MiniDay = { date: NEWEST.date, runs: [NEWEST.runs[0]?.slice(0, 2) ?? []] };
    server.override(dayFile(NEWEST.date), digestMarkdown(shrunk));
    const r = await sync();
    expect(r.written).toBe(1);
    await expectDayAsGenerated(NEWEST);
    expect(await db.count('papers')).toBe(DISTINCT);
    const after = await snapshot();
    expect(after.papers).toEqual(before.papers);
    const note = (await db.get('digests', NEWEST.date))?.diagnostics.find((d) => d.line === 0);
    expect(note?.message).toMatch(/lists 2 papers .* stored ones are kept/);
  });
});

describe('faults on the index leave stored data untouched and request no day', () => {
  const faults: [string, Fault][] = [
    ['an index that fails to parse', { kind: 'body', body: '<html><body>Whoa there!</body></html>' }],
    ['an index with a garbage date', { kind: 'body', body: 'date,title,url\r\n2025-05-10,x,u\r\nNaN,y,u\r\n' }],
    ['a non-UTF-8 index', { kind: 'body', body: new Uint8Array([0x64, 0x61, 0x74, 0x65, 0xff, 0x0a]) }],
    ['404', { kind: 'status', status: 404 }],
    ['500', { kind: 'status', status: 500 }],
    ['503', { kind: 'status', status: 503, retryAfter: '30' }],
    ['429 + Retry-After', { kind: 'status', status: 429, retryAfter: '120' }],
    ['a hang', { kind: 'hang' }],
    ['a truncated body', { kind: 'truncate' }],
    ['a redirect to another host', { kind: 'redirect', status: 302, location: 'http://127.0.0.1:9/list.csv' }],
    ['a 200 MB index with its Content-Length', { kind: 'huge', bytes: 200_000_000, contentLength: true }],
  ];
  it.each(faults)('%s', async (_name, fault) => {
    await sync();
    // Make every file look changed so that a wrongly continued run would show.
    for (const day of DAYS) server.override(dayFile(day.date), digestMarkdown({ date: day.date, runs: [] }));
    server.override(INDEX, '');
    const before = await snapshot();
    expect(before.papers).toHaveLength(DISTINCT);
    server.resetCounts();
    const r = await syncWithFault(INDEX, fault);
    expect(r.ok).toBe(false);
    expect(r.index).toBe('failed');
    expect(server.total(isDay).requests).toBe(0);
    expect(await snapshot()).toEqual(before);
    const status = await getSyncStatus(db);
    expect(status.lastError?.[0]?.code).toMatch(/^sync(Bad)?Index$/);
    expect(status.lastSuccess).toBe(t);
    expect(status.paperCount).toBe(DISTINCT);
  });

  it('an index over 8 MiB streamed without Content-Length: the download stops at the cap, the run fails', async () => {
    await sync();
    const before = await snapshot();
    server.fault(INDEX, { kind: 'huge', bytes: 200_000_000, contentLength: false });
    const r = await sync();
    expect(r).toMatchObject({ ok: false, index: 'failed', requested: 0 });
    expect(r.error).toEqual([
      { code: 'syncIndex', params: { cause: { code: 'fetchTooLarge', params: { size: 8 << 20 } } } },
    ]);
    expect(englishErrors(r.error ?? [])).toBe(
      'could not download the day index: the file is larger than 8 MiB; nothing of it was stored',
    );
    expect((await server.streamed(INDEX)).sent).toBeLessThan(50_000_000);
    expect(await snapshot()).toEqual(before);
  });

  it('offline', async () => {
    await sync();
    const before = await snapshot();
    server.goOffline();
    const r = await sync();
    expect(r.error).toEqual([{ code: 'syncIndex', params: { cause: { code: 'syncOffline', params: {} } } }]);
    expect(await snapshot()).toEqual(before);
  });
});

describe('faults on a day file', () => {
  const target = DAYS.at(-5) as MiniDay; // outside the revalidation window
  const path = dayFile(target.date);
  const tooLarge = { code: 'fetchTooLarge', params: { size: 2 << 20 } };
  const faults: [string, Fault, { code: string; params?: object }][] = [
    ['404', { kind: 'status', status: 404 }, { code: 'fetchNotFound', params: { status: 404 } }],
    ['500', { kind: 'status', status: 500 }, { code: 'fetchServer', params: { status: 500 } }],
    ['503', { kind: 'status', status: 503 }, { code: 'fetchServer', params: { status: 503 } }],
    ['a hang', { kind: 'hang' }, { code: 'fetchTimeout', params: { seconds: 0.3 } }],
    ['a truncated body', { kind: 'truncate' }, { code: 'fetchBrokeOff' }],
    [
      'a non-UTF-8 body',
      { kind: 'body', body: new Uint8Array([0x23, 0x20, 0xc0, 0xaf, 0x0a]) },
      { code: 'fetchEncoding' },
    ],
    ['a file without papers', { kind: 'body', body: '# nothing here\n' }, { code: 'fileNoPapers' }],
    ['a 200 MB body', { kind: 'huge', bytes: 200_000_000, contentLength: false }, tooLarge],
    ['a 200 MB body with its Content-Length', { kind: 'huge', bytes: 200_000_000, contentLength: true }, tooLarge],
    [
      'a redirect to another host',
      { kind: 'redirect', status: 302, location: 'http://127.0.0.1:9/a.md' },
      { code: 'fetchRedirect' },
    ],
    [
      'a redirect within the host',
      { kind: 'redirect', status: 301, location: `/${dayFile('2025-05-09')}` },
      { code: 'fetchRedirect' },
    ],
  ];

  it.each(faults)('during backfill (%s): every other day is stored, the next run completes', async (_n, fault, msg) => {
    const clean = await cleanSnapshot();
    server.resetCounts();
    const r = await syncWithFault(path, fault);
    expect(r).toMatchObject({ ok: false, written: 11, failed: 1 });
    expect(await db.count('digests')).toBe(11);
    expect(await db.get('digests', target.date)).toBeUndefined();
    for (const day of DAYS) if (day !== target) await expectDayAsGenerated(day);
    // Papers only in the failed day are missing; everything else matches a clean run.
    const onlyThere = new Set(target.runs.flat().map((p) => p.id));
    for (const d of DAYS) if (d !== target) for (const p of d.runs.flat()) onlyThere.delete(p.id);
    expect(await db.count('papers')).toBe(DISTINCT - onlyThere.size);

    const status = await getSyncStatus(db);
    expect(status.fileErrors).toEqual([{ path, error: expect.objectContaining(msg), at: t, attempts: 1 }]);
    expect(status.lastError).toEqual([
      { code: 'syncFilesFailed', params: { count: 1, path, cause: expect.objectContaining(msg) } },
    ]);
    expect(status.nextRun).toBe(t + MINUTE);

    server.clearFaults();
    server.resetCounts();
    t += 2 * MINUTE;
    const r2 = await sync();
    expect(r2).toMatchObject({ ok: true, written: 1, notModified: 3 });
    expect(server.log.filter(isDay)).toContain(path);
    expect(await contents()).toEqual(clean);
    expect((await getSyncStatus(db)).fileErrors).toEqual([]);
  });

  it.each(faults)('during revalidation (%s): the stored day stays as it was', async (_n, fault) => {
    await sync();
    const newest = dayFile(NEWEST.date);
    server.override(newest, digestMarkdown({ date: NEWEST.date, runs: [...NEWEST.runs, NEWEST.runs[0] ?? []] }));
    const before = await snapshot();
    const r = await syncWithFault(newest, fault);
    expect(r.failed).toBe(1);
    expect(await snapshot()).toEqual(before);
    expect((await getSyncStatus(db)).fileErrors.map((e) => e.path)).toEqual([newest]);
  });
});

describe('cut-short runs resume', () => {
  /** A fetch that behaves like going offline after `n` day files were requested. */
  function failingAfter(n: number): FetchLike {
    let days = 0;
    return async (u, i) => {
      if (u.endsWith('.md') && ++days > n) throw new TypeError('fetch failed');
      return fetch(u, i);
    };
  }

  it('a run whose network dies after 5 files keeps every written day; the next run completes', async () => {
    const clean = await cleanSnapshot();
    const r = await sync({ fetch: failingAfter(5) });
    expect(r.ok).toBe(false);
    expect(r.error).toEqual([
      { code: 'syncOffline', params: {} },
      { code: 'syncDaysLeft', params: { count: expect.any(Number) } },
    ]);
    expect(r.written).toBe(5);
    const stored = await db.getAllKeys('digests');
    // Written days are the 5 newest, each complete.
    expect(stored).toEqual(DAYS.slice(-5).map((d) => d.date));
    for (const day of DAYS.slice(-5)) await expectDayAsGenerated(day);
    expect((await getSyncStatus(db)).fileErrors).toEqual([]); // offline is not the files' fault

    server.resetCounts();
    t += 5 * MINUTE;
    const r2 = await sync();
    expect(r2).toMatchObject({ ok: true, written: 7, notModified: 3 });
    expect(server.total(isDay).ok).toBe(7);
    expect(await contents()).toEqual(clean);
  });

  it('the server going offline mid-sync (sockets destroyed) keeps written days; online again, it completes', async () => {
    const clean = await cleanSnapshot();
    let days = 0;
    const r = await sync({
      concurrency: 2,
      fetch: async (u, i) => {
        if (u.endsWith('.md') && ++days === 6) server.goOffline();
        return fetch(u, i);
      },
    });
    expect(r.ok).toBe(false);
    const kept = await snapshot();
    expect(kept.digests.length).toBeGreaterThanOrEqual(3);
    expect(kept.digests.length).toBeLessThan(12);
    for (const d of kept.digests) await expectDayAsGenerated(DAYS.find((x) => x.date === d.date) as MiniDay);
    server.goOnline();
    t += 10 * MINUTE;
    expect((await sync()).ok).toBe(true);
    expect(await contents()).toEqual(clean);
  });

  it('an aborted run (signal) keeps written days and the next run completes', async () => {
    const clean = await cleanSnapshot();
    const ctl = new AbortController();
    const steps = lockstep();
    const r = await sync({
      onProgress: (p) => {
        if (p.done === 5) ctl.abort();
        steps.onProgress(p);
      },
      signal: ctl.signal,
      fetch: steps.fetch,
    });
    expect(r.error?.[0]?.code).toBe('syncStopped');
    expect(await db.count('digests')).toBe(5);
    expect((await getSyncMeta(db)).consecutiveFailures).toBe(0);
    expect((await sync()).ok).toBe(true);
    expect(await contents()).toEqual(clean);
  });

  it('a process dying mid-sync (database connection gone) keeps written days; a new process completes', async () => {
    const clean = await cleanSnapshot();
    const steps = lockstep();
    const r = await sync({
      onProgress: (p) => {
        if (p.done === 5) db.close(); // 5 days written, then the connection goes
        steps.onProgress(p);
      },
      fetch: steps.fetch,
    });
    expect(r.ok).toBe(false);
    db = await openDigestDb();
    expect(await db.count('digests')).toBe(5);
    for (const d of await db.getAll('digests'))
      await expectDayAsGenerated(DAYS.find((x) => x.date === d.date) as MiniDay);
    expect((await sync()).ok).toBe(true);
    expect(await contents()).toEqual(clean);
  });
});

describe('backoff and Retry-After', () => {
  it('a failing file backs off 1, 2, 4 minutes and is not requested before its time', async () => {
    const path = dayFile((DAYS.at(-6) as MiniDay).date);
    server.fault(path, { kind: 'status', status: 503 });
    const delays: number[] = [];
    for (let i = 0; i < 3; i++) {
      await sync();
      const s = (await getFileStates(db)).get(path);
      expect(s?.attempts).toBe(i + 1);
      delays.push((s?.nextRetryAt as number) - t);
      // Before its time: not requested, counted as deferred.
      server.resetCounts();
      t += delays[i] as number;
      t -= 1000;
      const early = await sync();
      expect(server.stats(path).requests).toBe(0);
      expect(early.deferred).toBe(1);
      t += 1000;
    }
    expect(delays).toEqual([1, 2, 4].map((m) => m * MINUTE));
    server.clearFaults();
    await sync();
    expect((await getFileStates(db)).get(path)).toMatchObject({ attempts: 0, lastError: null });
    expect(await db.count('digests')).toBe(12);
  });

  it('429 with Retry-After stops the run and no request is made before the time', async () => {
    const path = dayFile((DAYS.at(-2) as MiniDay).date);
    server.fault(path, { kind: 'status', status: 429, retryAfter: '600' }, { once: true });
    const r = await sync({ concurrency: 1 });
    expect(r.error?.[0]?.code).toBe('syncSlowDown');
    expect(r.nextRun).toBeGreaterThanOrEqual(t + 600_000);
    expect(r.written).toBe(1); // the newest day, asked before
    const kept = await snapshot();

    server.resetCounts();
    t += 300_000;
    const early = await sync();
    expect(early.error?.[0]?.code).toBe('syncSlowDown');
    expect(server.total().requests).toBe(0);
    expect(await snapshot()).toEqual(kept);

    t += 301_000;
    const r2 = await sync();
    expect(r2.ok).toBe(true);
    expect(await db.count('digests')).toBe(12);
  });

  it('failed runs in a row back off 5, 10, 20 minutes; a good run resets it', async () => {
    server.fault(INDEX, { kind: 'status', status: 500 });
    const gaps: number[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await sync();
      gaps.push(r.nextRun - t);
      t = r.nextRun;
    }
    expect(gaps).toEqual([5, 10, 20].map((m) => m * MINUTE));
    expect((await getSyncMeta(db)).consecutiveFailures).toBe(3);
    server.clearFaults();
    const ok = await sync();
    expect(ok.nextRun - t).toBe(6 * 60 * MINUTE);
    expect((await getSyncMeta(db)).consecutiveFailures).toBe(0);
  });
});

describe('days after tomorrow (UTC) are refused', () => {
  // t is 2025-05-10 06:00 UTC: tomorrow is 2025-05-11, the day after it 2025-05-12.
  const shared = NEWEST.runs[0]?.[0] as MiniDay['runs'][0][0];
  const extraDay = (date: string, n: number): MiniDay => ({
    date,
    runs: [
      [
        { ...shared, title: `Shown as of ${date}`, votes: 9000 + n },
        { ...shared, id: `2505.9000${n}` },
      ],
    ],
  });
  const tomorrow = extraDay('2025-05-11', 1);
  const future = [extraDay('2025-05-12', 2), extraDay('2099-01-01', 3), extraDay('9999-12-31', 4)];

  beforeEach(() => {
    for (const d of [tomorrow, ...future]) {
      const file = join(dir, dayFile(d.date));
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, digestMarkdown(d));
    }
    server.override(INDEX, indexCsv([...DAYS, tomorrow, ...future]));
  });

  it('in the index: never requested, named in the error; tomorrow and every other day sync', async () => {
    const r = await sync();
    expect(r).toMatchObject({ ok: false, days: 16, future: 3, written: 13, failed: 0 });
    expect(r.error).toEqual([
      { code: 'syncFutureDays', params: { count: 3, dates: '9999-12-31, 2099-01-01, 2025-05-12' } },
    ]);
    for (const d of future) expect(server.stats(dayFile(d.date)).requests).toBe(0);
    const status = await getSyncStatus(db);
    expect(status).toMatchObject({ newestDate: '2025-05-11', digestCount: 13, lastError: r.error, lastSuccess: t });
    expect((await db.get('papers', shared.id))?.title).toBe('Shown as of 2025-05-11');
    expect(await db.get('digests', '2099-01-01')).toBeUndefined();
  });

  it('a day refused today is synced once it is no longer after tomorrow (from the stored index)', async () => {
    await sync();
    t += 2 * 24 * 60 * MINUTE; // 2025-05-12 06:00: 2025-05-12 is today now
    const r = await sync();
    expect(r).toMatchObject({ index: 'not-modified', future: 2, written: 1 });
    expect(r.error).toEqual([{ code: 'syncFutureDays', params: { count: 2, dates: '9999-12-31, 2099-01-01' } }]);
    expect((await getSyncStatus(db)).newestDate).toBe('2025-05-12');
    expect((await db.get('papers', shared.id))?.title).toBe('Shown as of 2025-05-12');
  });

  it('with file failures as well, the error names both', async () => {
    server.fault(dayFile((DAYS.at(-6) as MiniDay).date), { kind: 'status', status: 500 });
    const r = await sync();
    expect(r.error?.map((e) => e.code)).toEqual(['syncFilesFailed', 'syncFutureDays']);
  });
});

describe('a bounded number of new days per run', () => {
  it('downloads at most maxDaysPerRun new days, newest first; the next run, a minute later, goes on', async () => {
    const clean = await cleanSnapshot();
    const r = await sync({ maxDaysPerRun: 5 });
    expect(r).toMatchObject({ ok: true, error: null, requested: 5, written: 5, deferred: 7 });
    expect(r.nextRun).toBe(t + MINUTE);
    expect(await db.getAllKeys('digests')).toEqual(DAYS.slice(-5).map((d) => d.date));

    t = r.nextRun;
    const r2 = await sync({ maxDaysPerRun: 5 });
    // The newest 3 stored days are revalidated besides (they do not count against the bound).
    expect(r2).toMatchObject({ ok: true, requested: 8, written: 5, notModified: 3, deferred: 2 });
    expect(r2.nextRun).toBe(t + MINUTE);

    t = r2.nextRun;
    const r3 = await sync({ maxDaysPerRun: 5 });
    expect(r3).toMatchObject({ ok: true, written: 2, deferred: 0 });
    expect(r3.nextRun).toBe(t + 6 * 60 * MINUTE);
    expect(await contents()).toEqual(clean);
  });
});

describe('createSyncRunner', () => {
  it('concurrent run() calls share one run (one index request)', async () => {
    const finished: unknown[] = [];
    const runner = createSyncRunner(() => ({ db, fetch: realFetch, baseUrl: server.baseUrl, now }), {
      onFinish: (r) => {
        finished.push(r);
      },
    });
    const a = runner.run();
    const b = runner.run();
    expect(runner.running).toBe(true);
    expect(runner.live().running).toBe(true);
    const [ra, rb] = await Promise.all([a, b]);
    expect(ra).toBe(rb);
    expect(server.stats(INDEX).requests).toBe(1);
    expect(await db.count('digests')).toBe(12);
    expect(finished).toHaveLength(1);
    expect(runner.running).toBe(false);
    await runner.run();
    expect(server.stats(INDEX).requests).toBe(2);
  });

  /** A runner whose first run is surely in the middle when stopped: it holds day file `holdAt` until aborted. */
  function heldRunner(holdAt: number) {
    const held = lockstep(holdAt);
    let runs = 0;
    const runner = createSyncRunner(() => {
      const steps = runs++ === 0 ? held : lockstep();
      return { db, fetch: steps.fetch, onProgress: steps.onProgress, baseUrl: server.baseUrl, now };
    });
    return { runner, settled: held.settled };
  }

  it('stop() ends the running run; the days written stay', async () => {
    const { runner, settled } = heldRunner(3);
    const p = runner.run();
    await settled(2);
    await runner.stop();
    const r = await p;
    expect(r.error?.[0]?.code).toBe('syncStopped');
    expect(runner.running).toBe(false);
    expect(await db.count('digests')).toBe(2);
  });

  it('restart() cuts the running run short and runs again to the end (a new source URL)', async () => {
    const { runner, settled } = heldRunner(2);
    const first = runner.run();
    await settled(1);
    const second = await runner.restart();
    expect((await first).error?.[0]?.code).toBe('syncStopped');
    expect(second.ok).toBe(true);
    expect(await db.count('digests')).toBe(12);
    expect(server.stats(INDEX).requests).toBe(2);
  });

  it('paused(fn) stops the run and makes a run asked for meanwhile wait until fn is done', async () => {
    const { runner, settled } = heldRunner(2);
    void runner.run();
    await settled(1);
    const events: string[] = [];
    let asked: Promise<unknown> | null = null;
    await runner.paused(async () => {
      expect(runner.running).toBe(false);
      asked = runner.run().then(() => events.push('run finished'));
      await db.clear('digests'); // several turns of the event loop: time for a run that wrongly started
      expect(runner.running).toBe(false);
      events.push('cleared');
    });
    await asked;
    expect(events).toEqual(['cleared', 'run finished']);
    expect(await db.count('digests')).toBe(12);
  });

  it('an invalid source URL fails the run with its reason without any request', async () => {
    const r = await sync({ baseUrl: 'ftp://example.org/' });
    expect(r.error).toEqual([{ code: 'syncSource', params: { cause: { code: 'sourceScheme', params: {} } } }]);
    expect(server.total().requests).toBe(0);
  });
});
