/**
 * The Korean-summary messages end to end in the background (fake-indexeddb + the loopback model server): the key is
 * stored out of every page's reach and sent only to the configured endpoint; endpoints need their origin granted.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHandlers } from '../../lib/background/handlers';
import { providerFactory } from '../../lib/background/provider-factory';
import { openDigestDb } from '../../lib/db/open';
import type { DigestDb } from '../../lib/db/schema';
import { putSummary } from '../../lib/db/summaries';
import { envelope } from '../../lib/messages';
import { type ModelServer, SAMPLE_MODEL, startModelServer } from '../support/model-server';

const EXT = 'abcdefghijklmnopabcdefghijklmnop';
const CTX = { extensionId: EXT, extensionOrigin: `chrome-extension://${EXT}/` };
const PAGE = { id: EXT, url: `chrome-extension://${EXT}/options.html` };
const CONTENT = {
  id: EXT,
  url: 'https://arxiv.org/abs/2511.01234',
  tab: { id: 3, url: 'https://arxiv.org/abs/2511.01234' },
};
const KEY = 'sk-test-0123456789abcdef';

let server: ModelServer;
let db: DigestDb;
let granted: Set<string>;
beforeAll(async () => {
  server = await startModelServer();
});
afterAll(async () => server?.close());
beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  db = await openDigestDb();
  server.reset();
  granted = new Set([server.origin]);
});

function make() {
  const provider = providerFactory({
    db: async () => db,
    fetch: (u, i) => fetch(u, i),
    online: () => true,
    chromeAi: () => null,
  });
  const h = createHandlers({
    db: () => db,
    runner: {
      run: async () => ({}) as never,
      live: () => ({ running: false, progress: null }),
      paused: async (f) => f(),
    },
    search: async () => ({ papers: [], total: 0 }),
    openTab: async () => undefined,
    originPermitted: async (o) => granted.has(o),
    provider,
  });
  return (raw: unknown, sender: object = PAGE) => h.handleMessage(raw, sender, CTX);
}

describe('summary provider settings and key', () => {
  it('saves an endpoint whose origin is granted, keeps the key out of every answer, and tests it', async () => {
    const ask = make();
    expect(
      await ask(
        envelope('setSettings', {
          patch: {
            summaryProvider: 'openai',
            providerBaseUrl: `${server.openaiBaseUrl}/`,
            providerModel: SAMPLE_MODEL,
          },
        }),
      ),
    ).toMatchObject({ ok: true, data: { settings: { providerBaseUrl: server.openaiBaseUrl } } });
    expect(await ask(envelope('setProviderKey', { key: KEY }))).toEqual({ ok: true, data: { apiKeyHint: '••••cdef' } });
    const settings = await ask(envelope('getSettings', {}));
    expect(JSON.stringify(settings)).not.toContain(KEY);
    expect(settings).toMatchObject({ ok: true, data: { apiKeyHint: '••••cdef' } });
    expect(await ask(envelope('testProvider', {}))).toEqual({ ok: true, data: { ok: true, model: SAMPLE_MODEL } });
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${KEY}`);
    // A content script gets the offer, never the key, and cannot ask for settings or the key.
    const paper = await ask(envelope('getPaper', { arxivId: '2511.01234' }), CONTENT);
    expect(paper).toMatchObject({
      ok: true,
      data: { generation: { provider: 'openai', model: SAMPLE_MODEL, host: new URL(server.origin).host } },
    });
    expect(JSON.stringify(paper)).not.toContain(KEY);
    for (const raw of [
      envelope('getSettings', {}),
      envelope('setProviderKey', { key: 'x' }),
      envelope('testProvider', {}),
    ]) {
      expect(await ask(raw, CONTENT)).toMatchObject({ ok: false });
    }
  });

  it('refuses an endpoint without its origin granted, an http endpoint on the open internet, and a bad key', async () => {
    const ask = make();
    granted.clear();
    for (const patch of [
      { summaryProvider: 'openai' as const },
      { summaryProvider: 'anthropic' as const, providerBaseUrl: 'https://api.anthropic.com/v1' },
      { summaryProvider: 'openai' as const, providerBaseUrl: 'http://models.example.com/v1' },
      { summaryProvider: 'openai' as const, providerBaseUrl: 'https://169.254.169.254/v1' },
    ]) {
      expect(await ask(envelope('setSettings', { patch }))).toMatchObject({ ok: false });
    }
    expect(await ask(envelope('setProviderKey', { key: 'has space' }))).toMatchObject({ ok: false });
    expect(await ask(envelope('getSettings', {}))).toMatchObject({
      data: { settings: { summaryProvider: 'none' }, apiKeyHint: null },
    });
  });

  it('a test with a refused key answers badKey in a code; with no provider, unavailable', async () => {
    const ask = make();
    expect(await ask(envelope('testProvider', {}))).toEqual({ ok: true, data: { ok: false, code: 'unavailable' } });
    await ask(envelope('setSettings', { patch: { summaryProvider: 'openai', providerBaseUrl: server.openaiBaseUrl } }));
    server.enqueue({ kind: 'status', status: 401 });
    expect(await ask(envelope('testProvider', {}))).toEqual({ ok: true, data: { ok: false, code: 'badKey' } });
    expect(server.requests[0]?.headers.authorization).toBeUndefined(); // no key set: no header
  });

  it('lists summaries with the token total and removes one or all', async () => {
    const ask = make();
    const s = (arxivId: string, createdAt: number) => ({
      arxivId,
      title: 'T',
      titleKo: null,
      sections: [{ label: "What's New", text: '새로운 점' }],
      provider: 'openai' as const,
      model: 'm',
      promptVersion: 1,
      createdAt,
      usage: { inputTokens: 10, outputTokens: 5 },
    });
    await putSummary(db, s('2511.00001', 1));
    await putSummary(db, s('2511.00002', 2));
    const list = await ask(envelope('listSummaries', {}));
    expect(list).toMatchObject({
      ok: true,
      data: { usage: { summaries: 2, inputTokens: 20, outputTokens: 10 } },
    });
    expect((list as { data: { summaries: { arxivId: string }[] } }).data.summaries.map((x) => x.arxivId)).toEqual([
      '2511.00002',
      '2511.00001',
    ]);
    expect(await ask(envelope('deleteSummaries', { arxivId: '2511.00001' }))).toEqual({
      ok: true,
      data: { deleted: 1 },
    });
    expect(await ask(envelope('deleteSummaries', { arxivId: null }))).toEqual({ ok: true, data: { deleted: 1 } });
    expect(await ask(envelope('deleteSummaries', { arxivId: null }), CONTENT)).toMatchObject({ ok: false });
  });
});
