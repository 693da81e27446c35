/** Cache-then-network of the Hugging Face features over fake-indexeddb and a mocked fetch. */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  getHfMeta,
  getNewestDaily,
  getVote,
  KEEP_DAILY_DAYS,
  putDaily,
  putVote,
  VOTE_KEEP_MS,
} from '../../lib/db/hf-cache';
import { openDigestDb } from '../../lib/db/open';
import type { DigestDb } from '../../lib/db/schema';
import { DAILY_TTL_MS, VOTE_TTL_MS } from '../../lib/hf/daily';
import { type HfServiceDeps, hfToday, liveVotes } from '../../lib/hf/service';
import { LOCAL_FIXTURES_DIR } from '../support/shared';

const body = (name: string) => readFileSync(join(LOCAL_FIXTURES_DIR, 'hf', name), 'utf8');
const json = (status: number, text: string, headers: Record<string, string> = {}) =>
  new Response(text, { status, headers: { 'content-type': 'application/json', ...headers } });

const NOW = Date.parse('2025-07-03T09:00:00Z');
let db: DigestDb;
let answers: Record<string, () => Response>;
let fetchMock: ReturnType<typeof vi.fn<(url: string) => Promise<Response>>>;

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  db = await openDigestDb();
  answers = {
    '2025-07-03': () => json(400, body('daily-400.json')),
    '2025-07-02': () => json(200, body('daily-empty.json')),
    '2025-07-01': () => json(200, body('daily-2025-07-01.json')),
    '/api/papers/2406.16793': () => json(200, body('paper-2406.16793.json')),
    '/api/papers/2507.99999': () => json(404, body('paper-unknown.json')),
  };
  fetchMock = vi.fn(async (url: string) => {
    const u = new URL(url);
    const answer = answers[u.searchParams.get('date') ?? u.pathname];
    if (!answer) throw new TypeError('Failed to fetch');
    return answer();
  });
});

const deps = (over: Partial<HfServiceDeps> = {}): HfServiceDeps => ({
  db,
  fetch: fetchMock,
  now: NOW,
  online: true,
  permitted: async () => true,
  ...over,
});

