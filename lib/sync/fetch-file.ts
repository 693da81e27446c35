/**
 * One HTTP GET of a source file, as text, with:
 * - conditional request headers from stored validators (If-None-Match / If-Modified-Since) → `not-modified`;
 * - a timeout covering headers AND body (AbortController), and an optional outer abort signal;
 * - a body size cap applied while reading (./read-capped): Content-Length over the cap refuses at once, a streamed
 *   body is cancelled as soon as it passes the cap;
 * - redirects refused (`redirect: 'manual'`): conditional headers never reach another host, and a browser cannot
 *   tell where an opaque redirect leads, so every redirect is an error for that file (see `isRedirect`);
 * - per-file errors as a kind and a code (lib/errors.ts): 404, 429 (+ Retry-After), 5xx, other HTTP, redirect, too
 *   large, timeout, network (offline), truncated body (stream broke off, or Content-Length mismatch when the body is
 *   not content-encoded), non-UTF-8 body (TextDecoder fatal). Never throws.
 */
import { type AppError, appError } from '../errors';
import { plainContentLength, readCapped } from './read-capped';
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
  /** What went wrong, as the UI words it (stored as the file's `lastError`). */
  problem: AppError;
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

function fail(error: FetchErrorKind, problem: AppError, extra: Partial<FetchFailure> = {}): FetchFailure {
  return { kind: 'error', error, status: null, retryAfterMs: null, problem, bytes: 0, ...extra };
}

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
    timedOut
      ? fail('timeout', appError('fetchTimeout', { seconds: Math.round(opts.timeoutMs / 100) / 10 }))
      : opts.signal?.aborted
        ? fail('aborted', appError('syncStopped'))
        : null;

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
      return why() ?? fail('network', appError('syncOffline'));
    }
    if (isRedirect(res, url)) {
      void res.body?.cancel().catch(() => {});
      return fail('redirect', appError('fetchRedirect'), { status: res.status || null });
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
      if (status === 404 || status === 410) return fail('not-found', appError('fetchNotFound', { status }), { status });
      if (status === 429) return fail('rate-limited', appError('fetchRateLimited'), { status, retryAfterMs });
      if (status >= 500) return fail('server', appError('fetchServer', { status }), { status, retryAfterMs });
      return fail('http', appError('fetchHttp', { status }), { status });
    }

    const read = await readCapped(res, opts.maxBytes);
    const status = res.status;
    if (read.kind === 'too-large') {
      return fail('too-large', appError('fetchTooLarge', { size: opts.maxBytes }), { bytes: read.bytes, status });
    }
    if (read.kind === 'broken') {
      const w = why();
      if (w) return { ...w, bytes: read.bytes };
      return fail('truncated', appError('fetchBrokeOff', { bytes: read.bytes }), { bytes: read.bytes, status });
    }
    const bytes = read.body.byteLength;
    const expected = plainContentLength(res.headers);
    if (expected !== null && expected !== bytes) {
      return fail('truncated', appError('fetchIncomplete', { bytes, expected }), { bytes, status });
    }
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(read.body);
    } catch {
      return fail('encoding', appError('fetchEncoding'), { bytes, status });
    }
    return { kind: 'ok', text, etag, lastModified, bytes };
  } finally {
    clearTimeout(timer);
    opts.signal?.removeEventListener('abort', onOuterAbort);
  }
}
