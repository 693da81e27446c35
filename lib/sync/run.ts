/**
 * `runSync(deps)`: one sync run. Never throws; returns a SyncReport and records the outcome in `meta['sync']`.
 *
 * 1. Honour a stored Retry-After (no request before it). Validate the source base URL.
 * 2. Fetch `paper_logs/papers_list.csv` conditionally (at most MAX_INDEX_BYTES); parse it (a malformed index fails
 *    the run and stores nothing). On 304 the stored day list is used.
 * 3. Plan (./plan): every listed day not stored yet, newest first, plus the newest `revalidateDays` stored
 *    days conditionally; files backing off are deferred; days after tomorrow (UTC) are refused (named in the
 *    run's error, the other days sync); at most `maxDaysPerRun` days not stored yet, the rest left to the next
 *    run, which is then due a minute later. Every request refuses redirects and bodies over their cap (./fetch-file).
 * 4. `concurrency` workers fetch; each day is parsed then written whole in one transaction as soon as it arrives
 *    (./day-writer: days arriving while a commit runs share the next transaction; the network is never awaited
 *    inside a transaction), so a run cut short keeps every day written so far and the next run picks up the rest.
 * 5. Per-file failures (404, 5xx, redirect, over MAX_DAY_FILE_BYTES, timeout, truncated, non-UTF-8, no papers)
 *    → the file's state gets attempts+1, lastError, nextRetryAt (exponential backoff, Retry-After honoured); the
 *    run goes on.
 *    Network failure (offline), 429 or an abort stop the run: no new requests, in-flight ones finish.
 * 6. Run outcome → `meta['sync']`: lastSuccess (index read and run not cut short), lastError in plain words,
 *    consecutiveFailures (run-level backoff), retryAfterUntil, nextRun = nextAlarmAt(...).
 */

import type { DigestDb, FileState } from '../db/schema';
import {
  getFileStates,
  getIndexMeta,
  getStoredDates,
  getSyncMeta,
  putFileState,
  putIndexMeta,
  updateSyncMeta,
} from '../db/sync-state';
import { parseDigest } from '../digest/parse';
import type { ParsedDigest } from '../digest/types';
import type { SyncProgress } from '../records';
import { parseIndex } from './csv-index';
import { createDayWriter } from './day-writer';
import { type FetchLike, type FetchResult, fetchText } from './fetch-file';
import { type DayTask, planDays } from './plan';
import { backoffDelay, fileRetryAt, nextAlarmAt, RUN_BACKOFF_BASE } from './retry';
import { INDEX_PATH, MAX_DAY_FILE_BYTES, MAX_INDEX_BYTES, sourceUrl, validateSourceUrl } from './source';

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

export type IndexOutcome = 'fetched' | 'not-modified' | 'failed' | 'skipped';

export interface SyncReport {
  /** Index read, run not cut short, no file failed. */
  ok: boolean;
  /** Plain-words summary of what went wrong (null when ok). */
  error: string | null;
  index: IndexOutcome;
  /** Days listed in the index. */
  days: number;
  /** Day files requested this run. */
  requested: number;
  /** 200 responses written. */
  written: number;
  notModified: number;
  failed: number;
  /** Days left for a later run: backing off, past the per-run bound, or not reached because the run stopped. */
  deferred: number;
  /** Listed days after tomorrow (UTC), refused. */
  future: number;
  /** Body bytes downloaded (index included). */
  bytes: number;
  startedAt: number;
  endedAt: number;
  nextRun: number;
}

/** Fetched days waiting for their transaction before the fetching waits too (bounds memory on a slow disk). */
const MAX_UNWRITTEN = 32;

export const DEFAULTS = {
  concurrency: 8,
  timeoutMs: 30_000,
  revalidateDays: 3,
  intervalHours: 6,
  maxDaysPerRun: 1000,
} as const;

/** A report of a run that did nothing yet, started and ended at `t`. */
export function emptyReport(t: number): SyncReport {
  return {
    ok: false,
    error: null,
    index: 'skipped',
    days: 0,
    requested: 0,
    written: 0,
    notModified: 0,
    failed: 0,
    deferred: 0,
    future: 0,
    bytes: 0,
    startedAt: t,
    endedAt: t,
    nextRun: t,
  };
}

