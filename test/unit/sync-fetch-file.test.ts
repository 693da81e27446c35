/**
 * fetchText against a real loopback HTTP server: conditional requests and every per-file failure, the body cap
 * (200 MB bodies streamed without being allocated) and redirects (to a second server: another origin).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { englishError } from '../../lib/error-english';
import { type FetchLike, type FetchResult, fetchText } from '../../lib/sync/fetch-file';
import { MAX_DAY_FILE_BYTES } from '../../lib/sync/source';
import { type CorpusServer, dayFile, miniDays, startCorpusServer, writeMiniTree } from '../support/corpus-server';

let dir: string;
let server: CorpusServer;
/** Another origin (another port) serving the same tree. */
let other: CorpusServer;
const days = miniDays(3, 4);
const path = dayFile(days[2]?.date as string);
const url = () => `${server.baseUrl}${path}`;
const get = (u: string, opts: Partial<Parameters<typeof fetchText>[2]> = {}) =>
  fetchText((i, init) => fetch(i, init), u, { timeoutMs: 5000, now: Date.now, maxBytes: MAX_DAY_FILE_BYTES, ...opts });
const fakeOpts = { timeoutMs: 1000, now: Date.now, maxBytes: MAX_DAY_FILE_BYTES };
const HUGE = 200_000_000;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fetch-file-'));
  writeMiniTree(dir, days);
  server = await startCorpusServer(dir);
  other = await startCorpusServer(dir);
});
afterAll(async () => {
  await server.close();
  await other.close();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  server.clearFaults();
  server.goOnline();
  server.resetCounts();
  other.resetCounts();
});

function expectError(r: FetchResult, kind: string): asserts r is Extract<FetchResult, { kind: 'error' }> {
  expect(r.kind).toBe('error');
  if (r.kind === 'error') expect(r.error).toBe(kind);
}

