/**
 * The background's client and the offscreen document's host over a pair of fake runtime Ports (messages JSON-copied
 * and delivered asynchronously, as Chrome does), with the on-device APIs faked in the "document".
 */
import { describe, expect, it } from 'vitest';
import { CHROME_AI_LABELS } from '../../lib/gen/chrome-ai/constants';
import { createOffscreenClient, OFFSCREEN_PATH, type OffscreenEnv } from '../../lib/gen/chrome-ai/offscreen-client';
import { type PortLike, startOffscreenHost } from '../../lib/gen/chrome-ai/offscreen-host';
import { GEN_PORT } from '../../lib/gen/chrome-ai/wire';
import { GenError, type GenInput } from '../../lib/gen/types';
import type { SenderInfo } from '../../lib/messages';
import { FakeChromeAi, heldPace } from '../support/fake-chrome-ai';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}/`;
const WORKER: SenderInfo = { id: ID, url: `${ORIGIN}background.js` };

const input: GenInput = {
  arxivId: '2406.16793',
  title: 'Adam-mini: Use Fewer Learning Rates To Gain More',
  abstract: 'We propose Adam-mini, an optimizer that achieves on-par or better performance than AdamW.',
};

type Listener<A extends unknown[]> = (...args: A) => void;

class FakePort implements PortLike {
  other: FakePort | null = null;
  connected = true;
  readonly received: unknown[] = [];
  private readonly messageListeners: Listener<[unknown]>[] = [];
  private readonly disconnectListeners: Listener<[]>[] = [];
  readonly onMessage = { addListener: (l: Listener<[unknown]>) => void this.messageListeners.push(l) };
  readonly onDisconnect = { addListener: (l: Listener<[]>) => void this.disconnectListeners.push(l) };
  constructor(
    readonly name: string,
    readonly sender?: SenderInfo,
  ) {}
  postMessage(message: unknown): void {
    if (!this.connected) throw new Error('Attempting to use a disconnected port object');
    const copy: unknown = JSON.parse(JSON.stringify(message));
    const to = this.other;
    setTimeout(() => {
      if (!to?.connected) return;
      to.received.push(copy);
      for (const l of to.messageListeners) l(copy);
    }, 0);
  }
  disconnect(): void {
    if (!this.connected) return;
    this.connected = false;
    const to = this.other;
    setTimeout(() => to?.remoteClosed(), 0);
  }
  remoteClosed(): void {
    if (!this.connected) return;
    this.connected = false;
    for (const l of this.disconnectListeners) l();
  }
}

/** The browser as the background sees it, with an offscreen document whose host serves `fake`'s APIs. */
function browserWith(fake: FakeChromeAi, options: { sender?: SenderInfo; deafConnects?: number } = {}) {
  const hostListeners: ((p: PortLike) => void)[] = [];
  let documents = 0;
  let creates = 0;
  let deaf = options.deafConnects ?? 0;
  const hostPorts: FakePort[] = [];
  const env: OffscreenEnv = {
    offscreen: {
      async createDocument(p) {
        creates++;
        expect(p.url).toBe(OFFSCREEN_PATH);
        await new Promise((r) => setTimeout(r, 0));
        if (documents > 0) throw new Error('Only a single offscreen document may be created.');
        documents++;
        startOffscreenHost(
          { addListener: (l) => void hostListeners.push(l) },
          {
            api: fake.api,
            extensionId: ID,
            extensionOrigin: ORIGIN,
          },
        );
      },
    },
    runtime: {
      connect({ name }) {
        const client = new FakePort(name);
        const host = new FakePort(name, options.sender ?? WORKER);
        client.other = host;
        host.other = client;
        if (documents === 0 || deaf > 0) {
          // No listener yet: Chrome closes the port ("Receiving end does not exist").
          deaf--;
          host.disconnect();
        } else {
          hostPorts.push(host);
          for (const l of hostListeners) l(host);
        }
        return client;
      },
      getURL: (path) => `${ORIGIN}${path.replace(/^\//, '')}`,
      async getContexts(filter) {
        expect(filter.documentUrls).toEqual([`${ORIGIN}offscreen.html`]);
        return Array.from({ length: documents }, () => ({ contextType: 'OFFSCREEN_DOCUMENT' }));
      },
    },
  };
  return { env, creates: () => creates, hostPorts };
}