type StopReason = 'offline' | 'rate-limited' | 'aborted' | 'storage';

function when(t: number): string {
  return `${new Date(t).toISOString().replace('T', ' ').slice(0, 16)} UTC`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Every run-level message, in one place (stored as `lastError`; a later step turns them into codes). */
export const RUN_MESSAGES = {
  recordFailed: (e: unknown) => `could not record the sync state: ${String(e)}`,
  slowDown: (until: number) => `the server asked to slow down; next try after ${when(until)}`,
  source: (error: string) => `source URL: ${error}`,
  badIndex: (error: string) => `the day index could not be read: ${error}`,
  stopped: () => 'sync was stopped',
  no304: () => 'the server answered 304 to a request without validators',
  indexFailed: (message: string) => `could not download the day index: ${message}`,
  unreadable: (e: unknown) => `the file could not be read: ${e instanceof Error ? e.message : String(e)}`,
  noPapers: () => 'the file lists no papers',
  storeFailed: (e: unknown) => `could not store the day: ${e instanceof Error ? e.message : e}`,
  storeFailedAny: () => 'could not store a day',
  left: (n: number) => `; ${plural(n, 'day')} left for the next run`,
  offline: () => 'could not connect to the server (offline?)',
  filesFailed: (n: number, path: string, message: string) =>
    `${plural(n, 'day file')} could not be synced (e.g. ${path}: ${message}); they will be retried later`,
  future: (dates: readonly string[]) =>
    `the day index lists ${plural(dates.length, 'day')} after tomorrow (UTC), refused: ` +
    `${dates.slice(0, 3).join(', ')}${dates.length > 3 ? ', …' : ''}`,
  failed: (e: unknown) => `sync failed: ${e instanceof Error ? e.message : String(e)}`,
} as const;
const M = RUN_MESSAGES;

export async function runSync(deps: SyncDeps): Promise<SyncReport> {
  const now = deps.now ?? Date.now;
  const startedAt = now();
  const report = emptyReport(startedAt);
  const db = deps.db;
  const intervalHours = deps.intervalHours ?? DEFAULTS.intervalHours;

  /** Refused far-future days, named in whatever the run ends with. */
  let futureNote: string | null = null;
  /** `runs`: 'failed' grows run-level backoff, 'ok' resets it and sets lastSuccess, 'keep' changes neither. */
  const finish = async (outcome: {
    runs: 'ok' | 'failed' | 'keep';
    error: string | null;
    retryAfterUntil?: number | null;
    moreDays?: boolean;
  }): Promise<SyncReport> => {
    report.endedAt = now();
    report.error = [outcome.error, futureNote].filter((e) => e !== null).join('; ') || null;
    report.ok = report.error === null;
    try {
      const meta = await getSyncMeta(db);
      const files = await getFileStates(db);
      let earliest: number | null = null;
      for (const f of files.values()) {
        if (f.lastError !== null && f.nextRetryAt !== null && (earliest === null || f.nextRetryAt < earliest)) {
          earliest = f.nextRetryAt;
        }
      }
      const consecutiveFailures =
        outcome.runs === 'failed' ? meta.consecutiveFailures + 1 : outcome.runs === 'ok' ? 0 : meta.consecutiveFailures;
      const retryAfterUntil = outcome.retryAfterUntil !== undefined ? outcome.retryAfterUntil : meta.retryAfterUntil;
      report.nextRun = nextAlarmAt({
        now: report.endedAt,
        intervalHours,
        lastRunEndedAt: report.endedAt,
        consecutiveFailures,
        retryAfterUntil,
        earliestFileRetryAt: earliest,
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
      report.error ??= M.recordFailed(e);
      report.ok = false;
    }
    return report;
  };

  try {
    const meta = await getSyncMeta(db);
    if (meta.retryAfterUntil !== null && meta.retryAfterUntil > startedAt) {
      return await finish({
        runs: 'keep',
        error: M.slowDown(meta.retryAfterUntil),
      });
    }
    const source = validateSourceUrl(deps.baseUrl);
    if (!source.ok) return await finish({ runs: 'keep', error: M.source(source.error) });
    const base = source.url;
    await updateSyncMeta(db, { lastRunStartedAt: startedAt, progress: { done: 0, total: 0 }, retryAfterUntil: null });

    const timeoutMs = deps.timeoutMs ?? DEFAULTS.timeoutMs;
    const fetchOpts = { timeoutMs, signal: deps.signal, now, maxBytes: MAX_DAY_FILE_BYTES };

    // 1. The index.
    const stored = await getIndexMeta(db);
    const usable = stored && stored.source === base && stored.days.length > 0 ? stored : null;
    const idx = await fetchText(deps.fetch, sourceUrl(base, INDEX_PATH), {
      ...fetchOpts,
      maxBytes: MAX_INDEX_BYTES,
      validators: usable ? { etag: usable.etag, lastModified: usable.lastModified } : null,
    });
    let days: string[];
    if (idx.kind === 'ok') {
      report.bytes += idx.bytes;
      const parsed = parseIndex(idx.text);
      if (!parsed.ok) {
        report.index = 'failed';
        return await finish({ runs: 'failed', error: M.badIndex(parsed.error) });
      }
      days = parsed.days.map((d) => d.date);
      await putIndexMeta(db, {
        source: base,
        etag: idx.etag,
        lastModified: idx.lastModified,
        fetchedAt: now(),
        days,
      });
      report.index = 'fetched';
    } else if (idx.kind === 'not-modified' && usable) {
      days = usable.days;
      report.index = 'not-modified';
    } else {
      report.index = 'failed';
      const failure = idx.kind === 'error' ? idx : null;
      const message = failure?.message ?? M.no304();
      if (failure?.error === 'aborted') return await finish({ runs: 'keep', error: M.stopped() });
      const retryAfterUntil =
        failure?.error === 'rate-limited'
          ? now() +
            Math.max(failure.retryAfterMs ?? 0, backoffDelay(meta.consecutiveFailures + 1, RUN_BACKOFF_BASE, 3_600_000))
          : undefined;
      return await finish({ runs: 'failed', error: M.indexFailed(message), retryAfterUntil });
    }
    report.days = days.length;

    // 2. The plan.
    const [storedDates, files] = await Promise.all([getStoredDates(db), getFileStates(db)]);
    const plan = planDays({
      days,
      storedDates,
      files,
      now: now(),
      revalidateDays: deps.revalidateDays ?? DEFAULTS.revalidateDays,
      source: base,
      maxNew: Math.max(1, deps.maxDaysPerRun ?? DEFAULTS.maxDaysPerRun),
    });
    report.deferred = plan.deferred.length + plan.later.length;
    report.future = plan.future.length;
    if (plan.future.length > 0) futureNote = M.future(plan.future);
    const total = plan.tasks.length;
    let done = 0;
    const progressEvery = Math.max(1, Math.ceil(total / 20));
    const progress = (): void => {
      deps.onProgress?.({ done, total });
    };
    progress();
    await updateSyncMeta(db, { progress: { done, total } });

    // 3. The days.
    const parse = deps.parse ?? ((text: string, path: string) => parseDigest(text, path));
    let stop: StopReason | null = null;
    let retryAfterUntil: number | null = null;
    const failures: { path: string; message: string }[] = [];
    const writer = createDayWriter(db);

    const recordFailure = async (task: DayTask, message: string, retryAfterMs: number | null): Promise<void> => {
      const t = now();
      const prev = files.get(task.path);
      const attempts = task.attempts + 1;
      const state: FileState = {
        path: task.path,
        date: task.date,
        source: prev?.source ?? null,
        etag: prev?.etag ?? null,
        lastModified: prev?.lastModified ?? null,
        checkedAt: prev?.checkedAt ?? null,
        lastError: message,
        lastErrorAt: t,
        attempts,
        nextRetryAt: fileRetryAt(t, attempts, retryAfterMs),
      };
      failures.push({ path: task.path, message });
      report.failed++;
      await putFileState(db, state);
    };

    const handle = async (task: DayTask, r: FetchResult): Promise<void> => {
      if (r.kind === 'ok') {
        report.bytes += r.bytes;
        let parsed: ParsedDigest;
        try {
          parsed = parse(r.text, task.path);
        } catch (e) {
          await recordFailure(task, M.unreadable(e), null);
          return;
        }
        if (parsed.papers.length === 0) {
          await recordFailure(task, M.noPapers(), null);
          return;
        }
        await writer.write({
          parsed,
          meta: {
            date: task.date,
            path: task.path,
            etag: r.etag,
            lastModified: r.lastModified,
            fetchedAt: now(),
            bytes: r.bytes,
            source: base,
          },
        });
        report.written++;
      } else if (r.kind === 'not-modified') {
        report.notModified++;
        const prev = files.get(task.path);
        await putFileState(db, {
          path: task.path,
          date: task.date,
          source: base,
          etag: r.etag ?? prev?.etag ?? null,
          lastModified: r.lastModified ?? prev?.lastModified ?? null,
          checkedAt: now(),
          lastError: null,
          lastErrorAt: null,
          attempts: 0,
          nextRetryAt: null,
        });
      } else {
        report.bytes += r.bytes;
        if (r.error === 'aborted') stop ??= 'aborted';
        else if (r.error === 'network') stop ??= 'offline';
        else {
          if (r.error === 'rate-limited') {
            stop ??= 'rate-limited';
            const until = now() + Math.max(r.retryAfterMs ?? 0, RUN_BACKOFF_BASE);
            retryAfterUntil = Math.max(retryAfterUntil ?? 0, until);
          }
          await recordFailure(task, r.message, r.retryAfterMs);
        }
      }
    };

    /** A fetched day's outcome stored (or its failure recorded), then counted as done. Never rejects. */
    const settle = async (task: DayTask, r: FetchResult): Promise<void> => {
      try {
        await handle(task, r);
      } catch (e) {
        stop ??= 'storage';
        failures.push({ path: task.path, message: M.storeFailed(e) });
        report.failed++;
      }
      done++;
      progress();
      if (done % progressEvery === 0 && done < total) {
        await updateSyncMeta(db, { progress: { done, total } }).catch(() => {});
      }
    };
    const writes = new Set<Promise<void>>();

    let next = 0;
    const worker = async (): Promise<void> => {
      for (;;) {
        if (stop || deps.signal?.aborted) {
          stop ??= 'aborted';
          return;
        }
        const task = plan.tasks[next++];
        if (!task) return;
        report.requested++;
        const r = await fetchText(deps.fetch, sourceUrl(base, task.path), {
          ...fetchOpts,
          validators: task.validators,
        });
        const settled = settle(task, r);
        writes.add(settled);
        void settled.finally(() => writes.delete(settled));
        // Fetching goes on while days wait for their transaction; only a long backlog waits for the writer.
        if (writes.size >= MAX_UNWRITTEN) await Promise.race(writes);
      }
    };
    const width = Math.max(1, Math.min(deps.concurrency ?? DEFAULTS.concurrency, 16));
    await Promise.all(Array.from({ length: width }, worker));
    await Promise.all(writes); // the last fetched days (no worker adds any now)

    const left = total - done;
    report.deferred += left;
    if (stop) {
      const rest = left > 0 ? M.left(left) : '';
      const message =
        stop === 'offline'
          ? `${M.offline()}${rest}`
          : stop === 'rate-limited'
            ? `${M.slowDown(retryAfterUntil ?? now())}${rest}`
            : stop === 'storage'
              ? `${failures.at(-1)?.message ?? M.storeFailedAny()}${rest}`
              : `${M.stopped()}${rest}`;
      return await finish({ runs: stop === 'aborted' ? 'keep' : 'failed', error: message, retryAfterUntil });
    }
    const moreDays = plan.later.length > 0;
    if (failures.length > 0) {
      const first = failures[0] as { path: string; message: string };
      return await finish({ runs: 'ok', error: M.filesFailed(failures.length, first.path, first.message), moreDays });
    }
    return await finish({ runs: 'ok', error: null, moreDays });
  } catch (e) {
    return await finish({ runs: 'failed', error: M.failed(e) });
  }
}
