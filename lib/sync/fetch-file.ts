/**
 * One HTTP GET of a source file, as text, with:
 * - conditional request headers from stored validators (If-None-Match / If-Modified-Since) → `not-modified`;
 * - a timeout covering headers AND body (AbortController), and an optional outer abort signal;
 * - a body size cap applied while reading (./read-capped): Content-Length over the cap refuses at once, a streamed
 *   body is cancelled as soon as it passes the cap;
 * - redirects refused (`redirect: 'manual'`): conditional headers never reach another host, and a browser cannot
 *   tell where an opaque redirect leads, so every redirect is an error for that file (see `isRedirect`);
 * - per-file errors in plain words: 404, 429 (+ Retry-After), 5xx, other HTTP, redirect, too large, timeout,
 *   network (offline), truncated body (stream broke off, or Content-Length mismatch when the body is not
 *   content-encoded), non-UTF-8 body (TextDecoder fatal). Never throws.
 */
import { capText, plainContentLength, readCapped } from './read-capped';
import { parseRetryAfter } from './retry';

/** `fetch` as the sync and the Hugging Face code call it (injected, so tests can answer without a network). */
export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface Validators {
  etag: string | null;
  lastModified: string | null;
}

export type FetchErrorKind =
  | 'not-found'
  | 'rate-limited'
  | 'server'
  | 'http'
  | 'timeout'
  | 'network'
  | 'truncated'
  | 'encoding'
  | 'aborted'
  | 'redirect'
  | 'too-large';

export interface FetchFailure {
  kind: 'error';
  error: FetchErrorKind;
  status: number | null;
  /** From Retry-After on 429/503, in ms from now. */
  retryAfterMs: number | null;
  message: string;
  /** Body bytes received before failing. */
  bytes: number;
}

export type FetchResult =
  | { kind: 'ok'; text: string; etag: string | null; lastModified: string | null; bytes: number }
  | { kind: 'not-modified'; etag: string | null; lastModified: string | null }
  | FetchFailure;

export interface FetchOptions {
  validators?: Validators | null;
  timeoutMs: number;
  signal?: AbortSignal;
  now: () => number;
  /** Body size cap: a larger body is an error and is not read past the cap (./read-capped). */
  maxBytes: number;
}

function fail(error: FetchErrorKind, message: string, extra: Partial<FetchFailure> = {}): FetchFailure {
  return { kind: 'error', error, status: null, retryAfterMs: null, message, bytes: 0, ...extra };
}

function seconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
}

/** Every message this module gives, in one place (stored as `lastError`; a later step turns them into codes). */
export const FETCH_MESSAGES = {
  timeout: (ms: number) => `no complete answer within ${seconds(ms)}`,
  aborted: () => 'sync was stopped',
  network: () => 'could not connect to the server (offline?)',
  notFound: (status: number) => `not found on the server (${status})`,
  rateLimited: () => 'the server asked to slow down (429 Too Many Requests)',
  server: (status: number) => `server error (${status})`,
  http: (status: number) => `unexpected answer from the server (HTTP ${status})`,
  redirect: () => 'the server answered with a redirect, which is not followed; use the final address as the source URL',
  tooLarge: (maxBytes: number) => `the file is larger than ${capText(maxBytes)}; nothing of it was stored`,
  brokeOff: (bytes: number) => `the download broke off after ${bytes} bytes`,
  incomplete: (bytes: number, expected: number) => `the download is incomplete (${bytes} of ${expected} bytes)`,
  encoding: () => 'the file is not valid UTF-8 text',
} as const;
const M = FETCH_MESSAGES;

/**
 * A redirect answer. With `redirect: 'manual'` a browser gives an opaque redirect (type `opaqueredirect`, status 0,
 * no Location: where it leads cannot be known), Node's fetch the 3xx itself; a fetch that followed anyway shows
 * `redirected` or another URL. All are refused: nothing was sent to another host, and nothing of it is stored.
 */
function isRedirect(res: Response, url: string): boolean {
  if (res.type === 'opaqueredirect' || res.redirected) return true;
  if (res.status >= 300 && res.status < 400 && res.status !== 304) return true;
  return res.url !== '' && originOf(res.url) !== originOf(url);
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

export async function fetchText(fetchFn: FetchLike, url: string, opts: FetchOptions): Promise<FetchResult> {
  const ctl = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    ctl.abort();
  }, opts.timeoutMs);
  const onOuterAbort = () => ctl.abort();
  if (opts.signal?.aborted) ctl.abort();
  opts.signal?.addEventListener('abort', onOuterAbort, { once: true });
  const why = (): FetchFailure | null =>
    timedOut ? fail('timeout', M.timeout(opts.timeoutMs)) : opts.signal?.aborted ? fail('aborted', M.aborted()) : null;

  try {
    const headers: Record<string, string> = {};
    if (opts.validators?.etag) headers['If-None-Match'] = opts.validators.etag;
    else if (opts.validators?.lastModified) headers['If-Modified-Since'] = opts.validators.lastModified;
    let res: Response;
    try {
      res = await fetchFn(url, {
        headers,
        signal: ctl.signal,
        cache: 'no-store',
        credentials: 'omit',
        redirect: 'manual',
      });
    } catch {
      return why() ?? fail('network', M.network());
    }
    if (isRedirect(res, url)) {
      void res.body?.cancel().catch(() => {});
      return fail('redirect', M.redirect(), { status: res.status || null });
    }
    const etag = res.headers.get('etag');
    const lastModified = res.headers.get('last-modified');
    if (res.status === 304) {
      void res.body?.cancel().catch(() => {});
      return { kind: 'not-modified', etag: etag ?? opts.validators?.etag ?? null, lastModified };
    }
    if (!res.ok) {
      void res.body?.cancel().catch(() => {});
      const status = res.status;
      const retryAfterMs = parseRetryAfter(res.headers.get('retry-after'), opts.now());
      if (status === 404 || status === 410) return fail('not-found', M.notFound(status), { status });
      if (status === 429) return fail('rate-limited', M.rateLimited(), { status, retryAfterMs });
      if (status >= 500) return fail('server', M.server(status), { status, retryAfterMs });
      return fail('http', M.http(status), { status });
    }

    const read = await readCapped(res, opts.maxBytes);
    const status = res.status;
    if (read.kind === 'too-large') return fail('too-large', M.tooLarge(opts.maxBytes), { bytes: read.bytes, status });
    if (read.kind === 'broken') {
      const w = why();
      if (w) return { ...w, bytes: read.bytes };
      return fail('truncated', M.brokeOff(read.bytes), { bytes: read.bytes, status });
    }
    const bytes = read.body.byteLength;
    const expected = plainContentLength(res.headers);
    if (expected !== null && expected !== bytes) {
      return fail('truncated', M.incomplete(bytes, expected), { bytes, status });
    }
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(read.body);
    } catch {
      return fail('encoding', M.encoding(), { bytes, status });
    }
    return { kind: 'ok', text, etag, lastModified, bytes };
  } finally {
    clearTimeout(timer);
    opts.signal?.removeEventListener('abort', onOuterAbort);
  }
}
