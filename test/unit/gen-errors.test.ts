/** The one mapping to GenError codes (lib/gen/errors.ts): statuses, error bodies, stream errors, fetch failures. */
import { describe, expect, it } from 'vitest';
import {
  bodyErrorInfo,
  cleanMessage,
  DEFAULT_TIMEOUTS,
  failureError,
  MAX_ERROR_MESSAGE,
  statusError,
  streamError,
} from '../../lib/gen/errors';
import { GenError } from '../../lib/gen/types';
import { errorBody } from '../support/model-server';

const NOW = Date.UTC(2026, 0, 1, 12, 0, 0);
const status = (s: number, body: unknown = {}, retryAfter: string | null = null) =>
  statusError(s, bodyErrorInfo(typeof body === 'string' ? body : JSON.stringify(body)), retryAfter, NOW);

describe('statusError', () => {
  it.each([
    [401, 'badKey'],
    [403, 'forbidden'],
    [408, 'timeout'],
    [429, 'rateLimited'],
    [500, 'server'],
    [502, 'server'],
    [503, 'server'],
    [529, 'server'],
    [400, 'badRequest'],
    [402, 'badRequest'],
    [413, 'badRequest'],
    [307, 'badRequest'],
    [0, 'badRequest'],
  ])('%i → %s', (s, code) => {
    expect(status(s).code).toBe(code);
  });

  it.each(['openai', 'anthropic'] as const)('a 404 naming the model is unknownModel (%s body)', (wire) => {
    expect(status(404, errorBody(wire, 404)).code).toBe('unknownModel');
  });

  it.each([
    ['Ollama', { error: 'model "llama9" not found, try pulling it first' }],
    ['vLLM', { object: 'error', message: 'The model `x` does not exist.', type: 'NotFoundError', code: 404 }],
    [
      'Gemini',
      [{ error: { code: 404, message: 'models/gemini-9 is not found for API version v1main', status: 'NOT_FOUND' } }],
    ],
  ])('a 404 naming the model is unknownModel (%s)', (_, body) => {
    expect(status(404, body).code).toBe('unknownModel');
  });

  it('a 404 without a word about the model is notFound (a base URL without /v1)', () => {
    expect(status(404, '404 page not found').code).toBe('notFound');
  });

  it('a 400 saying the model is not valid is unknownModel; other 400s are badRequest', () => {
    expect(status(400, { error: { message: 'nope is not a valid model ID', code: 400 } }).code).toBe('unknownModel');
    const unsupported = {
      error: {
        message:
          "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.",
      },
    };
    expect(status(400, unsupported).code).toBe('badRequest');
  });

  it('429 carries Retry-After in seconds or as an HTTP date', () => {
    expect(status(429, {}, '7').detail.retryAfterMs).toBe(7000);
    expect(status(429, {}, new Date(NOW + 90_000).toUTCString()).detail.retryAfterMs).toBe(90_000);
    expect(status(429, {}, 'soon').detail.retryAfterMs).toBeUndefined();
    expect(status(503, {}, '30').detail).toMatchObject({ status: 503, retryAfterMs: 30_000 });
  });
});

describe('error bodies are untrusted', () => {
  it('keeps only a message from a JSON error, as one plain line', () => {
    expect(status(500, { error: { message: 'Bad\n\n  thing\u0000 happened' } }).detail.message).toBe(
      'Bad thing happened',
    );
    expect(status(500, '<html><body><script>alert(1)</script>Error</body></html>').detail.message).toBeUndefined();
    expect(status(500, { error: { message: 42 } }).detail.message).toBeUndefined();
  });

  it(`caps the message at ${MAX_ERROR_MESSAGE} characters`, () => {
    const m = status(500, { error: { message: 'x'.repeat(100_000) } }).detail.message ?? '';
    expect(m.length).toBe(MAX_ERROR_MESSAGE);
  });

  it('blanks out the API key should a server echo it', () => {
    const info = bodyErrorInfo(
      JSON.stringify({ error: { message: 'Incorrect API key provided: sk-secret-123' } }),
      'sk-secret-123',
    );
    expect(info.message).toBe('Incorrect API key provided: ***');
    expect(cleanMessage('key sk-secret-123 is bad', 'sk-secret-123')).toBe('key *** is bad');
  });
});

describe('streamError: error events inside a 200 stream', () => {
  it.each([
    ['overloaded_error', 'server'],
    ['rate_limit_error', 'rateLimited'],
    ['authentication_error', 'badKey'],
    ['permission_error', 'forbidden'],
    ['api_error', 'server'],
    ['invalid_request_error', 'badRequest'],
    ['something_new', 'server'],
  ])('Anthropic %s → %s', (type, code) => {
    const e = streamError({ type: 'error', error: { type, message: 'Overloaded' } });
    expect(e.code).toBe(code);
    expect(e.detail.message).toBe('Overloaded');
  });

  it('OpenRouter-style `{error: {code}}` maps as its status', () => {
    expect(streamError({ error: { code: 429, message: 'slow down' } }).code).toBe('rateLimited');
    expect(streamError({ error: { code: 502, message: 'upstream' } }).code).toBe('server');
  });
});

describe('failureError', () => {
  const ctx = { cancelled: false, timedOut: null, timeouts: DEFAULT_TIMEOUTS, online: true } as const;
  it('the user cancelling wins over everything', () => {
    expect(failureError(new TypeError('x'), { ...ctx, cancelled: true, timedOut: 'stall' }).code).toBe('cancelled');
  });
  it('our own timers are timeouts that say which', () => {
    expect(
      failureError(new DOMException('aborted', 'AbortError'), { ...ctx, timedOut: 'firstByte' }).detail.message,
    ).toBe('no answer within 60 s');
    expect(failureError(new Error('x'), { ...ctx, timedOut: 'stall' }).detail.message).toBe(
      'the answer stopped for 30 s',
    );
  });
  it('a fetch TypeError is offline when the browser says so, else network', () => {
    expect(failureError(new TypeError('Failed to fetch'), { ...ctx, online: false }).code).toBe('offline');
    expect(failureError(new TypeError('Failed to fetch'), ctx).code).toBe('network');
  });
  it('a GenError thrown on the way is kept', () => {
    expect(failureError(new GenError('malformed'), ctx).code).toBe('malformed');
  });
});