describe('hfToday', () => {
  it('fetches the newest day with papers, caches it, and answers from the cache within the TTL', async () => {
    const first = await hfToday(deps(), true);
    expect(first).toMatchObject({ state: 'fresh', list: { date: '2025-07-01', fetchedAt: NOW } });
    expect(first.list?.items).toHaveLength(4);
    expect(fetchMock).toHaveBeenCalledTimes(3);

    const again = await hfToday(deps({ now: NOW + DAILY_TTL_MS - 1 }), true);
    expect(again).toMatchObject({ state: 'cached', list: { date: '2025-07-01', fetchedAt: NOW } });
    expect(fetchMock).toHaveBeenCalledTimes(3);

    // After the TTL it asks again.
    await hfToday(deps({ now: NOW + DAILY_TTL_MS }), true);
    expect(fetchMock).toHaveBeenCalledTimes(6);
  });

  it('offline: the cached list with its fetch time, no request', async () => {
    await hfToday(deps(), true);
    fetchMock.mockClear();
    const r = await hfToday(deps({ now: NOW + 2 * DAILY_TTL_MS, online: false }), true);
    expect(r).toMatchObject({ state: 'offline', list: { date: '2025-07-01', fetchedAt: NOW } });
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('off or without the permission: no request', async () => {
    expect(await hfToday(deps(), false)).toMatchObject({ state: 'off', list: null });
    expect(await hfToday(deps({ permitted: async () => false }), true)).toMatchObject({
      state: 'needsPermission',
      list: null,
    });
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('a 429 keeps the cache, remembers Retry-After and asks nothing until then', async () => {
    await hfToday(deps(), true);
    answers['2025-07-03'] = () => json(429, body('rate-limited.json'), { 'retry-after': '300' });
    const later = NOW + DAILY_TTL_MS;
    const r = await hfToday(deps({ now: later }), true);
    expect(r).toMatchObject({ state: 'rateLimited', list: { date: '2025-07-01' }, retryAt: later + 300_000 });
    expect(await getHfMeta(db)).toEqual({ retryAfterUntil: later + 300_000 });
    fetchMock.mockClear();
    expect(await hfToday(deps({ now: later + 1000 }), true)).toMatchObject({ state: 'rateLimited' });
    expect(await liveVotes(deps({ now: later + 1000 }), true, '2406.16793', true)).toMatchObject({
      state: 'rateLimited',
      live: null,
    });
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('seven empty days: empty, and an error keeps the cache with its reason', async () => {
    answers['2025-06-30'] = () => json(200, '[]');
    answers['2025-06-29'] = () => json(200, '[]');
    answers['2025-06-28'] = () => json(200, '[]');
    answers['2025-06-27'] = () => json(200, '[]');
    answers['2025-07-01'] = () => json(200, '[]');
    expect(await hfToday(deps(), true)).toMatchObject({ state: 'empty', list: null });
    answers['2025-07-03'] = () => json(502, 'bad gateway');
    expect(await hfToday(deps(), true)).toMatchObject({
      state: 'error',
      error: { code: 'hfStatus', params: { status: 502 } },
    });
  });
});

describe('liveVotes', () => {
  it('is off unless turned on, and never asks for a paper without a digest', async () => {
    expect(await liveVotes(deps(), false, '2406.16793', true)).toEqual({ state: 'off', live: null });
    expect(await liveVotes(deps(), true, '2406.16793', false)).toEqual({ state: 'unknown', live: null });
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('fetches, caches with a TTL and answers from the cache', async () => {
    expect(await liveVotes(deps(), true, '2406.16793', true)).toEqual({
      state: 'fresh',
      live: { upvotes: 123, fetchedAt: NOW },
    });
    expect(await getVote(db, '2406.16793')).toEqual({ arxivId: '2406.16793', upvotes: 123, fetchedAt: NOW });
    expect(await liveVotes(deps({ now: NOW + VOTE_TTL_MS - 1 }), true, '2406.16793', true)).toMatchObject({
      state: 'cached',
      live: { upvotes: 123 },
    });
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['an unknown id', '2507.99999', 'unknown'],
    ['a network error', '2507.88888', 'error'],
  ])('%s answers no count', async (_n, id, state) => {
    expect(await liveVotes(deps(), true, id, true)).toEqual({ state, live: null });
  });

  it('a 429 answers no count and pauses requests', async () => {
    answers['/api/papers/2406.16793'] = () => json(429, '{}', { 'retry-after': '60' });
    expect(await liveVotes(deps(), true, '2406.16793', true)).toEqual({ state: 'rateLimited', live: null });
    expect((await getHfMeta(db)).retryAfterUntil).toBe(NOW + 60_000);
  });

  it('offline or not permitted: no request', async () => {
    expect(await liveVotes(deps({ online: false }), true, '2406.16793', true)).toMatchObject({ state: 'offline' });
    expect(await liveVotes(deps({ permitted: async () => false }), true, '2406.16793', true)).toMatchObject({
      state: 'needsPermission',
    });
    expect(fetchMock).not.toHaveBeenCalled();
  });
});

describe('cache pruning', () => {
  it('keeps two weeks of daily lists and a week of vote counts', async () => {
    await putDaily(db, { date: '2025-06-01', items: [], fetchedAt: 1 });
    await putDaily(db, { date: '2025-07-01', items: [], fetchedAt: 2 });
    expect((await db.getAllKeys('hfDaily')).sort()).toEqual(['2025-07-01']);
    await putDaily(db, { date: '2025-06-20', items: [], fetchedAt: 3 });
    expect((await getNewestDaily(db))?.date).toBe('2025-07-01');
    expect(KEEP_DAILY_DAYS).toBe(14);
    await putVote(db, { arxivId: '2406.00001', upvotes: 1, fetchedAt: NOW - VOTE_KEEP_MS - 1 });
    await putVote(db, { arxivId: '2406.00002', upvotes: 2, fetchedAt: NOW });
    expect(await db.getAllKeys('hfVotes')).toEqual(['2406.00002']);
  });
});
