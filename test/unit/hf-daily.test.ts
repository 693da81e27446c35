/** The newest-day walk and the vote request over a mocked fetch with fixtures of the real shape. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_RATE_LIMIT_MS,
  fetchNewestDaily,
  fetchPaperVotes,
  isFresh,
  MAX_ANSWER_BYTES,
  MAX_WALK_DAYS,
} from '../../lib/hf/daily';
import { LOCAL_FIXTURES_DIR } from '../support/shared';

const body = (name: string) => readFileSync(join(LOCAL_FIXTURES_DIR, 'hf', name), 'utf8');
const json = (status: number, text: string, headers: Record<string, string> = {}) =>
  new Response(text, { status, headers: { 'content-type': 'application/json', ...headers } });

/** A fetch answering by the `date` query (or the paper path) from a table; records what was asked. */
function hfFetch(table: Record<string, () => Response>) {
  return vi.fn(async (url: string) => {
    const u = new URL(url);
    const key = u.searchParams.get('date') ?? u.pathname;
    const answer = table[key];
    if (!answer) throw new TypeError('Failed to fetch');
    return answer();
  });
}

const NOW = Date.parse('2025-07-03T09:00:00Z');

describe('fetchNewestDaily', () => {
  it('walks back over a 400 (not open) and an [] (empty) day to the newest day with papers', async () => {
    const f = hfFetch({
      '2025-07-03': () => json(400, body('daily-400.json')),
      '2025-07-02': () => json(200, body('daily-empty.json')),
      '2025-07-01': () => json(200, body('daily-2025-07-01.json')),
    });
    const r = await fetchNewestDaily(f, '2025-07-03', NOW);
    expect(r).toMatchObject({ kind: 'ok', date: '2025-07-01', triedDates: ['2025-07-03', '2025-07-02', '2025-07-01'] });
    expect(r.kind === 'ok' && r.items).toHaveLength(4);
    expect(f).toHaveBeenCalledTimes(3);
    expect(f.mock.calls[0]?.[0]).toBe('https://huggingface.co/api/daily_papers?date=2025-07-03');
  });

  it('gives up after MAX_WALK_DAYS empty days', async () => {
    const f = vi.fn(async () => json(200, '[]'));
    const r = await fetchNewestDaily(f, '2025-07-03', NOW);
    expect(r).toMatchObject({ kind: 'none' });
    expect(f).toHaveBeenCalledTimes(MAX_WALK_DAYS);
  });

  it('stops at a 429 with its Retry-After (seconds), or one 5-minute window without it', async () => {
    const limited = await fetchNewestDaily(
      hfFetch({ '2025-07-03': () => json(429, body('rate-limited.json'), { 'retry-after': '120' }) }),
      '2025-07-03',
      NOW,
    );
    expect(limited).toMatchObject({ kind: 'rateLimited', retryAfterMs: 120_000, triedDates: ['2025-07-03'] });
    const bare = await fetchNewestDaily(
      hfFetch({ '2025-07-03': () => json(429, body('rate-limited.json')) }),
      '2025-07-03',
      NOW,
    );
    expect(bare).toMatchObject({ kind: 'rateLimited', retryAfterMs: DEFAULT_RATE_LIMIT_MS });
  });

  it.each([
    ['a server error', () => json(503, 'busy'), { code: 'hfStatus', params: { status: 503 } }],
    ['a non-JSON answer', () => json(200, '<html>'), { code: 'hfNotJson', params: {} }],
    ['an error object with 200', () => json(200, '{"error":"x"}'), { code: 'hfUnexpected', params: {} }],
  ])('stops with an error on %s', async (_n, answer, error) => {
    const r = await fetchNewestDaily(hfFetch({ '2025-07-03': answer }), '2025-07-03', NOW);
    expect(r).toMatchObject({ kind: 'error', error });
  });

  it('a network failure is an error, not an empty day', async () => {
    const r = await fetchNewestDaily(hfFetch({}), '2025-07-03', NOW);
    expect(r).toMatchObject({ kind: 'error', error: { code: 'hfNetwork' } });
  });

  it('sends no credentials', async () => {
    const f = vi.fn(async (_u: string, _i?: RequestInit) => json(200, body('daily-2025-07-01.json')));
    await fetchNewestDaily(f, '2025-07-03', NOW);
    expect(f.mock.calls[0]?.[1]).toMatchObject({ credentials: 'omit' });
  });
});

