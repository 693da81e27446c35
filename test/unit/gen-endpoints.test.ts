/**
 * Both endpoint providers (OpenAI-compatible and Anthropic) against the loopback model server, the same contract
 * for each: streamed and plain answers, what is sent (title and abstract only, the key only in its header and only
 * when set), every error status, timeouts, cancel closing the connection, offline, redirects, hostile output.
 * Wire-specific details are in gen-openai.test.ts and gen-anthropic.test.ts.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Section } from '../../lib/digest/types';
import { MAX_ANSWER_CHARS } from '../../lib/gen/answer';
import { createProvider, type EndpointConfig, type ProviderDeps } from '../../lib/gen/providers';
import type { GenInput, Provider } from '../../lib/gen/types';
import { showSection } from '../../lib/show';
import {
  genError,
  type ModelServer,
  SAMPLE_ANSWER,
  SAMPLE_MODEL,
  startModelServer,
  type Wire,
} from '../support/model-server';

const KEY = 'sk-test-key-123';
/** Generous for a loaded machine; the timeout tests shorten the one they test. */
const TIMEOUTS = { firstByteMs: 10_000, stallMs: 10_000 };
const INPUT: GenInput = {
  arxivId: '2505.05470',
  title: 'Flow-GRPO: Training Flow Matching Models via Online RL',
  abstract:
    'We propose Flow-GRPO, the first method integrating online reinforcement learning into flow matching models.',
};

let server: ModelServer;
let other: ModelServer;
beforeAll(async () => {
  server = await startModelServer();
  other = await startModelServer();
});
afterAll(async () => {
  await server.close();
  await other.close();
});
beforeEach(() => {
  server.reset();
  other.reset();
});

function makeProvider(
  wire: Wire,
  base: string,
  opts: { apiKey?: string | null; deps?: Partial<ProviderDeps> } = {},
): Provider {
  const apiKey = opts.apiKey === undefined ? KEY : opts.apiKey;
  const config: EndpointConfig =
    wire === 'openai'
      ? { id: 'openai', baseUrl: `${base}/v1`, apiKey, model: 'test-model' }
      : { id: 'anthropic', baseUrl: base, apiKey, model: 'test-model' };
  return createProvider(config, { fetch: (u, i) => fetch(u, i), online: () => true, timeouts: TIMEOUTS, ...opts.deps });
}

/** Everything the request said in words (system and user texts). */
function sentText(body: unknown): string {
  const b = body as { system?: string; messages: { content: string }[] };
  return [b.system ?? '', ...b.messages.map((m) => m.content)].join('\n');
}

