/** The OpenAI-compatible provider's wire details (the shared contract is in gen-endpoints.test.ts). */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { chatCompletionsUrl, REASONING_OUTPUT_TOKENS } from '../../lib/gen/openai';
import { MAX_OUTPUT_TOKENS } from '../../lib/gen/prompt';
import { createProvider } from '../../lib/gen/providers';
import type { GenInput } from '../../lib/gen/types';
import { genError, type ModelServer, SAMPLE_ANSWER, startModelServer } from '../support/model-server';

const INPUT: GenInput = { arxivId: '2401.00001', title: 'A title', abstract: 'An abstract.' };
let server: ModelServer;
beforeAll(async () => {
  server = await startModelServer();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const provider = (baseUrl = server.openaiBaseUrl) =>
  createProvider(
    { id: 'openai', baseUrl, apiKey: 'sk-x-1234', model: 'gpt-test' },
    { fetch: (u, i) => fetch(u, i), online: () => true },
  );

const sse = (...events: unknown[]) => events.map((e) => `data: ${typeof e === 'string' ? e : JSON.stringify(e)}\n\n`);
const delta = (content: string, finish: string | null = null) => ({
  model: 'gpt-test',
  choices: [{ index: 0, delta: { content }, finish_reason: finish }],
});

describe('OpenAI-compatible requests', () => {
  it('POSTs {base}/chat/completions with a streaming request for usage, system and user messages', async () => {
    await provider(`${server.openaiBaseUrl}//`).generate(INPUT);
    const rec = server.requests[0];
    expect(rec?.method).toBe('POST');
    expect(rec?.path).toBe('/v1/chat/completions');
    expect(rec?.headers['content-type']).toBe('application/json');
    const body = rec?.body as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['max_tokens', 'messages', 'model', 'stream', 'stream_options']);
    expect(body).toMatchObject({
      model: 'gpt-test',
      stream: true,
      stream_options: { include_usage: true },
      max_tokens: MAX_OUTPUT_TOKENS,
    });
    expect((body.messages as { role: string }[]).map((m) => m.role)).toEqual(['system', 'user']);
  });

  it('builds the URL from any base (trailing slashes, spaces)', () => {
    expect(chatCompletionsUrl(' http://localhost:11434/v1/ ')).toBe('http://localhost:11434/v1/chat/completions');
    expect(chatCompletionsUrl('https://openrouter.ai/api/v1')).toBe('https://openrouter.ai/api/v1/chat/completions');
  });

  it('sends once more with max_completion_tokens when the model refuses max_tokens (OpenAI reasoning models)', async () => {
    const message =
      "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.";
    server.enqueue({
      kind: 'status',
      status: 400,
      body: { error: { message, type: 'invalid_request_error', param: 'max_tokens', code: 'unsupported_parameter' } },
    });
    const r = await provider().generate(INPUT);
    expect(r.sections).toHaveLength(3);
    const [first, second] = server.requests.map((q) => q.body as Record<string, unknown>);
    expect(first?.max_tokens).toBe(MAX_OUTPUT_TOKENS);
    expect(second?.max_tokens).toBeUndefined();
    expect(second?.max_completion_tokens).toBe(REASONING_OUTPUT_TOKENS);
  });

  it('any other 400 is badRequest, sent once', async () => {
    server.enqueue({ kind: 'status', status: 400 });
    expect((await genError(provider().generate(INPUT))).code).toBe('badRequest');
    expect(server.requests).toHaveLength(1);
  });

  it('finish_reason content_filter, or a refusal, is `refused`', async () => {
    server.enqueue({ kind: 'answer', text: SAMPLE_ANSWER, finish: 'content_filter' });
    expect((await genError(provider().generate(INPUT))).code).toBe('refused');
    server.enqueue({
      kind: 'raw',
      contentType: 'text/event-stream',
      body: sse(
        { choices: [{ index: 0, delta: { refusal: "I can't help with that." }, finish_reason: null }] },
        delta('', 'stop'),
        '[DONE]',
      ),
    });
    expect((await genError(provider().generate(INPUT))).code).toBe('refused');
  });

  it('an answer cut off at the token limit is `malformed`', async () => {
    server.enqueue({ kind: 'answer', text: SAMPLE_ANSWER, finish: 'length' });
    const e = await genError(provider().generate(INPUT));
    expect(e.code).toBe('malformed');
    expect(e.detail.message).toMatch(/cut off/);
  });

  it('an error event inside the stream is mapped like its status (OpenRouter)', async () => {
    server.enqueue({
      kind: 'raw',
      contentType: 'text/event-stream',
      body: sse(delta("- **What's New**: 가"), { error: { code: 429, message: 'Rate limit exceeded upstream' } }),
    });
    const e = await genError(provider().generate(INPUT));
    expect(e.code).toBe('rateLimited');
    expect(e.detail.message).toBe('Rate limit exceeded upstream');
  });

  it('reads SSE sent with another Content-Type, comments, CRLF line ends and events split anywhere', async () => {
    const text = sse(
      delta(SAMPLE_ANSWER.slice(0, 40)),
      delta(SAMPLE_ANSWER.slice(40)),
      delta('', 'stop'),
      '[DONE]',
    ).join('');
    const crlf = `: keep-alive\r\n\r\n${text.replace(/\n/g, '\r\n')}`;
    const pieces = crlf.match(/[\s\S]{1,7}/g) ?? [];
    server.enqueue({ kind: 'raw', contentType: 'text/plain', body: pieces });
    const r = await provider().generate(INPUT);
    expect(r.sections).toHaveLength(3);
  });

  it('reads content given as an array of text parts', async () => {
    server.enqueue({
      kind: 'raw',
      contentType: 'application/json',
      body: JSON.stringify({
        model: 'x',
        choices: [{ message: { content: [{ type: 'text', text: SAMPLE_ANSWER }] }, finish_reason: 'stop' }],
      }),
    });
    expect((await provider().generate(INPUT)).sections).toHaveLength(3);
  });

  it('an unreadable event or answer is `malformed`', async () => {
    server.enqueue({ kind: 'raw', contentType: 'text/event-stream', body: 'data: {not json\n\n' });
    expect((await genError(provider().generate(INPUT))).code).toBe('malformed');
    server.enqueue({ kind: 'raw', contentType: 'application/json', body: '{"choices": [' });
    expect((await genError(provider().generate(INPUT))).code).toBe('malformed');
    server.enqueue({ kind: 'raw', contentType: 'application/json', body: '"just a string"' });
    expect((await genError(provider().generate(INPUT))).code).toBe('malformed');
  });

  it('one endless SSE event is `malformed` (not buffered without end)', async () => {
    server.enqueue({
      kind: 'raw',
      contentType: 'text/event-stream',
      body: ['data: ', ...Array(40).fill('x'.repeat(32 * 1024))],
    });
    const e = await genError(provider().generate(INPUT));
    expect(e.code).toBe('malformed');
    expect(e.detail.message).toMatch(/stream event is longer/);
  });

  it('test() falls back to max_completion_tokens too', async () => {
    server.enqueue({
      kind: 'status',
      status: 400,
      body: { error: { message: "Use 'max_completion_tokens' instead." } },
    });
    await provider().test();
    const second = server.requests[1]?.body as Record<string, unknown>;
    expect(second.max_completion_tokens).toBeGreaterThan(0);
    expect(second.max_tokens).toBeUndefined();
  });
});