describe('fetchPaperVotes', () => {
  it('reads the live count', async () => {
    const f = hfFetch({ '/api/papers/2406.16793': () => json(200, body('paper-2406.16793.json')) });
    expect(await fetchPaperVotes(f, '2406.16793', NOW)).toEqual({ kind: 'ok', upvotes: 123 });
  });
  it.each([
    ['an error object', () => json(200, body('paper-unknown.json'))],
    ['a 404 with an error object', () => json(404, body('paper-unknown.json'))],
  ])('an unknown id (%s) is unknown', async (_n, answer) => {
    expect(await fetchPaperVotes(hfFetch({ '/api/papers/2507.99999': answer }), '2507.99999', NOW)).toEqual({
      kind: 'unknown',
    });
  });
  it('a 429 is rate limited (HTTP-date Retry-After)', async () => {
    const when = new Date(NOW + 60_000).toUTCString();
    const f = hfFetch({ '/api/papers/2406.16793': () => json(429, '{}', { 'retry-after': when }) });
    expect(await fetchPaperVotes(f, '2406.16793', NOW)).toEqual({ kind: 'rateLimited', retryAfterMs: 60_000 });
  });
  it('a 500 is an error', async () => {
    const f = hfFetch({ '/api/papers/2406.16793': () => json(500, '') });
    expect(await fetchPaperVotes(f, '2406.16793', NOW)).toMatchObject({ kind: 'error' });
  });
});

describe('answers are read with a size cap', () => {
  /** An endless JSON-looking body (`[` then spaces) that counts the bytes handed out and whether it was cancelled. */
  function endless() {
    const seen = { bytes: 0, cancelled: false };
    const chunk = new TextEncoder().encode(' '.repeat(64 * 1024));
    const stream = new ReadableStream<Uint8Array>(
      {
        start(ctl) {
          ctl.enqueue(new TextEncoder().encode('['));
        },
        pull(ctl) {
          seen.bytes += chunk.byteLength;
          ctl.enqueue(chunk);
        },
        cancel() {
          seen.cancelled = true;
        },
      },
      { highWaterMark: 0 },
    );
    return { stream, seen };
  }

  it('an endless daily list is cancelled just past the cap and the walk stops with an error', async () => {
    const { stream, seen } = endless();
    const r = await fetchNewestDaily(hfFetch({ '2025-07-03': () => new Response(stream) }), '2025-07-03', NOW);
    expect(r).toMatchObject({
      kind: 'error',
      error: { code: 'hfTooLarge', params: { size: MAX_ANSWER_BYTES } },
      triedDates: ['2025-07-03'],
    });
    expect(seen.cancelled).toBe(true);
    expect(seen.bytes).toBeLessThan(MAX_ANSWER_BYTES + 256 * 1024);
  });

  it('a vote answer announcing more than the cap is refused before its body is read', async () => {
    const { stream, seen } = endless();
    const huge = () => new Response(stream, { headers: { 'content-length': String(200_000_000) } });
    const r = await fetchPaperVotes(hfFetch({ '/api/papers/2406.16793': huge }), '2406.16793', NOW);
    expect(r).toMatchObject({ kind: 'error', error: { code: 'hfTooLarge' } });
    expect(seen.bytes).toBe(0);
    expect(seen.cancelled).toBe(true);
  });
});

describe('isFresh', () => {
  it('is fresh within the TTL only, and never for a time in the future', () => {
    expect(isFresh(1000, 1500, 1000)).toBe(true);
    expect(isFresh(1000, 2000, 1000)).toBe(false);
    expect(isFresh(3000, 2000, 1000)).toBe(false);
  });
});