describe.each(['openai', 'anthropic'] as const)('%s provider', (wire) => {
  const provider = (opts?: Parameters<typeof makeProvider>[2]) => makeProvider(wire, server.origin, opts);
  const keyHeader = wire === 'openai' ? 'authorization' : 'x-api-key';
  const keyValue = wire === 'openai' ? `Bearer ${KEY}` : KEY;

  it('streams the answer into growing partial sections, then returns it with model and usage', async () => {
    const partials: Section[][] = [];
    const r = await provider().generate(INPUT, { onPartial: (p) => partials.push(p.sections) });
    expect(r.sections.map((s) => s.label)).toEqual(["What's New", 'Technical Details', 'Performance Highlights']);
    expect(r.sections[0]?.text).toMatch(/^이 논문은 온라인 강화 학습\(Online RL\)/);
    expect(r).toMatchObject({ titleKo: null, model: SAMPLE_MODEL, usage: { inputTokens: 321, outputTokens: 123 } });
    expect(partials.length).toBeGreaterThan(3);
    expect(partials[0]?.length).toBe(1);
    // Partial views are throttled (lib/gen/answer.ts): the last one may lag the result, never run ahead of it.
    const last = partials.at(-1) ?? [];
    last.forEach((s, i) => {
      expect(s.label).toBe(r.sections[i]?.label);
      expect(r.sections[i]?.text.startsWith(s.text)).toBe(true);
    });
    expect(server.requests[0]?.headers.accept).toContain('text/event-stream');
    expect(await server.settled()).toBe('complete');
  });

  it('reads a plain JSON answer from a server that ignores `stream`', async () => {
    server.enqueue({ kind: 'answer', text: SAMPLE_ANSWER, stream: false, model: 'plain-model' });
    const partials: Section[][] = [];
    const r = await provider().generate(INPUT, { onPartial: (p) => partials.push(p.sections) });
    expect(r.sections).toHaveLength(3);
    expect(r.model).toBe('plain-model');
    expect(r.usage).toEqual({ inputTokens: 321, outputTokens: 123 });
    expect(partials.at(-1)).toEqual(r.sections);
  });

  it('without usage in the answer, usage is null; without a model name, the configured one', async () => {
    server.enqueue({ kind: 'answer', text: SAMPLE_ANSWER, usage: null, model: '' });
    const r = await provider().generate(INPUT);
    expect(r.usage).toBeNull();
    expect(r.model).toBe('test-model');
  });

  it('sends the title and abstract and nothing else about the paper', async () => {
    await provider().generate(INPUT);
    const rec = server.requests[0];
    const text = sentText(rec?.body);
    expect(text).toContain(`Title: ${INPUT.title}`);
    expect(text).toContain(`Abstract: ${INPUT.abstract}`);
    expect(rec?.rawBody).not.toContain(INPUT.arxivId);
    expect(rec?.rawBody).not.toContain('arxiv.org');
    expect(rec?.headers.cookie).toBeUndefined();
    expect(rec?.headers.referer).toBeUndefined();
  });

  it('sends the key in its header only, and no key header when none is set', async () => {
    await provider().generate(INPUT);
    await provider({ apiKey: null }).generate(INPUT);
    await provider({ apiKey: '  ' }).test();
    const [withKey, withoutKey, blank] = server.requests;
    expect(withKey?.headers[keyHeader]).toBe(keyValue);
    expect(withKey?.rawBody).not.toContain(KEY);
    for (const r of [withoutKey, blank]) {
      expect(r?.headers.authorization).toBeUndefined();
      expect(r?.headers['x-api-key']).toBeUndefined();
    }
    expect(withKey?.headers[wire === 'openai' ? 'x-api-key' : 'authorization']).toBeUndefined();
  });

  it('a key no header can carry is badKey, and nothing is sent', async () => {
    const e = await genError(provider({ apiKey: 'sk-한글키' }).generate(INPUT));
    expect(e.code).toBe('badKey');
    expect(server.requests).toHaveLength(0);
  });

  it.each([
    [401, 'badKey'],
    [403, 'forbidden'],
    [404, 'unknownModel'],
    [500, 'server'],
    [503, 'server'],
  ])('HTTP %i is %s, with the server’s message as plain text', async (status, code) => {
    server.enqueue({ kind: 'status', status });
    const e = await genError(provider().generate(INPUT));
    expect(e.code).toBe(code);
    expect(e.detail.status).toBe(status);
    expect(e.detail.message).toMatch(/^[^\n<>]+$/);
  });

  it('HTTP 429 is rateLimited with Retry-After (seconds or an HTTP date)', async () => {
    server.enqueue({ kind: 'status', status: 429, headers: { 'retry-after': '12' } });
    expect((await genError(provider().generate(INPUT))).detail).toMatchObject({ status: 429, retryAfterMs: 12_000 });
    const at = new Date(Date.now() + 120_000).toUTCString();
    server.enqueue({ kind: 'status', status: 429, headers: { 'retry-after': at } });
    const e = await genError(provider().generate(INPUT));
    expect(e.code).toBe('rateLimited');
    expect(e.detail.retryAfterMs).toBeGreaterThan(110_000);
    expect(e.detail.retryAfterMs).toBeLessThanOrEqual(120_000);
  });

  it('an HTML error page is never shown', async () => {
    server.enqueue({ kind: 'status', status: 502, body: '<html><script>alert(1)</script>Bad gateway</html>' });
    const e = await genError(provider().generate(INPUT));
    expect(e.code).toBe('server');
    expect(e.detail.message).toBeUndefined();
  });

  it('a wrong base URL (no such path) is notFound', async () => {
    const p = createProvider(
      wire === 'openai'
        ? { id: 'openai', baseUrl: server.origin, apiKey: KEY, model: 'm' }
        : { id: 'anthropic', baseUrl: `${server.origin}/api`, apiKey: KEY, model: 'm' },
      { fetch: (u, i) => fetch(u, i), online: () => true, timeouts: TIMEOUTS },
    );
    expect((await genError(p.generate(INPUT))).code).toBe('notFound');
  });

  it('a server that never answers is a timeout, and the connection is closed', async () => {
    server.enqueue({ kind: 'hang' });
    const e = await genError(provider({ deps: { timeouts: { firstByteMs: 200 } } }).generate(INPUT));
    expect(e.code).toBe('timeout');
    expect(e.detail.message).toMatch(/no answer within/);
    expect(await server.settled()).toBe('aborted');
  });

  it('a stream that stops half-way is a timeout after showing what came, and the connection is closed', async () => {
    server.enqueue({ kind: 'answer', text: SAMPLE_ANSWER, stallAfterChunks: 5 });
    const partials: Section[][] = [];
    const p = provider({ deps: { timeouts: { stallMs: 200 } } });
    const e = await genError(p.generate(INPUT, { onPartial: (p) => partials.push(p.sections) }));
    expect(e.code).toBe('timeout');
    expect(e.detail.message).toMatch(/stopped/);
    expect(partials.length).toBeGreaterThan(0);
    expect(await server.settled()).toBe('aborted');
  });

  it('cancelling mid-stream is `cancelled` and closes the connection (the endpoint stops generating)', async () => {
    server.enqueue({ kind: 'answer', text: SAMPLE_ANSWER, chunkChars: 2, delayMs: 20 });
    const ctl = new AbortController();
    const partials: Section[][] = [];
    const run = provider().generate(INPUT, {
      signal: ctl.signal,
      onPartial: (p) => {
        partials.push(p.sections);
        if (partials.length === 2) ctl.abort();
      },
    });
    expect((await genError(run)).code).toBe('cancelled');
    expect(await server.settled()).toBe('aborted');
    expect(partials).toHaveLength(2); // none after the cancel, even from events already received
  });

  it("an error thrown by the caller's onPartial stops the run with that error, and closes the connection", async () => {
    server.enqueue({ kind: 'answer', text: SAMPLE_ANSWER, chunkChars: 2, delayMs: 10 });
    const bug = new RangeError('panel is gone');
    const run = provider().generate(INPUT, {
      onPartial: () => {
        throw bug;
      },
    });
    await expect(run).rejects.toBe(bug);
    expect(await server.settled()).toBe('aborted');
  });

  it('a signal aborted before the start sends nothing', async () => {
    const ctl = new AbortController();
    ctl.abort();
    expect((await genError(provider().generate(INPUT, { signal: ctl.signal }))).code).toBe('cancelled');
    expect(server.requests).toHaveLength(0);
  });

  it('a fetch failure is `offline` when the browser is offline, `network` otherwise', async () => {
    const failing = { fetch: () => Promise.reject(new TypeError('Failed to fetch')) };
    const off = await genError(provider({ deps: { ...failing, online: () => false } }).generate(INPUT));
    expect(off.code).toBe('offline');
    const closed = await startModelServer();
    await closed.close();
    const p = makeProvider(wire, closed.origin);
    expect((await genError(p.generate(INPUT))).code).toBe('network');
  });

  it('a redirect is not followed: the key never reaches another origin', async () => {
    const target = wire === 'openai' ? `${other.origin}/v1/chat/completions` : `${other.origin}/v1/messages`;
    server.enqueue({ kind: 'redirect', location: target, status: 307 });
    const e = await genError(provider().generate(INPUT));
    expect(e.code).toBe('badRequest');
    expect(e.detail.message).toMatch(/redirect/);
    expect(other.requests).toHaveLength(0);
  });

  it('an answer that is not the three bullets is `malformed`; an empty one is `empty`', async () => {
    server.enqueue({ kind: 'answer', text: 'I cannot summarise this paper.' });
    expect((await genError(provider().generate(INPUT))).code).toBe('malformed');
    server.enqueue({ kind: 'answer', text: '' });
    expect((await genError(provider().generate(INPUT))).code).toBe('empty');
  });

  it('a huge answer stops at the cap as `malformed`, and the connection is closed', async () => {
    // The server sends past the cap, then holds the connection open: only the client can close it.
    const text = `- **What's New**: ${'가'.repeat(MAX_ANSWER_CHARS + 100_000)}`;
    server.enqueue({
      kind: 'answer',
      text,
      chunkChars: 4000,
      stallAfterChunks: Math.ceil(MAX_ANSWER_CHARS / 4000) + 2,
    });
    let partials = 0;
    const e = await genError(provider().generate(INPUT, { onPartial: () => partials++ }));
    expect(e.code).toBe('malformed');
    expect(e.detail.message).toMatch(/longer than/);
    expect(await server.settled()).toBe('aborted');
    expect(partials).toBeLessThan(100);
  });

  it('hostile output stays text: HTML and javascript: links never become markup or links', async () => {
    const hostile = [
      "- **What's New**: <img src=x onerror=alert(1)> [x](javascript:alert(1))",
      '- **Technical Details**: <script>fetch("https://evil.example")</script>',
      '- **Performance Highlights**: ![](https://evil.example/track.png) [ok](https://arxiv.org/abs/1)',
      '![](https://evil.example/pixel.png)',
    ].join('\n');
    server.enqueue({ kind: 'answer', text: hostile });
    const r = await provider().generate(INPUT);
    const tokens = r.sections.flatMap((s) => showSection(s).lines.flat());
    const links = tokens.flatMap((t) => (t.type === 'link' ? [t.href] : []));
    expect(links).toContain('https://arxiv.org/abs/1');
    for (const href of links) expect(href).toMatch(/^https:\/\//);
    expect(JSON.stringify(tokens)).not.toContain('"href":"javascript:');
    expect(r.sections[1]?.text).toBe('<script>fetch("https://evil.example")</script>');
  });

  it('test() makes one tiny request and names the model', async () => {
    const r = await provider().test();
    expect(r.model).toBe(SAMPLE_MODEL);
    const body = server.requests[0]?.body as { max_tokens: number; messages: { content: string }[]; stream?: boolean };
    expect(body.max_tokens).toBe(1);
    expect(body.messages).toEqual([{ role: 'user', content: 'ping' }]);
    expect(body.stream).toBeFalsy();
    expect(server.requests[0]?.headers[keyHeader]).toBe(keyValue);
  });

  it('test() reports a bad key as badKey', async () => {
    server.enqueue({ kind: 'status', status: 401 });
    expect((await genError(provider().test())).code).toBe('badKey');
  });
});
