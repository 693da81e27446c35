/** The Anthropic provider's wire details (the shared contract is in gen-endpoints.test.ts). */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ANTHROPIC_VERSION, DEFAULT_ANTHROPIC_BASE_URL, messagesUrl } from '../../lib/gen/anthropic';
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

const provider = () =>
  createProvider(
    { id: 'anthropic', baseUrl: server.anthropicBaseUrl, apiKey: 'sk-ant-123', model: 'claude-test' },
    { fetch: (u, i) => fetch(u, i), online: () => true },
  );

const ev = (name: string, data: unknown) => `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`;
const textDelta = (text: string) =>
  ev('content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text } });

describe('Anthropic requests', () => {
  it("POSTs {base}/v1/messages with Anthropic's headers, a system prompt and a streaming request", async () => {
    await provider().generate(INPUT);
    const rec = server.requests[0];
    expect(rec?.path).toBe('/v1/messages');
    expect(rec?.headers).toMatchObject({
      'x-api-key': 'sk-ant-123',
      'anthropic-version': ANTHROPIC_VERSION,
      'anthropic-dangerous-direct-browser-access': 'true',
      'content-type': 'application/json',
    });
    expect(rec?.headers.authorization).toBeUndefined();
    const body = rec?.body as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['max_tokens', 'messages', 'model', 'stream', 'system']);
    expect(body).toMatchObject({ model: 'claude-test', max_tokens: MAX_OUTPUT_TOKENS, stream: true });
    expect(body.messages).toEqual([{ role: 'user', content: 'Title: A title\n\nAbstract: An abstract.' }]);
  });

  it("defaults to Anthropic's own endpoint", () => {
    expect(DEFAULT_ANTHROPIC_BASE_URL).toBe('https://api.anthropic.com');
    expect(messagesUrl()).toBe('https://api.anthropic.com/v1/messages');
  });

  it('usage: input tokens from message_start, output tokens from message_delta', async () => {
    server.enqueue({ kind: 'answer', text: SAMPLE_ANSWER, usage: { input: 1000, output: 250 } });
    expect((await provider().generate(INPUT)).usage).toEqual({ inputTokens: 1000, outputTokens: 250 });
  });

  it('an `error` event inside the stream (overloaded) is `server`, with its message', async () => {
    server.enqueue({
      kind: 'raw',
      contentType: 'text/event-stream',
      body: [
        textDelta("- **What's New**: 가"),
        ev('error', { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } }),
      ],
    });
    const e = await genError(provider().generate(INPUT));
    expect(e.code).toBe('server');
    expect(e.detail.message).toBe('Overloaded');
  });

  it('HTTP 529 (overloaded) is `server`', async () => {
    server.enqueue({ kind: 'status', status: 529 });
    expect((await genError(provider().generate(INPUT))).code).toBe('server');
  });

  it('stop_reason refusal is `refused`; max_tokens is `malformed` (cut off)', async () => {
    server.enqueue({ kind: 'answer', text: SAMPLE_ANSWER, finish: 'refusal' });
    expect((await genError(provider().generate(INPUT))).code).toBe('refused');
    server.enqueue({ kind: 'answer', text: SAMPLE_ANSWER, finish: 'max_tokens' });
    const e = await genError(provider().generate(INPUT));
    expect(e.code).toBe('malformed');
    expect(e.detail.message).toMatch(/cut off/);
  });

  it('ignores thinking deltas, pings and unknown events', async () => {
    const thinking = ev('content_block_delta', {
      type: 'content_block_delta',
      index: 0,
      delta: { type: 'thinking_delta', thinking: '- **What’s New**: draft' },
    });
    server.enqueue({
      kind: 'raw',
      contentType: 'text/event-stream',
      body: [
        thinking,
        ev('ping', { type: 'ping' }),
        ev('future', { type: 'future_event' }),
        textDelta(SAMPLE_ANSWER),
        ev('message_stop', { type: 'message_stop' }),
      ],
    });
    const r = await provider().generate(INPUT);
    expect(r.sections[0]?.text).not.toContain('draft');
  });

  it('a plain `message` answer is read', async () => {
    server.enqueue({ kind: 'answer', text: SAMPLE_ANSWER, stream: false, model: 'claude-plain' });
    const r = await provider().generate(INPUT);
    expect(r).toMatchObject({ model: 'claude-plain', usage: { inputTokens: 321, outputTokens: 123 } });
    expect(r.sections).toHaveLength(3);
  });
});