async function failure(p: Promise<unknown>): Promise<GenError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(GenError);
  return e as GenError;
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('offscreen client ↔ host', () => {
  it('creates the document once, then generates through it with partials and the final result', async () => {
    const fake = new FakeChromeAi({ summarizer: 'available' });
    const b = browserWith(fake);
    const client = createOffscreenClient(b.env);
    const partials: unknown[] = [];
    const [a, c] = await Promise.all([
      client.generate(input, { onPartial: (p) => partials.push(p) }),
      client.generate(input),
    ]);
    expect(b.creates()).toBe(1);
    expect(a).toEqual(c);
    expect(a.model).toBe('chrome-translator+summarizer');
    expect(a.titleKo).toBe(`KO〈${input.title}〉`);
    expect(a.sections.map((s) => s.label)).toEqual([CHROME_AI_LABELS.abstract, CHROME_AI_LABELS.summary]);
    expect(partials.length).toBeGreaterThan(3);
    expect(partials.at(-1)).toEqual({ sections: a.sections, titleKo: a.titleKo });
    await client.generate(input);
    expect(b.creates()).toBe(1);
    await tick();
    expect(b.hostPorts.every((p) => !p.connected)).toBe(true);
    expect(fake.live).toBe(0);
  });

  it('reports the status the document sees', async () => {
    for (const a of ['available', 'downloadable', 'downloading', 'unavailable'] as const) {
      expect(await createOffscreenClient(browserWith(new FakeChromeAi({ translator: a })).env).status()).toBe(a);
    }
  });

  it('passes the errors through as GenErrors (needsDownload, unavailable)', async () => {
    const down = createOffscreenClient(browserWith(new FakeChromeAi({ translator: 'downloadable' })).env);
    expect((await failure(down.generate(input))).code).toBe('needsDownload');
    const none = createOffscreenClient(browserWith(new FakeChromeAi({ translator: 'unavailable' })).env);
    expect((await failure(none.generate(input))).code).toBe('unavailable');
    expect(await createOffscreenClient(browserWith(new FakeChromeAi()).env).test()).toEqual({
      model: 'chrome-translator',
    });
  });

  it('cancel: the call rejects at once, the document stops and destroys its models', async () => {
    const fake = new FakeChromeAi({ summarizer: 'available' });
    const held = heldPace();
    fake.pace = held.pace;
    const b = browserWith(fake);
    const client = createOffscreenClient(b.env);
    const ac = new AbortController();
    const partials: unknown[] = [];
    const p = client.generate(input, { signal: ac.signal, onPartial: (x) => partials.push(x) });
    while (partials.length < 2) {
      held.release();
      await tick();
    }
    expect(fake.live).toBe(1);
    ac.abort();
    expect((await failure(p)).code).toBe('cancelled');
    await tick();
    await tick();
    expect(b.hostPorts[0]?.received).toContainEqual({ kind: 'cancel' });
    expect(fake.live).toBe(0);
    const seen = partials.length;
    held.open();
    await tick();
    expect(partials.length).toBe(seen);
  });

  it('the background going away (port closed) aborts the work in the document', async () => {
    const fake = new FakeChromeAi({ summarizer: null });
    const held = heldPace();
    fake.pace = held.pace;
    const b = browserWith(fake);
    const client = createOffscreenClient(b.env);
    void client.generate(input).catch(() => undefined);
    while (fake.live === 0) {
      held.release();
      await tick();
    }
    const hostPort = b.hostPorts[0];
    hostPort?.other?.disconnect(); // the service worker was stopped
    await tick();
    await tick();
    expect(fake.live).toBe(0);
  });

  it('retries while the document is still loading (a port closed before any answer)', async () => {
    const b = browserWith(new FakeChromeAi(), { deafConnects: 2 });
    expect(await createOffscreenClient(b.env).status()).toBe('available');
  });

  it('gives up with unavailable when the document never answers', async () => {
    const b = browserWith(new FakeChromeAi(), { deafConnects: 100 });
    const client = createOffscreenClient(b.env);
    expect((await failure(client.generate(input))).code).toBe('unavailable');
    expect(await client.status()).toBe('unavailable');
  });
});