describe('fetchText', () => {
  it('downloads the file as text with its validators', async () => {
    const r = await get(url());
    const file = readFileSync(join(dir, path));
    expect(r).toMatchObject({ kind: 'ok', text: file.toString('utf8'), bytes: file.length });
    if (r.kind !== 'ok') return;
    expect(r.etag).toMatch(/^"[0-9a-f]{40}"$/);
    expect(r.lastModified).not.toBeNull();
  });

  it('an unchanged file answers 304 and no body is downloaded (ETag, then Last-Modified)', async () => {
    const first = await get(url());
    if (first.kind !== 'ok') throw new Error('first fetch failed');
    server.resetCounts();
    expect(await get(url(), { validators: { etag: first.etag, lastModified: null } })).toMatchObject({
      kind: 'not-modified',
      etag: first.etag,
    });
    expect(await get(url(), { validators: { etag: null, lastModified: first.lastModified } })).toMatchObject({
      kind: 'not-modified',
    });
    expect(server.stats(path)).toEqual({ requests: 2, ok: 0, notModified: 2, bytes: 0 });
  });

  it('a changed file is downloaded again despite old validators', async () => {
    const first = await get(url());
    if (first.kind !== 'ok') throw new Error('first fetch failed');
    server.override(path, `${first.text}\n## Daily Papers (x)\n`);
    const r = await get(url(), { validators: { etag: first.etag, lastModified: null } });
    expect(r.kind).toBe('ok');
    expect(r.kind === 'ok' && r.etag !== first.etag && r.text.endsWith('(x)\n')).toBe(true);
    server.override(path, null);
  });

  it('404 → not-found', async () => {
    const r = await get(`${server.baseUrl}paper_logs/2030/01/01.md`);
    expectError(r, 'not-found');
    expect(r.problem).toEqual({ code: 'fetchNotFound', params: { status: 404 } });
  });

  it('429 with Retry-After in seconds or as an HTTP date → rate-limited with the delay', async () => {
    server.fault(path, { kind: 'status', status: 429, retryAfter: '120' }, { once: true });
    const r = await get(url());
    expectError(r, 'rate-limited');
    expect(r.retryAfterMs).toBe(120_000);
    const now = Date.parse('2025-05-10T12:00:00Z');
    server.fault(path, { kind: 'status', status: 429, retryAfter: 'Sat, 10 May 2025 12:10:00 GMT' }, { once: true });
    const r2 = await get(url(), { now: () => now });
    expectError(r2, 'rate-limited');
    expect(r2.retryAfterMs).toBe(600_000);
    // once: the next request is served normally
    expect((await get(url())).kind).toBe('ok');
  });

  it.each([500, 503])('%i → server error', async (status) => {
    server.fault(path, { kind: 'status', status }, { once: true });
    const r = await get(url());
    expectError(r, 'server');
    expect(r.status).toBe(status);
    expect(r.problem).toEqual({ code: 'fetchServer', params: { status } });
  });

  it('403 → other HTTP error', async () => {
    server.fault(path, { kind: 'status', status: 403 }, { once: true });
    expectError(await get(url()), 'http');
  });

  it('a server that never answers → timeout (its timer on a fake clock, not 300 real milliseconds)', async () => {
    server.fault(path, { kind: 'hang' }, { once: true });
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      let asked = () => {};
      const reached = new Promise<void>((r) => {
        asked = r;
      });
      const pending = fetchText(
        (i, init) => {
          asked();
          return fetch(i, init);
        },
        url(),
        { ...fakeOpts, timeoutMs: 300 },
      );
      let answered = false;
      void pending.then(() => {
        answered = true;
      });
      await reached;
      await vi.advanceTimersByTimeAsync(299);
      expect(answered).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expectError(await pending, 'timeout');
    } finally {
      vi.useRealTimers();
    }
  });

  it('a body cut off half-way → truncated', async () => {
    server.fault(path, { kind: 'truncate' }, { once: true });
    expectError(await get(url()), 'truncated');
  });

  it('a body that is not UTF-8 → encoding', async () => {
    // "café" in Latin-1: the é is a lone 0xE9 byte.
    server.fault(path, { kind: 'body', body: new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x0a]) }, { once: true });
    const r = await get(url());
    expectError(r, 'encoding');
    expect(englishError(r.problem)).toContain('UTF-8');
  });

  it('offline → network error', async () => {
    server.goOffline();
    expectError(await get(url()), 'network');
  });

  it('an outer abort → aborted', async () => {
    server.fault(path, { kind: 'hang' }, { once: true });
    const ctl = new AbortController();
    const abortOnceAsked: FetchLike = (i, init) => {
      const answer = fetch(i, init);
      ctl.abort();
      return answer;
    };
    expectError(await fetchText(abortOnceAsked, url(), { ...fakeOpts, signal: ctl.signal }), 'aborted');
  });

  it('Content-Length larger than the body → truncated (unless the body is content-encoded)', async () => {
    const fake = (headers: Record<string, string>) => async () =>
      new Response('short body', { status: 200, headers: { 'content-length': '999', ...headers } });
    expectError(await fetchText(fake({}), 'https://x/', fakeOpts), 'truncated');
    const gz = await fetchText(fake({ 'content-encoding': 'gzip' }), 'https://x/', fakeOpts);
    expect(gz).toMatchObject({ kind: 'ok', text: 'short body' });
  });
});

