/** The summary service and its Port: one run per paper, stored only when complete, cancel and errors store nothing. */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { type PortLike, serveGenPort } from '../../lib/background/gen-port';
import { openDigestDb } from '../../lib/db/open';
import type { DigestDb } from '../../lib/db/schema';
import { getSummary, putSummary } from '../../lib/db/summaries';
import type { Section } from '../../lib/digest/types';
import { createGenService, type GenListener, type ProviderChoice } from '../../lib/gen/service';
import { GenError, type GenInput, type GenResult, type Provider } from '../../lib/gen/types';
import { GEN_PORT, type GenUpdate } from '../../lib/messages';

const INPUT: GenInput = { arxivId: '2511.01234', title: 'Sparse Routing', abstract: 'We route tokens.' };
const SECTIONS: Section[] = [
  { label: "What's New", text: '희소 라우팅을 제안합니다.' },
  { label: 'Technical Details', text: '토큰마다 헤드를 고릅니다.' },
  { label: 'Performance Highlights', text: '속도가 2배입니다.' },
];

/** A provider whose answer the test releases by hand; counts calls and sees the abort signal. */
function manualProvider() {
  const calls: {
    input: GenInput;
    signal?: AbortSignal;
    partial?: (p: { sections: Section[]; titleKo: null }) => void;
  }[] = [];
  let release!: (r: GenResult | Error) => void;
  const provider: Provider = {
    id: 'openai',
    generate(input, cb) {
      calls.push({ input, signal: cb?.signal, partial: cb?.onPartial });
      return new Promise((resolve, reject) => {
        cb?.signal?.addEventListener('abort', () => reject(new GenError('cancelled')));
        release = (r) => (r instanceof Error ? reject(r) : resolve(r));
      });
    },
    test: async () => ({ model: 'm' }),
  };
  const choice: ProviderChoice = { provider, id: 'openai', promptVersion: 1 };
  return { choice, calls, release: (r: GenResult | Error) => release(r) };
}

function recorder(): GenListener & { events: string[]; partials: number } {
  const r = {
    events: [] as string[],
    partials: 0,
    onPartial() {
      r.partials++;
    },
    onDone(s: { model: string }) {
      r.events.push(`done:${s.model}`);
    },
    onError(code: string) {
      r.events.push(`error:${code}`);
    },
  };
  return r;
}

const tick = () => new Promise((r) => setTimeout(r, 0));
const RESULT: GenResult = {
  sections: SECTIONS,
  titleKo: null,
  model: 'gpt-x',
  usage: { inputTokens: 100, outputTokens: 50 },
};

let db: DigestDb;
beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  db = await openDigestDb();
});

describe('createGenService', () => {
  it('concurrent asks for one paper share one run; the result is stored once, with provider, model, usage', async () => {
    const p = manualProvider();
    const gen = createGenService({ db: async () => db, provider: async () => p.choice, now: () => 1234 });
    const a = recorder();
    const b = recorder();
    gen.start(INPUT, a);
    await tick();
    gen.start(INPUT, b);
    await tick();
    p.calls[0]?.partial?.({ sections: SECTIONS.slice(0, 1), titleKo: null });
    expect([a.partials, b.partials]).toEqual([1, 1]);
    p.release(RESULT);
    await tick();
    await tick();
    expect(p.calls).toHaveLength(1);
    expect([a.events, b.events]).toEqual([['done:gpt-x'], ['done:gpt-x']]);
    expect(await getSummary(db, INPUT.arxivId)).toMatchObject({
      provider: 'openai',
      model: 'gpt-x',
      promptVersion: 1,
      createdAt: 1234,
      usage: { inputTokens: 100, outputTokens: 50 },
      sections: SECTIONS,
    });
  });

  it('a stored summary answers without asking the provider; regenerate asks again', async () => {
    const p = manualProvider();
    const gen = createGenService({ db: async () => db, provider: async () => p.choice });
    await putSummary(db, {
      ...INPUT,
      titleKo: null,
      sections: SECTIONS,
      provider: 'openai',
      model: 'old',
      promptVersion: 1,
      createdAt: 1,
      usage: null,
    });
    const a = recorder();
    gen.start(INPUT, a);
    await tick();
    await tick();
    expect(a.events).toEqual(['done:old']);
    expect(p.calls).toHaveLength(0);
    gen.start(INPUT, recorder(), { regenerate: true });
    await tick();
    await tick();
    expect(p.calls).toHaveLength(1);
  });

  it.each([
    ['a provider error', new GenError('badKey', { status: 401 }), 'error:badKey'],
    ['an empty answer', { ...RESULT, sections: [] }, 'error:empty'],
  ])('%s stores nothing and keeps what was stored', async (_n, outcome, event) => {
    const p = manualProvider();
    const gen = createGenService({ db: async () => db, provider: async () => p.choice });
    const a = recorder();
    gen.start(INPUT, a, { regenerate: true });
    await tick();
    await tick();
    p.release(outcome as GenResult | Error);
    await tick();
    await tick();
    expect(a.events).toEqual([event]);
    expect(await getSummary(db, INPUT.arxivId)).toBeNull();
  });

  it('the last listener leaving aborts the run; nothing is stored', async () => {
    const p = manualProvider();
    const gen = createGenService({ db: async () => db, provider: async () => p.choice });
    const a = recorder();
    const b = recorder();
    const leaveA = gen.start(INPUT, a);
    const leaveB = gen.start(INPUT, b);
    await tick();
    await tick();
    leaveA();
    expect(p.calls[0]?.signal?.aborted).toBe(false);
    leaveB();
    expect(p.calls[0]?.signal?.aborted).toBe(true);
    await tick();
    expect(gen.running(INPUT.arxivId)).toBe(false);
    expect(await getSummary(db, INPUT.arxivId)).toBeNull();
  });

  it('no provider chosen: unavailable, nothing asked', async () => {
    const gen = createGenService({ db: async () => db, provider: async () => null });
    const a = recorder();
    gen.start(INPUT, a, { regenerate: true });
    await tick();
    await tick();
    expect(a.events).toEqual(['error:unavailable']);
  });
});

