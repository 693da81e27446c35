/**
 * What becomes of each fetched day file in a run (`settle(task, result)`, never rejects):
 * - 200: parsed, then written whole through the day writer (./day-writer); a file that cannot be parsed or lists
 *   no papers is a failure of that file;
 * - 304: the file's validators refreshed, its error cleared;
 * - a failure of the file (404, 5xx, redirect, too large, timeout, truncated, non-UTF-8): its state gets attempts+1,
 *   the error and the time of its next try (exponential backoff, Retry-After honoured); the run goes on;
 * - offline, 429 or an abort stop the run (`stop`): no new requests; a 429 also sets `retryAfterUntil`;
 * - a day that cannot be stored stops the run too (`storage`).
 */
import { fileChecked, fileFailed } from '../db/file-state';
import type { DigestDb, FileState } from '../db/schema';
import { putFileState } from '../db/sync-state';
import type { ParsedDigest } from '../digest/types';
import { type AppError, appError, errorOf } from '../errors';
import type { DayWriter } from './day-writer';
import type { FetchResult } from './fetch-file';
import type { DayTask } from './plan';
import type { SyncReport } from './report';
import { fileRetryAt, RUN_BACKOFF_BASE } from './retry';

export type StopReason = 'offline' | 'rate-limited' | 'aborted' | 'storage';

export interface DayFailure {
  path: string;
  error: AppError;
}

export interface DayContext {
  db: DigestDb;
  base: string;
  now: () => number;
  /** The files' states when the run planned (the previous validators of a failed file are kept). */
  files: ReadonlyMap<string, FileState>;
  parse: (text: string, path: string) => ParsedDigest;
  writer: DayWriter;
}

export interface DayResults {
  /** Why the run stops taking new days (null: it goes on). */
  stop: StopReason | null;
  /** A 429's Retry-After deadline for the whole run. */
  retryAfterUntil: number | null;
  /** Failed files, in the order they failed. */
  readonly failures: readonly DayFailure[];
  settle(task: DayTask, r: FetchResult): Promise<void>;
}

export function createDayResults(ctx: DayContext, report: SyncReport): DayResults {
  const { db, now, files } = ctx;
  const failures: DayFailure[] = [];

  const recordFailure = async (task: DayTask, error: AppError, retryAfterMs: number | null): Promise<void> => {
    const at = now();
    const attempts = task.attempts + 1;
    failures.push({ path: task.path, error });
    report.failed++;
    await putFileState(
      db,
      fileFailed(task.path, task.date, files.get(task.path), {
        error,
        at,
        attempts,
        nextRetryAt: fileRetryAt(at, attempts, retryAfterMs),
      }),
    );
  };

  const write = async (task: DayTask, r: Extract<FetchResult, { kind: 'ok' }>): Promise<void> => {
    report.bytes += r.bytes;
    let parsed: ParsedDigest;
    try {
      parsed = ctx.parse(r.text, task.path);
    } catch {
      await recordFailure(task, appError('fileUnreadable'), null);
      return;
    }
    if (parsed.papers.length === 0) {
      await recordFailure(task, appError('fileNoPapers'), null);
      return;
    }
    await ctx.writer.write({
      parsed,
      meta: {
        date: task.date,
        path: task.path,
        etag: r.etag,
        lastModified: r.lastModified,
        fetchedAt: now(),
        bytes: r.bytes,
        source: ctx.base,
      },
    });
    report.written++;
  };

  const handle = async (task: DayTask, r: FetchResult): Promise<void> => {
    if (r.kind === 'ok') return write(task, r);
    if (r.kind === 'not-modified') {
      report.notModified++;
      const prev = files.get(task.path);
      await putFileState(
        db,
        fileChecked(task.path, task.date, {
          source: ctx.base,
          etag: r.etag ?? prev?.etag ?? null,
          lastModified: r.lastModified ?? prev?.lastModified ?? null,
          checkedAt: now(),
        }),
      );
      return;
    }
    report.bytes += r.bytes;
    if (r.error === 'aborted') results.stop ??= 'aborted';
    else if (r.error === 'network') results.stop ??= 'offline';
    else {
      if (r.error === 'rate-limited') {
        results.stop ??= 'rate-limited';
        const until = now() + Math.max(r.retryAfterMs ?? 0, RUN_BACKOFF_BASE);
        results.retryAfterUntil = Math.max(results.retryAfterUntil ?? 0, until);
      }
      await recordFailure(task, r.problem, r.retryAfterMs);
    }
  };

  const results: DayResults = {
    stop: null,
    retryAfterUntil: null,
    failures,
    async settle(task, r) {
      try {
        await handle(task, r);
      } catch (e) {
        results.stop ??= 'storage';
        failures.push({ path: task.path, error: errorOf(e, 'fileStoreFailed') });
        report.failed++;
      }
    },
  };
  return results;
}
