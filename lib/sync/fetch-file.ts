/**
 * One HTTP GET of a source file, as text, with:
 * - conditional request headers from stored validators (If-None-Match / If-Modified-Since) → `not-modified`;
 * - a timeout covering headers AND body (AbortController), and an optional outer abort signal;
 * - per-file errors in plain words: 404, 429 (+ Retry-After), 5xx, other HTTP, timeout, network (offline),
 *   truncated body (stream broke off, or Content-Length mismatch when the body is not content-encoded),
 *   non-UTF-8 body (TextDecoder fatal). Never throws.
 */
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
  | 'aborted';

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
}

function fail(error: FetchErrorKind, message: string, extra: Partial<FetchFailure> = {}): FetchFailure {
  return { kind: 'error', error, status: null, retryAfterMs: null, message, bytes: 0, ...extra };
}

function seconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
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
      ? fail('timeout', `no complete answer within ${seconds(opts.timeoutMs)}`)
      : opts.signal?.aborted
        ? fail('aborted', 'sync was stopped')
        : null;

  try {
    const headers: Record<string, string> = {};
    if (opts.validators?.etag) headers['If-None-Match'] = opts.validators.etag;
    else if (opts.validators?.lastModified) headers['If-Modified-Since'] = opts.validators.lastModified;
    let res: Response;
    try {
      res = await fetchFn(url, { headers, signal: ctl.signal, cache: 'no-store', credentials: 'omit' });
    } catch {
      return why() ?? fail('network', 'could not connect to the server (offline?)');
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
      if (status === 404 || status === 410) return fail('not-found', `not found on the server (${status})`, { status });
      if (status === 429) {
        return fail('rate-limited', 'the server asked to slow down (429 Too Many Requests)', { status, retryAfterMs });
      }
      if (status >= 500) return fail('server', `server error (${status})`, { status, retryAfterMs });
      return fail('http', `unexpected answer from the server (HTTP ${status})`, { status });
    }

    const chunks: Uint8Array[] = [];
    let bytes = 0;
    if (res.body) {
      const reader = res.body.getReader();
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          chunks.push(value);
          bytes += value.byteLength;
        }
      } catch {
        const w = why();
        if (w) return { ...w, bytes };
        return fail('truncated', `the download broke off after ${bytes} bytes`, { bytes, status: res.status });
      }
    }
    const encoding = (res.headers.get('content-encoding') ?? 'identity').trim().toLowerCase();
    const lengthHeader = res.headers.get('content-length');
    if (lengthHeader !== null && encoding === 'identity' && /^\d+$/.test(lengthHeader.trim())) {
      const expected = Number(lengthHeader);
      if (expected !== bytes) {
        return fail('truncated', `the download is incomplete (${bytes} of ${expected} bytes)`, {
          bytes,
          status: res.status,
        });
      }
    }
    const body = new Uint8Array(bytes);
    let at = 0;
    for (const c of chunks) {
      body.set(c, at);
      at += c.byteLength;
    }
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(body);
    } catch {
      return fail('encoding', 'the file is not valid UTF-8 text', { bytes, status: res.status });
    }
    return { kind: 'ok', text, etag, lastModified, bytes };
  } finally {
    clearTimeout(timer);
    opts.signal?.removeEventListener('abort', onOuterAbort);
  }
}
