/**
 * A loopback model endpoint (node:http on 127.0.0.1, a random port) speaking both wire formats:
 * - OpenAI-compatible `POST /v1/chat/completions` (base URL `openaiBaseUrl` = `<origin>/v1`): SSE chunks with
 *   `delta.content`, a finish chunk, a usage chunk when `stream_options.include_usage`, `data: [DONE]`; or one plain
 *   `chat.completion` JSON when the request does not stream (or the behaviour says `stream: false`);
 * - Anthropic `POST /v1/messages` (base URL `anthropicBaseUrl` = `<origin>`): `message_start`,
 *   `content_block_delta` text deltas, `message_delta` with the stop reason and usage, `message_stop`; or a plain
 *   `message` JSON.
 * Any other path answers 404 with a plain-text body (like Ollama for a base URL without `/v1`).
 *
 * What it answers is scripted per request (`enqueue`, else the default): an answer (chunking, a delay before the
 * first chunk and between chunks, a gate promise to release it, stalling after n chunks), an error status with the
 * wire format's error body and headers (Retry-After), a hang (no headers ever), raw bytes, a redirect.
 * Every request is recorded (method, path, headers, JSON body, times of arrival / first body byte / end, and whether
 * the client closed the connection before the answer ended) so tests assert what was sent and that cancelling
 * closes the connection. Answers carry CORS headers (and preflights are answered) for browser tests; preflights are
 * counted apart. Times are epoch milliseconds with fractions (`performance.timeOrigin + performance.now()`), so a
 * bench in another process can line them up with the page's clock.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { GenError } from '../../lib/gen/types';

export type Wire = 'openai' | 'anthropic';

/** The GenError `p` rejects with (anything else, or no rejection, fails the test). */
export async function genError(p: Promise<unknown>): Promise<GenError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof GenError) return e;
    throw e;
  }
  throw new Error('expected a GenError, got none');
}

export type Behavior =
  | {
      kind: 'answer';
      text: string;
      /** Override the request's `stream` flag (false: a plain JSON answer even when streaming was asked for). */
      stream?: boolean;
      /** Content pieces, one event each (default: the text cut into `chunkChars` code points). */
      chunks?: string[];
      chunkChars?: number;
      /** Wait before the first body byte (headers go out at once) and between chunks. */
      firstDelayMs?: number;
      delayMs?: number;
      /** Awaited after the headers, before the first chunk (a bench controls the first byte with it). */
      gate?: Promise<void>;
      /** Send this many content chunks, then nothing more, connection left open. */
      stallAfterChunks?: number;
      model?: string;
      usage?: { input: number; output: number } | null;
      /** finish_reason / stop_reason (default `stop` / `end_turn`). */
      finish?: string;
    }
  | { kind: 'status'; status: number; body?: unknown; headers?: Record<string, string> }
  | { kind: 'hang' }
  | { kind: 'raw'; status?: number; contentType: string; body: string | string[]; delayMs?: number }
  | { kind: 'redirect'; location: string; status?: number };

export interface RecordedRequest {
  wire: Wire | null;
  method: string;
  path: string;
  /** Lower-case header names. */
  headers: Record<string, string>;
  /** The body parsed as JSON, or the raw text when it is not JSON. */
  body: unknown;
  rawBody: string;
  receivedAt: number;
  firstBodyAt: number | null;
  endedAt: number | null;
  /** `aborted`: the client closed the connection before the answer ended. */
  outcome: 'pending' | 'complete' | 'aborted';
}

export interface ModelServer {
  origin: string;
  openaiBaseUrl: string;
  anthropicBaseUrl: string;
  requests: RecordedRequest[];
  preflights: number;
  /** Behaviours for the next requests, in order; after them the default. */
  enqueue(...behaviors: Behavior[]): void;
  setDefault(behavior: Behavior): void;
  /** Forget requests, queue and default. */
  reset(): void;
  /** Resolves when request `i` (default: the last) completed or was closed by the client. */
  settled(i?: number): Promise<'complete' | 'aborted'>;
  close(): Promise<void>;
}

