/**
 * Network side of the Hugging Face data (pure apart from the fetch function passed in; no IndexedDB here):
 * - `fetchNewestDaily(fetch, today)` walks back from `today` one day at a time (at most MAX_WALK_DAYS requests) to
 *   the newest day whose list has papers. `[]` (empty day) and 400/404 (day not open yet) go one day further back;
 *   429 stops the walk with the server's Retry-After; any other failure stops it with an error (a code of
 *   lib/errors.ts `hf*`).
 * - `fetchPaperVotes(fetch, id)` asks `/api/papers/<id>` for the live upvote count.
 * - `isFresh(fetchedAt, now, ttl)` is the TTL rule of both caches.
 */
import { addDays } from '../dates';
import { type AppError, appError } from '../errors';
import type { FetchLike } from '../sync/fetch-file';
import { readCapped } from '../sync/read-capped';
import { parseRetryAfter } from '../sync/retry';
import { parseDailyPapers, parsePaperVotes } from './answers';
import { dailyPapersUrl, type HfDailyItem, paperApiUrl } from './api';

export type { FetchLike } from '../sync/fetch-file';

/** Days tried by one walk (today and the six days before it). */
export const MAX_WALK_DAYS = 7;
/** A cached daily list is used without asking again for this long. */
export const DAILY_TTL_MS = 30 * 60_000;
/** A cached live vote count is used without asking again for this long. */
export const VOTE_TTL_MS = 10 * 60_000;
/** Hugging Face counts its limits per 5-minute window: without a Retry-After, wait one window. */
export const DEFAULT_RATE_LIMIT_MS = 5 * 60_000;
/** One request may take this long before it counts as failed. */
export const REQUEST_TIMEOUT_MS = 15_000;
/** Body cap of one answer (a day's list of 200 papers with long author lists is well under 2 MiB). */
export const MAX_ANSWER_BYTES = 8 << 20;

export type Failure = { kind: 'rateLimited'; retryAfterMs: number } | { kind: 'error'; error: AppError };

const failed = (error: AppError): Failure => ({ kind: 'error', error });

export type DailyResult =
  | { kind: 'ok'; date: string; items: HfDailyItem[]; skipped: number; triedDates: string[] }
  /** Every day of the walk was empty or not open. */
  | { kind: 'none'; triedDates: string[] }
  | (Failure & { triedDates: string[] });

export type VotesResult = { kind: 'ok'; upvotes: number } | { kind: 'unknown' } | Failure;

export function isFresh(fetchedAt: number, now: number, ttl: number): boolean {
  return fetchedAt <= now && now - fetchedAt < ttl;
}

function timeoutSignal(): AbortSignal | undefined {
  return typeof AbortSignal !== 'undefined' && 'timeout' in AbortSignal
    ? AbortSignal.timeout(REQUEST_TIMEOUT_MS)
    : undefined;
}

type Answer = { kind: 'json'; status: number; json: unknown } | { kind: 'status'; status: number } | Failure;

async function getJson(fetchFn: FetchLike, url: string, now: number): Promise<Answer> {
  let res: Response;
  try {
    res = await fetchFn(url, {
      headers: { accept: 'application/json' },
      credentials: 'omit',
      cache: 'no-cache',
      signal: timeoutSignal(),
    });
  } catch {
    return failed(appError('hfNetwork'));
  }
  if (res.status === 429) {
    return {
      kind: 'rateLimited',
      retryAfterMs: parseRetryAfter(res.headers.get('retry-after'), now) ?? DEFAULT_RATE_LIMIT_MS,
    };
  }
  if (!res.ok) {
    void res.body?.cancel().catch(() => {});
    return { kind: 'status', status: res.status };
  }
  const read = await readCapped(res, MAX_ANSWER_BYTES);
  if (read.kind === 'too-large') return failed(appError('hfTooLarge', { size: MAX_ANSWER_BYTES }));
  if (read.kind === 'broken') return failed(appError('hfBrokeOff'));
  try {
    return { kind: 'json', status: res.status, json: JSON.parse(new TextDecoder().decode(read.body)) };
  } catch {
    return failed(appError('hfNotJson'));
  }
}

export async function fetchNewestDaily(
  fetchFn: FetchLike,
  today: string,
  now: number,
  maxDays: number = MAX_WALK_DAYS,
): Promise<DailyResult> {
  const triedDates: string[] = [];
  for (let i = 0; i < maxDays; i++) {
    const date = addDays(today, -i);
    triedDates.push(date);
    const answer = await getJson(fetchFn, dailyPapersUrl(date), now);
    if (answer.kind === 'rateLimited' || answer.kind === 'error') return { ...answer, triedDates };
    if (answer.kind === 'status') {
      // 400: the day is not open yet (e.g. today before the first submission); 404 likewise.
      if (answer.status === 400 || answer.status === 404) continue;
      return { ...failed(appError('hfStatus', { status: answer.status })), triedDates };
    }
    const parsed = parseDailyPapers(answer.json);
    if (!parsed) return { ...failed(appError('hfUnexpected')), triedDates };
    if (parsed.items.length > 0) return { kind: 'ok', date, ...parsed, triedDates };
  }
  return { kind: 'none', triedDates };
}

export async function fetchPaperVotes(fetchFn: FetchLike, arxivId: string, now: number): Promise<VotesResult> {
  const answer = await getJson(fetchFn, paperApiUrl(arxivId), now);
  if (answer.kind === 'rateLimited' || answer.kind === 'error') return answer;
  if (answer.kind === 'status') {
    return answer.status === 400 || answer.status === 404
      ? { kind: 'unknown' }
      : failed(appError('hfStatus', { status: answer.status }));
  }
  const upvotes = parsePaperVotes(answer.json, arxivId);
  return upvotes === null ? { kind: 'unknown' } : { kind: 'ok', upvotes };
}
