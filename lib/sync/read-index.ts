/**
 * The first step of a run: the day index `paper_logs/papers_list.csv`, fetched conditionally (validators of the
 * stored index of the same source) and at most MAX_INDEX_BYTES. A good answer is parsed and stored in
 * `meta['index']`; a 304 reuses the stored day list; a malformed index fails the run and stores nothing. A 429 sets a
 * Retry-After (at least the run-level backoff); an abort ends the run without counting as a failure.
 */
import type { DigestDb } from '../db/schema';
import { getIndexMeta, putIndexMeta } from '../db/sync-state';
import { appError } from '../errors';
import { parseIndex } from './csv-index';
import { type FetchLike, fetchText } from './fetch-file';
import type { RunOutcome } from './finish-run';
import type { SyncReport } from './report';
import { backoffDelay, RUN_BACKOFF_BASE } from './retry';
import { INDEX_PATH, MAX_INDEX_BYTES, sourceUrl } from './source';

export interface IndexContext {
  db: DigestDb;
  fetch: FetchLike;
  /** The validated source base. */
  base: string;
  now: () => number;
  timeoutMs: number;
  signal?: AbortSignal;
  /** Failed runs in a row so far (the backoff a 429 waits at least). */
  consecutiveFailures: number;
}

/** The listed days (newest first), or how the run ends. */
export type IndexStep = { kind: 'days'; days: string[] } | { kind: 'end'; outcome: RunOutcome };

/** Sets `report.index` and counts the index's bytes. */
export async function readIndex(ctx: IndexContext, report: SyncReport): Promise<IndexStep> {
  const { db, base, now } = ctx;
  const stored = await getIndexMeta(db);
  const usable = stored && stored.source === base && stored.days.length > 0 ? stored : null;
  const idx = await fetchText(ctx.fetch, sourceUrl(base, INDEX_PATH), {
    timeoutMs: ctx.timeoutMs,
    signal: ctx.signal,
    now,
    maxBytes: MAX_INDEX_BYTES,
    validators: usable ? { etag: usable.etag, lastModified: usable.lastModified } : null,
  });
  if (idx.kind === 'ok') {
    report.bytes += idx.bytes;
    const parsed = parseIndex(idx.text);
    if (!parsed.ok) {
      report.index = 'failed';
      return { kind: 'end', outcome: { runs: 'failed', errors: [appError('syncBadIndex', { cause: parsed.error })] } };
    }
    const days = parsed.days.map((d) => d.date);
    await putIndexMeta(db, { source: base, etag: idx.etag, lastModified: idx.lastModified, fetchedAt: now(), days });
    report.index = 'fetched';
    return { kind: 'days', days };
  }
  if (idx.kind === 'not-modified' && usable) {
    report.index = 'not-modified';
    return { kind: 'days', days: usable.days };
  }
  report.index = 'failed';
  const failure = idx.kind === 'error' ? idx : null;
  if (failure?.error === 'aborted') {
    return { kind: 'end', outcome: { runs: 'keep', errors: [appError('syncStopped')] } };
  }
  const retryAfterUntil =
    failure?.error === 'rate-limited'
      ? now() +
        Math.max(failure.retryAfterMs ?? 0, backoffDelay(ctx.consecutiveFailures + 1, RUN_BACKOFF_BASE, 3_600_000))
      : undefined;
  const error = failure ? appError('syncIndex', { cause: failure.problem }) : appError('syncNo304');
  return { kind: 'end', outcome: { runs: 'failed', errors: [error], retryAfterUntil } };
}