/** A well-formed Korean answer in the digest's shape (the sample the default behaviour streams). */
export const SAMPLE_ANSWER = [
  "- **What's New**: 이 논문은 온라인 강화 학습(Online RL)을 플로우 매칭 모델(Flow Matching Models)에 통합한 최초의 방법을 제안합니다.",
  '- **Technical Details**: ODE를 동등한 SDE로 변환하는 ODE-to-SDE 전략과 디노이징 감소 전략(Denoising Reduction)을 사용합니다.',
  '- **Performance Highlights**: GenEval 정확도를 63%에서 95%로 높였으며, 보상 해킹(reward hacking)은 거의 없었습니다.',
].join('\n');

export const SAMPLE_MODEL = 'loopback-model-1';

const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function codePointChunks(text: string, size: number): string[] {
  const cps = Array.from(text);
  const out: string[] = [];
  for (let i = 0; i < cps.length; i += size) out.push(cps.slice(i, i + size).join(''));
  return out;
}

const OPENAI_ERRORS: Record<number, { type: string; code: string | null; message: string }> = {
  400: { type: 'invalid_request_error', code: null, message: 'Bad request' },
  401: { type: 'invalid_request_error', code: 'invalid_api_key', message: 'Incorrect API key provided: sk-te***ey.' },
  403: {
    type: 'invalid_request_error',
    code: 'unsupported_country_region_territory',
    message: 'Country not supported',
  },
  404: { type: 'invalid_request_error', code: 'model_not_found', message: 'The model `nope` does not exist' },
  429: { type: 'requests', code: 'rate_limit_exceeded', message: 'Rate limit reached for requests' },
  500: { type: 'server_error', code: null, message: 'The server had an error while processing your request' },
  503: { type: 'server_error', code: null, message: 'The engine is currently overloaded' },
};
const ANTHROPIC_ERRORS: Record<number, { type: string; message: string }> = {
  400: { type: 'invalid_request_error', message: 'Bad request' },
  401: { type: 'authentication_error', message: 'invalid x-api-key' },
  403: { type: 'permission_error', message: 'Your API key does not have permission to use the specified resource.' },
  404: { type: 'not_found_error', message: 'model: nope' },
  429: { type: 'rate_limit_error', message: 'Number of request tokens has exceeded your per-minute rate limit' },
  500: { type: 'api_error', message: 'Internal server error' },
  503: { type: 'overloaded_error', message: 'Overloaded' },
  529: { type: 'overloaded_error', message: 'Overloaded' },
};

/** The wire format's usual error body for `status`. */
export function errorBody(wire: Wire, status: number): unknown {
  if (wire === 'openai') {
    const e = OPENAI_ERRORS[status] ?? { type: 'error', code: null, message: `HTTP ${status}` };
    return { error: { message: e.message, type: e.type, param: null, code: e.code } };
  }
  const e = ANTHROPIC_ERRORS[status] ?? { type: 'api_error', message: `HTTP ${status}` };
  return { type: 'error', error: e };
}

const sse = (data: unknown, event?: string) =>
  `${event ? `event: ${event}\n` : ''}data: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`;

interface Frames {
  head: string[];
  chunk(text: string): string;
  tail: string[];
  plain: unknown;
}

function openaiFrames(b: Extract<Behavior, { kind: 'answer' }>, req: Record<string, unknown>): Frames {
  const model = b.model ?? SAMPLE_MODEL;
  const usage = b.usage === undefined ? { input: 321, output: 123 } : b.usage;
  const u = usage && {
    prompt_tokens: usage.input,
    completion_tokens: usage.output,
    total_tokens: usage.input + usage.output,
  };
  const base = { id: 'chatcmpl-loopback', object: 'chat.completion.chunk', created: 1, model };
  const opts = req.stream_options as { include_usage?: boolean } | undefined;
  return {
    head: [sse({ ...base, choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }] })],
    chunk: (text) => sse({ ...base, choices: [{ index: 0, delta: { content: text }, finish_reason: null }] }),
    tail: [
      sse({ ...base, choices: [{ index: 0, delta: {}, finish_reason: b.finish ?? 'stop' }] }),
      ...(opts?.include_usage && u ? [sse({ ...base, choices: [], usage: u })] : []),
      sse('[DONE]'),
    ],
    plain: {
      id: 'chatcmpl-loopback',
      object: 'chat.completion',
      created: 1,
      model,
      choices: [{ index: 0, message: { role: 'assistant', content: b.text }, finish_reason: b.finish ?? 'stop' }],
      ...(u ? { usage: u } : {}),
    },
  };
}

