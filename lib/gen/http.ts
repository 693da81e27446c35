/**
 * One POST of JSON to a model endpoint, its answer streamed as text to a sink: the injected `fetch`, the user's
 * cancel, our own timeouts (first byte, then stalls between chunks), a cap on the body, redirects never followed
 * (the key goes to the configured endpoint only), no cookies, no referrer. Every failure becomes a GenError
 * (lib/gen/errors.ts); on any failure the connection is closed, so the endpoint stops generating.
 */
import type { FetchLike } from '../sync/fetch-file';
import { bodyErrorInfo, failureError, type GenTimeouts, MAX_ERROR_BODY, statusError } from './errors';
import { GenError } from './types';

/** What providers are given: `fetch`, whether the browser thinks it is online, timeouts, the clock. */
export interface Transport {
  fetch: FetchLike;
  online(): boolean;
  timeouts: GenTimeouts;
  now(): number;
}

/** Most characters of an answer body read (SSE framing, JSON and any thinking included; the answer text has its own cap). */
export const MAX_BODY_CHARS = 8 * 1024 * 1024;

export interface PostRequest {
  url: string;
  headers: Record<string, string>;
  body: unknown;
  signal?: AbortSignal;
  /** The API key, blanked out of any error message. */
  secret?: string | null;
}

/** Receives the answer body as decoded text, chunk by chunk; throws a GenError to stop. */
export interface BodySink {
  write(text: string): void;
  end(): void;
}

/** The key as a header can carry it (trimmed; '' → none); `badKey` for characters no HTTP header can carry. */
export function headerKey(apiKey: string | null | undefined): string | null {
  const key = (apiKey ?? '').trim();
  if (key === '') return null;
  if (!/^[\x21-\x7e]+$/.test(key)) {
    throw new GenError('badKey', { message: 'the key has characters an API key cannot have (spaces or non-ASCII)' });
  }
  return key;
}

/** Reads `res`'s body as text into `onText` (at most `max` characters; returns false when it stopped there). */
async function pump(res: Response, max: number, onChunk: () => void, onText: (text: string) => void): Promise<boolean> {
  if (!res.body) {
    const text = await res.text();
    onChunk();
    if (text.length > max) return false;
    if (text) onText(text);
    return true;
  }
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let chars = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    onChunk();
    const text = decoder.decode(value, { stream: true });
    chars += text.length;
    if (chars > max) {
      void reader.cancel().catch(() => {});
      return false;
    }
    if (text) onText(text);
  }
  const tail = decoder.decode();
  if (tail) onText(tail);
  return true;
}

/** POSTs `req.body` as JSON; `open` picks the sink for the answer from its Content-Type. */
export async function postJson(t: Transport, req: PostRequest, open: (contentType: string) => BodySink): Promise<void> {
  const user = req.signal;
  if (user?.aborted) throw new GenError('cancelled');
  const ctl = new AbortController();
  let timedOut: 'firstByte' | 'stall' | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const arm = (which: 'firstByte' | 'stall', ms: number) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timedOut = which;
      ctl.abort();
    }, ms);
  };
  const onChunk = () => arm('stall', t.timeouts.stallMs);
  const onUserAbort = () => ctl.abort();
  user?.addEventListener('abort', onUserAbort, { once: true });
  const fail = (err: unknown) =>
    failureError(err, { cancelled: user?.aborted ?? false, timedOut, timeouts: t.timeouts, online: t.online() });
  arm('firstByte', t.timeouts.firstByteMs);
  let done = false;
  try {
    let res: Response;
    try {
      res = await t.fetch(req.url, {
        method: 'POST',
        headers: req.headers,
        body: JSON.stringify(req.body),
        signal: ctl.signal,
        redirect: 'manual',
        credentials: 'omit',
        cache: 'no-store',
        referrerPolicy: 'no-referrer',
      });
    } catch (e) {
      throw fail(e);
    }
    if (res.status < 200 || res.status > 299) {
      let body = '';
      try {
        await pump(res, MAX_ERROR_BODY, onChunk, (s) => {
          body += s;
        });
      } catch (e) {
        if (user?.aborted || timedOut) throw fail(e);
      }
      throw statusError(res.status, bodyErrorInfo(body, req.secret), res.headers.get('retry-after'), t.now());
    }
    const sink = open(res.headers.get('content-type') ?? '');
    let complete: boolean;
    /** What the sink threw (a GenError about the answer, or the caller's own error from onPartial), kept as it is. */
    let sinkError: { error: unknown } | null = null;
    try {
      complete = await pump(res, MAX_BODY_CHARS, onChunk, (s) => {
        try {
          sink.write(s);
        } catch (error) {
          sinkError = { error };
          throw error;
        }
      });
    } catch (e) {
      if (sinkError && !user?.aborted) throw (sinkError as { error: unknown }).error;
      throw fail(e);
    }
    if (!complete)
      throw new GenError('malformed', { message: `the answer is longer than ${MAX_BODY_CHARS} characters` });
    sink.end();
    done = true;
  } finally {
    clearTimeout(timer);
    user?.removeEventListener('abort', onUserAbort);
    if (!done) ctl.abort();
  }
}
