/**
 * The one mapping from what can go wrong on the way to an endpoint to GenError codes: HTTP statuses (and the error
 * bodies that come with them), error events inside a stream, fetch failures, the user's cancel and our own timeouts.
 * Error bodies are untrusted: only a message string found in a JSON error is kept, as one plain line, capped, with
 * the API key blanked out should a server echo it. Pure.
 */
import { parseRetryAfter } from '../sync/retry';
import { plainLine } from './text';
import { GenError } from './types';

/** No byte of the answer within this long after the request → timeout (a cold local model may load that long). */
export const FIRST_BYTE_TIMEOUT_MS = 60_000;
/** No chunk for this long once the answer started → timeout. */
export const STALL_TIMEOUT_MS = 30_000;

export interface GenTimeouts {
  firstByteMs: number;
  stallMs: number;
}

export const DEFAULT_TIMEOUTS: GenTimeouts = { firstByteMs: FIRST_BYTE_TIMEOUT_MS, stallMs: STALL_TIMEOUT_MS };

/** Longest message kept from an error body. */
export const MAX_ERROR_MESSAGE = 200;
/** Most characters of an error body read (the rest is not downloaded). */
export const MAX_ERROR_BODY = 16 * 1024;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** What an error body (or an error event) says, as far as it is readable. */
export interface ErrorInfo {
  message?: string;
  /** `code` or `type` of the error object (`model_not_found`, `not_found_error`, `rate_limit_error` …). */
  kind?: string;
}

/** A plain, capped message with `secret` (the API key) blanked out; undefined when nothing is left. */
export function cleanMessage(raw: unknown, secret?: string | null): string | undefined {
  if (typeof raw !== 'string') return undefined;
  let s = raw.length > MAX_ERROR_BODY ? raw.slice(0, MAX_ERROR_BODY) : raw;
  if (secret && secret.length >= 4) s = s.split(secret).join('***');
  return plainLine(s, MAX_ERROR_MESSAGE) || undefined;
}

/**
 * The error of a parsed JSON body or event: OpenAI `{error: {message, type, code}}`, Anthropic
 * `{type: 'error', error: {type, message}}`, Ollama `{error: '…'}`, vLLM `{message, type}`, Gemini `[{error: {…}}]`.
 */
export function errorInfo(json: unknown, secret?: string | null): ErrorInfo {
  const root = Array.isArray(json) ? json[0] : json;
  if (!isObj(root)) return {};
  const e = root.error;
  const o = isObj(e) ? e : root;
  const message = cleanMessage(typeof e === 'string' ? e : o.message, secret);
  const kindRaw = typeof o.code === 'string' ? o.code : typeof o.type === 'string' ? o.type : undefined;
  const kind = kindRaw === undefined ? undefined : plainLine(kindRaw, 60);
  return { ...(message ? { message } : {}), ...(kind && kind !== 'error' ? { kind } : {}) };
}

/** ErrorInfo of an error body's text (JSON only; anything else, an HTML page for one, is not kept). */
export function bodyErrorInfo(body: string, secret?: string | null): ErrorInfo {
  try {
    return errorInfo(JSON.parse(body), secret);
  } catch {
    return {};
  }
}

const NOT_FOUND_RE =
  /not[ _-]?found|does ?n[o']t exist|no such|unknown|invalid|not a valid|not available|unsupported model/i;

function namesModel(info: ErrorInfo): boolean {
  return /model/i.test(info.message ?? '') || /model/i.test(info.kind ?? '');
}

function detail(info: ErrorInfo, status?: number, retryAfterMs?: number | null) {
  return {
    ...(status !== undefined ? { status } : {}),
    ...(retryAfterMs != null ? { retryAfterMs } : {}),
    ...(info.message ? { message: info.message } : {}),
  };
}

/** The error of an HTTP answer that is not 2xx (a redirect is one too: it is never followed). */
export function statusError(status: number, info: ErrorInfo, retryAfter: string | null, now: number): GenError {
  const d = detail(info, status);
  if (status === 401) return new GenError('badKey', d);
  if (status === 403) return new GenError('forbidden', d);
  if (status === 404) return new GenError(namesModel(info) ? 'unknownModel' : 'notFound', d);
  if (status === 408) return new GenError('timeout', d);
  if (status === 429 || status >= 500) {
    const retryAfterMs = parseRetryAfter(retryAfter, now);
    return new GenError(status === 429 ? 'rateLimited' : 'server', detail(info, status, retryAfterMs));
  }
  if (status >= 400 && namesModel(info) && NOT_FOUND_RE.test(`${info.message ?? ''} ${info.kind ?? ''}`)) {
    return new GenError('unknownModel', d);
  }
  if (status >= 400) return new GenError('badRequest', d);
  return new GenError('badRequest', {
    status,
    message: 'the endpoint answered with a redirect, which is not followed: use the address it redirects to',
  });
}

const ANTHROPIC_STATUS: Readonly<Record<string, number>> = {
  authentication_error: 401,
  permission_error: 403,
  not_found_error: 404,
  rate_limit_error: 429,
  request_too_large: 413,
  invalid_request_error: 400,
  api_error: 500,
  overloaded_error: 529,
};

/**
 * The error of an error event inside a 200 stream (Anthropic's `event: error`, OpenRouter's `{error: {code}}`):
 * mapped as the HTTP status it stands for; anything unknown is a server error.
 */
export function streamError(json: unknown, secret?: string | null): GenError {
  const info = errorInfo(json, secret);
  const root = Array.isArray(json) ? json[0] : json;
  const e = isObj(root) && isObj(root.error) ? root.error : null;
  const code = e && typeof e.code === 'number' && e.code >= 400 && e.code <= 599 ? e.code : undefined;
  const status = code ?? (info.kind ? ANTHROPIC_STATUS[info.kind] : undefined) ?? 500;
  const err = statusError(status, info, null, 0);
  return new GenError(err.code, { ...(info.message ? { message: info.message } : {}) });
}

/** Why a request or a body read ended without an answer. */
export interface FailureContext {
  /** The user's signal aborted. */
  cancelled: boolean;
  /** Our own timer aborted: which one. */
  timedOut: 'firstByte' | 'stall' | null;
  timeouts: GenTimeouts;
  /** `navigator.onLine` (or the test's stand-in). */
  online: boolean;
}

const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;

/** The error of a failed fetch or body read (a GenError thrown on the way is kept as it is). */
export function failureError(err: unknown, ctx: FailureContext): GenError {
  if (ctx.cancelled) return new GenError('cancelled');
  if (ctx.timedOut === 'firstByte') {
    return new GenError('timeout', { message: `no answer within ${seconds(ctx.timeouts.firstByteMs)}` });
  }
  if (ctx.timedOut === 'stall') {
    return new GenError('timeout', {
      message: `the answer stopped for ${seconds(ctx.timeouts.stallMs)}`,
    });
  }
  if (err instanceof GenError) return err;
  if (!ctx.online) return new GenError('offline');
  return new GenError('network', { message: 'could not reach the endpoint' });
}