function anthropicFrames(b: Extract<Behavior, { kind: 'answer' }>): Frames {
  const model = b.model ?? SAMPLE_MODEL;
  const usage = b.usage === undefined ? { input: 321, output: 123 } : b.usage;
  return {
    head: [
      sse(
        {
          type: 'message_start',
          message: {
            id: 'msg_loopback',
            type: 'message',
            role: 'assistant',
            model,
            content: [],
            stop_reason: null,
            usage: usage ? { input_tokens: usage.input, output_tokens: 1 } : {},
          },
        },
        'message_start',
      ),
      sse({ type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } }, 'content_block_start'),
      sse({ type: 'ping' }, 'ping'),
    ],
    chunk: (text) =>
      sse({ type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text } }, 'content_block_delta'),
    tail: [
      sse({ type: 'content_block_stop', index: 0 }, 'content_block_stop'),
      sse(
        {
          type: 'message_delta',
          delta: { stop_reason: b.finish ?? 'end_turn', stop_sequence: null },
          usage: usage ? { output_tokens: usage.output } : {},
        },
        'message_delta',
      ),
      sse({ type: 'message_stop' }, 'message_stop'),
    ],
    plain: {
      id: 'msg_loopback',
      type: 'message',
      role: 'assistant',
      model,
      content: [{ type: 'text', text: b.text }],
      stop_reason: b.finish ?? 'end_turn',
      stop_sequence: null,
      ...(usage ? { usage: { input_tokens: usage.input, output_tokens: usage.output } } : {}),
    },
  };
}

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers': 'retry-after, content-type',
};