function fakePort(senderUrl: string, tabUrl?: string) {
  const sent: GenUpdate[] = [];
  let onMessage: (m: unknown) => void = () => undefined;
  let onDisconnect: () => void = () => undefined;
  const port: PortLike & { disconnected: boolean } = {
    name: GEN_PORT,
    disconnected: false,
    sender: { id: 'ext', url: senderUrl, ...(tabUrl ? { tab: { id: 1, url: tabUrl } } : {}) },
    postMessage: (m) => sent.push(m as GenUpdate),
    disconnect() {
      port.disconnected = true;
    },
    onMessage: { addListener: (cb) => (onMessage = cb) },
    onDisconnect: { addListener: (cb) => (onDisconnect = cb) },
  };
  return { port, sent, send: (m: unknown) => onMessage(m), close: () => onDisconnect() };
}

const CTX = { extensionId: 'ext', extensionOrigin: 'chrome-extension://ext/' };
const start = (arxivId = INPUT.arxivId) => ({ type: 'start', ...INPUT, arxivId, regenerate: false });

describe('serveGenPort', () => {
  it('streams tokenized partials and the stored result to an extension page', async () => {
    const p = manualProvider();
    const gen = createGenService({ db: async () => db, provider: async () => p.choice });
    const f = fakePort('chrome-extension://ext/popup.html');
    serveGenPort(f.port, gen, CTX);
    f.send(start());
    await tick();
    await tick();
    p.calls[0]?.partial?.({
      sections: [{ label: "What's New", text: '**굵게** 그리고 [x](javascript:alert(1))' }],
      titleKo: null,
    });
    p.release(RESULT);
    await tick();
    await tick();
    expect(f.sent.map((u) => u.type)).toEqual(['partial', 'done']);
    const partial = f.sent[0] as Extract<GenUpdate, { type: 'partial' }>;
    expect(partial.sections[0]?.lines[0]?.[0]).toEqual({ type: 'bold', text: '굵게' });
    expect(JSON.stringify(partial)).not.toContain('"href":"javascript');
  });

  it("a content script may ask only for its own tab's paper", async () => {
    const p = manualProvider();
    const gen = createGenService({ db: async () => db, provider: async () => p.choice });
    const f = fakePort('https://arxiv.org/abs/2511.01234v2', 'https://arxiv.org/abs/2511.01234v2');
    serveGenPort(f.port, gen, CTX);
    f.send(start('2511.09999'));
    await tick();
    expect(f.sent).toEqual([{ type: 'error', code: 'forbidden', retryAfterMs: null }]);
    expect(p.calls).toHaveLength(0);
    f.send(start());
    await tick();
    await tick();
    expect(p.calls).toHaveLength(1);
  });

  it('refuses strangers, validates messages, and a closed port cancels the run', async () => {
    const p = manualProvider();
    const gen = createGenService({ db: async () => db, provider: async () => p.choice });
    const stranger = fakePort('https://evil.example/', 'https://evil.example/');
    serveGenPort(stranger.port, gen, CTX);
    expect(stranger.port.disconnected).toBe(true);
    const f = fakePort('chrome-extension://ext/popup.html');
    serveGenPort(f.port, gen, CTX);
    f.send({ type: 'start', arxivId: 'not an id', title: 'x', abstract: '', regenerate: false });
    expect(f.sent).toEqual([{ type: 'error', code: 'malformed', retryAfterMs: null }]);
    f.send(start());
    await tick();
    await tick();
    f.close();
    expect(p.calls[0]?.signal?.aborted).toBe(true);
    await tick();
    expect(await getSummary(db, INPUT.arxivId)).toBeNull();
  });
});