describe('the body cap', () => {
  // A path of their own: a request of an earlier test that reaches the loaded server late cannot take their fault.
  const capPath = dayFile(days[1]?.date as string);
  const capUrl = () => `${server.baseUrl}${capPath}`;
  it('a 200 MB streamed body stops downloading just past the cap; nothing of it is returned', async () => {
    server.fault(capPath, { kind: 'huge', bytes: HUGE, contentLength: false }, { once: true });
    const r = await get(capUrl());
    expectError(r, 'too-large');
    expect(r.problem).toEqual({ code: 'fetchTooLarge', params: { size: MAX_DAY_FILE_BYTES } });
    expect(englishError(r.problem)).toContain('2 MiB');
    expect(r.bytes).toBeGreaterThan(MAX_DAY_FILE_BYTES);
    expect(r.bytes).toBeLessThan(MAX_DAY_FILE_BYTES + (1 << 20));
    // The server saw the client go away: it sent a small part of the 200 MB (socket buffers included).
    const end = await server.streamed(capPath);
    expect(end.complete).toBe(false);
    expect(end.sent).toBeLessThan(HUGE / 10);
  });

  it('a Content-Length over the cap is refused before any of the body is read', async () => {
    server.fault(capPath, { kind: 'huge', bytes: HUGE, contentLength: true }, { once: true });
    const r = await get(capUrl());
    expectError(r, 'too-large');
    expect(r.bytes).toBe(0);
    const end = await server.streamed(capPath);
    expect(end.complete).toBe(false);
    expect(end.sent).toBeLessThan(HUGE / 10);
  });

  it('a body at the cap is read whole; one byte more is refused (the cap is per call)', async () => {
    const exact = await get(capUrl());
    if (exact.kind !== 'ok') throw new Error('fetch failed');
    expect((await get(capUrl(), { maxBytes: exact.bytes })).kind).toBe('ok');
    expectError(await get(capUrl(), { maxBytes: exact.bytes - 1 }), 'too-large');
  });
});

describe('redirects are refused', () => {
  const elsewhere = () => `${other.baseUrl}${path}`;

  it.each([301, 302, 303, 307, 308] as const)('%i to another origin: not followed, nothing sent there', async (st) => {
    server.fault(path, { kind: 'redirect', status: st, location: elsewhere() }, { once: true });
    const r = await get(url());
    expectError(r, 'redirect');
    expect(r.problem).toEqual({ code: 'fetchRedirect', params: {} });
    expect(other.total().requests).toBe(0);
  });

  it('a conditional request redirected elsewhere: the stored ETag never reaches the other host', async () => {
    const first = await get(url());
    if (first.kind !== 'ok') throw new Error('first fetch failed');
    server.fault(path, { kind: 'redirect', status: 302, location: elsewhere() }, { once: true });
    expectError(await get(url(), { validators: { etag: first.etag, lastModified: null } }), 'redirect');
    expect(other.total().requests).toBe(0);
  });

  it('a redirect within the origin is refused too (a browser cannot see where a redirect leads)', async () => {
    server.fault(path, { kind: 'redirect', status: 302, location: `/${dayFile(days[0]?.date as string)}` });
    expectError(await get(url()), 'redirect');
    expect(server.total().requests).toBe(1);
  });

  it('asks fetch not to follow, and refuses what a browser gives for a redirect or a fetch that followed', async () => {
    const inits: (RequestInit | undefined)[] = [];
    const answer =
      (make: () => Response): FetchLike =>
      async (_u, init) => {
        inits.push(init);
        return make();
      };
    // A browser's manual redirect: type "opaqueredirect", status 0, no headers.
    const opaque = () =>
      Object.defineProperty(new Response(null, { status: 200 }), 'type', { value: 'opaqueredirect' });
    const followed = () => Object.defineProperty(new Response('x', { status: 200 }), 'redirected', { value: true });
    const moved = () =>
      Object.defineProperty(new Response('x', { status: 200 }), 'url', { value: 'https://evil.test/' });
    for (const make of [opaque, followed, moved]) {
      expectError(await fetchText(answer(make), 'https://x.test/a.md', fakeOpts), 'redirect');
    }
    expect(inits.every((i) => i?.redirect === 'manual' && i.credentials === 'omit')).toBe(true);
    const same = () =>
      Object.defineProperty(new Response('x', { status: 200 }), 'url', { value: 'https://x.test/a.md' });
    expect((await fetchText(answer(same), 'https://x.test/a.md', fakeOpts)).kind).toBe('ok');
  });
});