describe('offscreen host: who may ask what', () => {
  const hostWith = (sender: SenderInfo | undefined, name = GEN_PORT) => {
    const fake = new FakeChromeAi();
    let listener: ((p: PortLike) => void) | undefined;
    startOffscreenHost(
      { addListener: (l) => (listener = l) },
      { api: fake.api, extensionId: ID, extensionOrigin: ORIGIN },
    );
    const bg = new FakePort(name);
    const doc = new FakePort(name, sender);
    bg.other = doc;
    doc.other = bg;
    let closed = false;
    bg.onDisconnect.addListener(() => (closed = true));
    listener?.(doc);
    return { bg, doc, fake, closed: () => closed };
  };

  it('closes ports from content scripts, other extensions and web pages without doing anything', async () => {
    const senders: (SenderInfo | undefined)[] = [
      { id: ID, url: 'https://arxiv.org/abs/2406.16793', tab: { id: 3, url: 'https://arxiv.org/abs/2406.16793' } },
      { id: 'otherextensionidotherextensionid', url: 'chrome-extension://otherextensionidotherextensionid/x.html' },
      { url: 'https://evil.example/' },
      undefined,
    ];
    for (const sender of senders) {
      const h = hostWith(sender);
      h.bg.postMessage({ kind: 'status' });
      await tick();
      await tick();
      expect(h.closed()).toBe(true);
      expect(h.bg.received).toEqual([]);
      expect(h.fake.translatorAvailabilityAsks).toEqual([]);
    }
  });

  it('accepts the extension’s own pages and worker', async () => {
    for (const sender of [
      WORKER,
      { id: ID, url: `${ORIGIN}options.html`, tab: { id: 1, url: `${ORIGIN}options.html` } },
    ]) {
      const h = hostWith(sender);
      h.bg.postMessage({ kind: 'status' });
      await tick();
      await tick();
      expect(h.bg.received).toEqual([{ kind: 'status', status: 'available' }]);
    }
  });

  it('ignores ports of other names (not its business)', async () => {
    const h = hostWith(WORKER, 'something-else');
    h.bg.postMessage({ kind: 'status' });
    await tick();
    await tick();
    expect(h.bg.received).toEqual([]);
    expect(h.closed()).toBe(false);
  });

  it('answers an invalid or second request with `malformed` and closes the port', async () => {
    const bad: unknown[] = [
      null,
      'status',
      { kind: 'generate' },
      { kind: 'generate', input: { ...input, arxivId: '../../etc' } },
      { kind: 'generate', input: { ...input, title: 'x'.repeat(2_001) } },
      { kind: 'generate', input: { ...input, extra: 1 } },
      { kind: 'status', extra: true },
      { kind: 'eval' },
    ];
    for (const msg of bad) {
      const h = hostWith(WORKER);
      h.bg.postMessage(msg);
      await tick();
      await tick();
      expect(h.bg.received).toEqual([
        { kind: 'error', code: 'malformed', message: expect.stringMatching(/^request: /) },
      ]);
      expect(h.closed()).toBe(true);
      expect(h.fake.translatorCreates).toEqual([]);
    }
    const h = hostWith(WORKER);
    h.bg.postMessage({ kind: 'status' });
    h.bg.postMessage({ kind: 'status' });
    await tick();
    await tick();
    expect(h.bg.received).toContainEqual({ kind: 'error', code: 'malformed', message: 'one request per port' });
  });
});

describe('offscreen client: replies are checked too', () => {
  const clientAnswering = (...replies: unknown[]) => {
    const env: OffscreenEnv = {
      offscreen: { createDocument: async () => undefined, hasDocument: async () => true },
      runtime: {
        connect({ name }) {
          const client = new FakePort(name);
          const doc = new FakePort(name, WORKER);
          client.other = doc;
          doc.other = client;
          doc.onMessage.addListener(() => {
            for (const r of replies) doc.postMessage(r);
          });
          return client;
        },
        getURL: (p) => ORIGIN + p,
      },
    };
    return createOffscreenClient(env);
  };

  it('a malformed or unexpected reply is the error `malformed`', async () => {
    const cases: unknown[] = [
      { kind: 'result', result: { sections: 'x', titleKo: null, model: 'm', usage: null } },
      {
        kind: 'result',
        result: { sections: [{ label: null, text: 'x'.repeat(100_000) }], titleKo: null, model: 'm', usage: null },
      },
      { kind: 'partial', sections: [{ label: 5, text: '' }], titleKo: null },
      { kind: 'error', code: 'rm -rf', message: null },
      { kind: 'status', status: 'available' },
      42,
    ];
    for (const reply of cases) {
      expect((await failure(clientAnswering(reply).generate(input))).code).toBe('malformed');
    }
  });

  it('an error reply keeps its code and message', async () => {
    const e = await failure(clientAnswering({ kind: 'error', code: 'unavailable', message: 'UnknownError: x' }).test());
    expect(e.code).toBe('unavailable');
    expect(e.detail.message).toBe('UnknownError: x');
  });
});

describe('offscreen client without offscreen documents (Firefox)', () => {
  it('is absent, and generating fails with unavailable without connecting anywhere', async () => {
    let connects = 0;
    const env: OffscreenEnv = {
      runtime: {
        connect: () => {
          connects++;
          throw new Error('not reached');
        },
        getURL: (p) => `moz-extension://x/${p}`,
      },
    };
    const client = createOffscreenClient(env);
    expect(await client.status()).toBe('absent');
    expect((await failure(client.generate(input))).code).toBe('unavailable');
    expect((await failure(client.test())).code).toBe('unavailable');
    expect(connects).toBe(0);
  });
});
