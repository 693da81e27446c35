/**
 * The provider registry (lib/gen/providers.ts) with an injected fetch: which provider a configuration gives, what
 * the fetch is asked (the configured URL only, no redirects followed, no cookies), and the default timeouts
 * (60 s to the first byte, 30 s between chunks) on fake timers, so nothing sleeps.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FIRST_BYTE_TIMEOUT_MS, STALL_TIMEOUT_MS } from '../../lib/gen/errors';
import { createProvider, type EndpointConfig } from '../../lib/gen/providers';
import { genError } from '../support/model-server';

const INPUT = { arxivId: '2401.00001', title: 'T', abstract: 'A' };
const CONFIGS: EndpointConfig[] = [
  { id: 'openai', baseUrl: 'https://api.example.com/v1', apiKey: 'k-1234', model: 'm' },
  { id: 'anthropic', apiKey: 'k-1234', model: 'm' },
];

afterEach(() => {
  vi.useRealTimers();
});

/** A fetch that answers only when its signal aborts (then rejects like a real fetch). */
const neverAnswers = (calls: [string, RequestInit | undefined][]) => (url: string, init?: RequestInit) => {
  calls.push([url, init]);
  return new Promise<Response>((_, reject) => {
    init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
  });
};

describe('createProvider', () => {
  it.each(CONFIGS)('gives the $id provider, which asks fetch for its configured URL only', async (config) => {
    const calls: [string, RequestInit | undefined][] = [];
    const fetch = vi.fn(async (url: string, init?: RequestInit) => {
      calls.push([url, init]);
      return new Response(JSON.stringify({ error: { message: 'nope' } }), { status: 401 });
    });
    const p = createProvider(config, { fetch, online: () => true });
    expect(p.id).toBe(config.id);
    expect((await genError(p.generate(INPUT))).code).toBe('badKey');
    expect(calls.map((c) => c[0])).toEqual([
      config.id === 'openai' ? 'https://api.example.com/v1/chat/completions' : 'https://api.anthropic.com/v1/messages',
    ]);
    expect(calls[0]?.[1]).toMatchObject({
      method: 'POST',
      redirect: 'manual',
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
    });
  });

  it.each(CONFIGS)(`$id: no first byte in ${FIRST_BYTE_TIMEOUT_MS / 1000} s is a timeout`, async (config) => {
    vi.useFakeTimers();
    const calls: [string, RequestInit | undefined][] = [];
    const run = genError(createProvider(config, { fetch: neverAnswers(calls), online: () => true }).generate(INPUT));
    await vi.advanceTimersByTimeAsync(FIRST_BYTE_TIMEOUT_MS - 1);
    expect(calls[0]?.[1]?.signal?.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect((await run).code).toBe('timeout');
  });

  it.each(CONFIGS)(`$id: no chunk for ${STALL_TIMEOUT_MS / 1000} s after the first is a timeout`, async (config) => {
    vi.useFakeTimers();
    let signal: AbortSignal | undefined;
    const fetch = async (_: string, init?: RequestInit) => {
      signal = init?.signal ?? undefined;
      const body = new ReadableStream<Uint8Array>({
        start(c) {
          c.enqueue(new TextEncoder().encode('data: {"choices":[]}\n\n'));
          signal?.addEventListener('abort', () => c.error(new DOMException('aborted', 'AbortError')));
        },
      });
      return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
    };
    const run = genError(createProvider(config, { fetch, online: () => true }).generate(INPUT));
    await vi.advanceTimersByTimeAsync(STALL_TIMEOUT_MS - 1);
    expect(signal?.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    const e = await run;
    expect(e.code).toBe('timeout');
    expect(e.detail.message).toBe('the answer stopped for 30 s');
  });

  it('reads Retry-After dates against the injected clock', async () => {
    const now = Date.UTC(2030, 0, 1);
    const fetch = async () =>
      new Response('{}', { status: 429, headers: { 'retry-after': new Date(now + 45_000).toUTCString() } });
    const p = createProvider(CONFIGS[0] as EndpointConfig, { fetch, online: () => true, now: () => now });
    expect((await genError(p.generate(INPUT))).detail.retryAfterMs).toBe(45_000);
  });
});
