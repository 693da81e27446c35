/**
 * What the background answers `getHfToday` and `getLiveVotes` with: cache first (TTL), then the network, then the
 * cache again. Order of every refresh: check the settings and the host permission, fetch and parse (no transaction
 * open), then write the result in one short transaction.
 *
 * - hfToday: the newest daily list. A fresh cached list is answered without a request; otherwise the walk of
 *   lib/hf/daily.ts runs and its list is stored. Offline, rate-limited, failed or not permitted: the cached list
 *   (if any) with the reason, so the popup reads offline.
 * - liveVotes: a paper's live upvote count, only when the user turned live votes on (each request tells Hugging
 *   Face which paper is being read) and only for papers that have a digest. 429 and errors answer no count (the
 *   panel keeps the digest vote); a 429 pauses every Hugging Face request until its Retry-After.
 */

import { utcToday } from '../dates';
import { getHfMeta, getNewestDaily, getVote, putDaily, putVote, setHfRetryAfter } from '../db/hf-cache';
import type { DigestDb, HfDailyRecord } from '../db/schema';
import type { AppError } from '../errors';
import { DAILY_TTL_MS, type FetchLike, fetchNewestDaily, fetchPaperVotes, isFresh, VOTE_TTL_MS } from './daily';

export interface HfServiceDeps {
  db: DigestDb;
  fetch: FetchLike;
  now: number;
  /** `navigator.onLine` of the background. */
  online: boolean;
  /** Whether the huggingface.co host permission is granted. */
  permitted: () => Promise<boolean>;
}

/** Why the answer is what it is. `fresh`: fetched now; `cached`: within its TTL. */
export type HfState =
  | 'fresh'
  | 'cached'
  | 'off'
  | 'needsPermission'
  | 'offline'
  | 'rateLimited'
  | 'empty'
  | 'unknown'
  | 'error';

export interface HfTodayResult {
  state: HfState;
  list: HfDailyRecord | null;
  /** Why, when state is `error` (the popup words it: lib/error-text.ts). */
  error: AppError | null;
  /** When state is `rateLimited`: no request before this time. */
  retryAt: number | null;
}

export interface LiveVotesResult {
  state: HfState;
  live: { upvotes: number; fetchedAt: number } | null;
}

async function rateLimitedUntil(db: DigestDb, now: number): Promise<number | null> {
  const { retryAfterUntil } = await getHfMeta(db);
  return retryAfterUntil !== null && retryAfterUntil > now ? retryAfterUntil : null;
}

export async function hfToday(deps: HfServiceDeps, enabled: boolean): Promise<HfTodayResult> {
  const { db, now } = deps;
  const result = (
    state: HfState,
    list: HfDailyRecord | null,
    error: AppError | null = null,
    retryAt = null as number | null,
  ) => ({
    state,
    list,
    error,
    retryAt,
  });
  if (!enabled) return result('off', null);
  const cached = await getNewestDaily(db);
  if (cached && isFresh(cached.fetchedAt, now, DAILY_TTL_MS)) return result('cached', cached);
  if (!(await deps.permitted())) return result('needsPermission', cached);
  if (!deps.online) return result('offline', cached);
  const until = await rateLimitedUntil(db, now);
  if (until !== null) return result('rateLimited', cached, null, until);

  const walk = await fetchNewestDaily(deps.fetch, utcToday(now), now);
  switch (walk.kind) {
    case 'ok': {
      const record: HfDailyRecord = { date: walk.date, items: walk.items, fetchedAt: now };
      await putDaily(db, record);
      return result('fresh', record);
    }
    case 'none':
      return result('empty', cached);
    case 'rateLimited':
      await setHfRetryAfter(db, now + walk.retryAfterMs);
      return result('rateLimited', cached, null, now + walk.retryAfterMs);
    case 'error':
      return result('error', cached, walk.error);
  }
}

export async function liveVotes(
  deps: HfServiceDeps,
  enabled: boolean,
  arxivId: string,
  hasDigest: boolean,
): Promise<LiveVotesResult> {
  const { db, now } = deps;
  if (!enabled) return { state: 'off', live: null };
  if (!hasDigest) return { state: 'unknown', live: null };
  const cached = await getVote(db, arxivId);
  if (cached && isFresh(cached.fetchedAt, now, VOTE_TTL_MS)) {
    return { state: 'cached', live: { upvotes: cached.upvotes, fetchedAt: cached.fetchedAt } };
  }
  if (!(await deps.permitted())) return { state: 'needsPermission', live: null };
  if (!deps.online) return { state: 'offline', live: null };
  if ((await rateLimitedUntil(db, now)) !== null) return { state: 'rateLimited', live: null };

  const r = await fetchPaperVotes(deps.fetch, arxivId, now);
  switch (r.kind) {
    case 'ok':
      await putVote(db, { arxivId, upvotes: r.upvotes, fetchedAt: now });
      return { state: 'fresh', live: { upvotes: r.upvotes, fetchedAt: now } };
    case 'unknown':
      return { state: 'unknown', live: null };
    case 'rateLimited':
      await setHfRetryAfter(db, now + r.retryAfterMs);
      return { state: 'rateLimited', live: null };
    case 'error':
      return { state: 'error', live: null };
  }
}