export async function startModelServer(): Promise<ModelServer> {
  const requests: RecordedRequest[] = [];
  const settledWaiters = new Map<RecordedRequest, Array<(o: 'complete' | 'aborted') => void>>();
  const sockets = new Set<Socket>();
  let queue: Behavior[] = [];
  let fallback: Behavior = { kind: 'answer', text: SAMPLE_ANSWER };
  let preflights = 0;

  const settle = (rec: RecordedRequest, outcome: 'complete' | 'aborted') => {
    if (rec.outcome !== 'pending') return;
    rec.outcome = outcome;
    rec.endedAt = now();
    for (const w of settledWaiters.get(rec) ?? []) w(outcome);
    settledWaiters.delete(rec);
  };

  /** Writes `data`; false once the client is gone (waits for drain, so a slow reader slows the writer). */
  const write = async (res: ServerResponse, rec: RecordedRequest, data: string): Promise<boolean> => {
    if (rec.outcome !== 'pending' || res.destroyed) return false;
    rec.firstBodyAt ??= now();
    if (!res.write(data)) {
      await new Promise<void>((r) => {
        const done = () => {
          res.off('drain', done);
          res.off('close', done);
          r();
        };
        res.on('drain', done);
        res.on('close', done);
      });
    }
    return rec.outcome === 'pending' && !res.destroyed;
  };

  const answer = async (
    res: ServerResponse,
    rec: RecordedRequest,
    b: Extract<Behavior, { kind: 'answer' }>,
    wire: Wire,
  ) => {
    const req = (rec.body ?? {}) as Record<string, unknown>;
    const frames = wire === 'openai' ? openaiFrames(b, req) : anthropicFrames(b);
    const streaming = b.stream ?? req.stream === true;
    const contentType = streaming ? 'text/event-stream; charset=utf-8' : 'application/json';
    res.writeHead(200, { ...CORS, 'content-type': contentType, 'cache-control': 'no-cache' });
    res.flushHeaders();
    if (b.gate) await b.gate;
    if (b.firstDelayMs) await sleep(b.firstDelayMs);
    if (!streaming) {
      if (!(await write(res, rec, JSON.stringify(frames.plain)))) return;
      res.end();
      return;
    }
    for (const f of frames.head) if (!(await write(res, rec, f))) return;
    const chunks = b.chunks ?? codePointChunks(b.text, b.chunkChars ?? 8);
    let sent = 0;
    for (const c of chunks) {
      if (b.stallAfterChunks !== undefined && sent >= b.stallAfterChunks) return; // held open, never ended
      if (sent > 0 && b.delayMs) await sleep(b.delayMs);
      if (!(await write(res, rec, frames.chunk(c)))) return;
      sent++;
    }
    if (b.stallAfterChunks !== undefined && sent >= b.stallAfterChunks) return;
    for (const f of frames.tail) if (!(await write(res, rec, f))) return;
    res.end();
  };

  const respond = async (res: ServerResponse, rec: RecordedRequest, b: Behavior) => {
    const wire = rec.wire;
    if (wire === null) {
      res.writeHead(404, { ...CORS, 'content-type': 'text/plain' });
      res.end('404 page not found');
      return;
    }
    switch (b.kind) {
      case 'hang':
        return;
      case 'status': {
        const body = b.body === undefined ? errorBody(wire, b.status) : b.body;
        const text = typeof body === 'string' ? body : JSON.stringify(body);
        res.writeHead(b.status, {
          ...CORS,
          'content-type': typeof body === 'string' ? 'text/html' : 'application/json',
          ...b.headers,
        });
        res.end(text);
        return;
      }
      case 'redirect':
        res.writeHead(b.status ?? 307, { ...CORS, location: b.location });
        res.end();
        return;
      case 'raw': {
        res.writeHead(b.status ?? 200, { ...CORS, 'content-type': b.contentType });
        res.flushHeaders();
        for (const part of typeof b.body === 'string' ? [b.body] : b.body) {
          if (b.delayMs) await sleep(b.delayMs);
          if (!(await write(res, rec, part))) return;
        }
        res.end();
        return;
      }
      case 'answer':
        await answer(res, rec, b, wire);
    }
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    res.on('error', () => {});
    if (req.method === 'OPTIONS') {
      preflights++;
      res.writeHead(204, {
        ...CORS,
        'access-control-allow-methods': 'POST, OPTIONS',
        'access-control-allow-headers': String(req.headers['access-control-request-headers'] ?? '*'),
        'access-control-max-age': '600',
      });
      res.end();
      return;
    }
    const parts: Buffer[] = [];
    for await (const c of req) parts.push(c as Buffer);
    const rawBody = Buffer.concat(parts).toString('utf8');
    let body: unknown = rawBody;
    try {
      body = JSON.parse(rawBody);
    } catch {}
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers))
      if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
    const rec: RecordedRequest = {
      wire: path === '/v1/chat/completions' ? 'openai' : path === '/v1/messages' ? 'anthropic' : null,
      method: req.method ?? '',
      path,
      headers,
      body,
      rawBody,
      receivedAt: now(),
      firstBodyAt: null,
      endedAt: null,
      outcome: 'pending',
    };
    requests.push(rec);
    res.on('close', () => settle(rec, res.writableFinished ? 'complete' : 'aborted'));
    await respond(res, rec, queue.shift() ?? fallback);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => res.destroy());
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    origin,
    openaiBaseUrl: `${origin}/v1`,
    anthropicBaseUrl: origin,
    requests,
    get preflights() {
      return preflights;
    },
    enqueue: (...b) => {
      queue.push(...b);
    },
    setDefault: (b) => {
      fallback = b;
    },
    reset() {
      requests.length = 0;
      queue = [];
      fallback = { kind: 'answer', text: SAMPLE_ANSWER };
      preflights = 0;
    },
    settled(i) {
      const rec = requests[i ?? requests.length - 1];
      if (!rec) return Promise.reject(new Error('no such request'));
      if (rec.outcome !== 'pending') return Promise.resolve(rec.outcome);
      return new Promise((resolve) => {
        const list = settledWaiters.get(rec) ?? [];
        list.push(resolve);
        settledWaiters.set(rec, list);
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
