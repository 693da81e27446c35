/** Background message handlers over fake-indexeddb: sender and request checks, every message type. */
import 'fake-indexeddb/auto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, type Mock, vi } from 'vitest';
import { createHandlers, type HandlerDeps } from '../../lib/background/handlers';
import { openDigestDb } from '../../lib/db/open';
import { getProviderKey, setProviderKey } from '../../lib/db/provider-key';
import type { DigestDb } from '../../lib/db/schema';
import { getSettings, putSettings } from '../../lib/db/settings-store';
import { putSummary } from '../../lib/db/summaries';
import { writeDays } from '../../lib/db/write-day';
import type { Paper } from '../../lib/digest/types';
import { EXPORT_FORMAT, parseExport } from '../../lib/export-format';
import { CHANNEL, envelope, type SenderInfo } from '../../lib/messages';
import type { ShownPaper, ShownSummary, StoredDigest, StoredPaper } from '../../lib/records';
import { DEFAULT_SOURCE_URL, PRIVILEGED_DEFAULTS } from '../../lib/setting-defaults';
import type { SyncReport } from '../../lib/sync/run';
import { createSyncRunner, type SyncRunner } from '../../lib/sync/runner';
import { miniDays, startCorpusServer, writeMiniTree } from '../support/corpus-server';
import { storedSummary } from '../support/summaries';
import { dayWrite } from '../support/write-day';

const EXT = 'abcdefghijklmnopabcdefghijklmnop';
const CTX = { extensionId: EXT, extensionOrigin: `chrome-extension://${EXT}/` };
const PAGE: SenderInfo = { id: EXT, url: `chrome-extension://${EXT}/popup.html` };
const CONTENT: SenderInfo = {
  id: EXT,
  url: 'https://arxiv.org/abs/2406.00001',
  tab: { id: 3, url: 'https://arxiv.org/abs/2406.00001' },
};

const paper = (arxivId: string, title: string, votes: number | null = 1): Paper => ({
  arxivId,
  title,
  votes,
  authors: ['Kim'],
  media: { kind: 'image', url: `https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/${arxivId}.png` },
  sections: [{ label: null, text: title }],
});

async function day(db: DigestDb, date: string, papers: Paper[]) {
  await writeDays(db, [dayWrite(date, papers)]);
}

let db: DigestDb;
let runner: {
  run: Mock<() => Promise<SyncReport>>;
  live: () => { running: boolean; progress: null };
  paused: Mock<SyncRunner['paused']>;
};
let opened: string[];
let h: ReturnType<typeof createHandlers>;

function make(extra: Partial<HandlerDeps> = {}) {
  return createHandlers({
    db: () => db,
    runner,
    search: async (query, limit) => ({ papers: [], total: query.length + limit }),
    openTab: async (hash) => {
      opened.push(hash);
    },
    estimate: async () => ({ usage: 12345, quota: 999999 }),
    now: () => Date.parse('2025-05-10T00:00:00Z'),
    ...extra,
  });
}

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  db = await openDigestDb();
  await day(db, '2024-06-25', [paper('2406.00001', 'First'), paper('2406.00002', 'Second', null)]);
  await day(db, '2024-06-26', [paper('2406.00002', 'Second again', 8)]);
  let running = false;
  runner = {
    run: vi.fn(async () => {
      running = true;
      return {} as SyncReport;
    }),
    live: () => ({ running, progress: null }),
    // Like the real runner: the running sync is stopped before fn runs.
    paused: vi.fn(async (fn: () => Promise<void>) => {
      running = false;
      await fn();
    }),
  };
  opened = [];
  h = make();
});

const ask = (raw: unknown, sender: SenderInfo = PAGE) => h.handleMessage(raw, sender, CTX);

describe('handleMessage checks', () => {
  it.each([
    ['another extension', { ...PAGE, id: 'other' }],
    ['a web page', { id: EXT, url: 'https://evil.example/', tab: { id: 1 } }],
    ['no url', { id: EXT }],
  ])('refuses %s', async (_n, sender) => {
    expect(await ask(envelope('getPaper', { arxivId: '2406.00001' }), sender as SenderInfo)).toEqual({
      ok: false,
      error: 'sender not allowed',
      code: 'requestRefused',
      params: {},
    });
  });

  it('refuses a content script that asks to clear, import or export, and leaves the data alone', async () => {
    const before = await db.count('papers');
    expect(before).toBeGreaterThan(0);
    for (const type of ['clearData', 'exportData', 'syncNow'] as const) {
      expect(await ask(envelope(type, {}), CONTENT)).toEqual({
        ok: false,
        error: `${type} is not allowed from a content script`,
        code: 'requestRefused',
        params: {},
      });
    }
    expect(await db.count('papers')).toBe(before);
    expect(runner.run).not.toHaveBeenCalled();
    expect(await ask(envelope('clearData', {}), PAGE)).toMatchObject({ ok: true });
    expect(await db.count('papers')).toBe(0);
  });

  it('refuses invalid requests with the validation message', async () => {
    const refused = { code: 'requestRefused', params: {} };
    expect(await ask({ channel: CHANNEL, type: 'getPaper', payload: { arxivId: 'x' } })).toEqual({
      ok: false,
      error: 'getPaper: arxivId must be an arXiv id',
      ...refused,
    });
    expect(await ask({ channel: CHANNEL, type: 'nope', payload: {} })).toMatchObject({ ok: false, ...refused });
    expect(await ask('getPaper')).toEqual({ ok: false, error: 'message must be an object', ...refused });
  });

  it('turns a failing handler into an error reply instead of throwing', async () => {
    h = make({ db: () => Promise.reject(new Error('database is gone')) });
    expect(await ask(envelope('listDates', {}))).toEqual({
      ok: false,
      error: 'database is gone',
      code: 'internal',
      params: { detail: 'Error' },
    });
  });
});

describe('queries', () => {
  it('getPaper from a content script', async () => {
    const r = await ask(envelope('getPaper', { arxivId: '2406.00002' }), CONTENT);
    expect(r).toMatchObject({
      ok: true,
      data: { paper: { title: 'Second again', votes: 8, dates: ['2024-06-26', '2024-06-25'] } },
    });
    expect(await ask(envelope('getPaper', { arxivId: '2406.99999' }))).toEqual({
      ok: true,
      data: {
        paper: null,
        sourceFileUrl: null,
        liveVotes: false,
        summary: null,
        generation: { provider: 'none', model: '', host: null, autoSummarize: false },
      },
    });
  });

  it('getBadges', async () => {
    expect(await ask(envelope('getBadges', { arxivIds: ['2406.00001', '2406.00002', '2406.00003'] }), CONTENT)).toEqual(
      {
        ok: true,
        data: {
          badges: [
            { arxivId: '2406.00001', votes: 1, date: '2024-06-25' },
            { arxivId: '2406.00002', votes: 8, date: '2024-06-26' },
          ],
        },
      },
    );
  });

  it('getDigest, getLatestDigest, listDates', async () => {
    const d = await h.getDigest({ date: '2024-06-25' });
    expect(d.papers.map((p) => p.arxivId)).toEqual(['2406.00001', '2406.00002']);
    expect((await h.getLatestDigest({})).digest?.date).toBe('2024-06-26');
    expect(await h.listDates({})).toEqual({
      days: [
        { date: '2024-06-26', paperCount: 1 },
        { date: '2024-06-25', paperCount: 2 },
      ],
    });
  });

  it('search delegates; openReader opens the tab', async () => {
    expect(await ask(envelope('search', { query: 'abc', limit: 10 }))).toEqual({
      ok: true,
      data: { papers: [], total: 13, summaries: [] },
    });
    expect(await ask(envelope('openReader', { hash: '#/2024-06-25' }), CONTENT)).toEqual({
      ok: true,
      data: { ok: true },
    });
    expect(opened).toEqual(['#/2024-06-25']);
  });

  it('storageInfo', async () => {
    expect(await h.storageInfo({})).toEqual({ bytes: 12345, quota: 999999, paperCount: 2 });
  });
});

describe('papers in replies carry tokens (tokenized here, not in the renderers)', () => {
  const marked: Paper = {
    arxivId: '2406.00003',
    title: '*Marked* title',
    votes: 3,
    authors: [],
    media: null,
    sections: [
      { label: "What's New", text: '**굵게** 설명 [x](javascript:alert(1)) 그리고 $O(n)$. 둘째 문장.' },
      { label: null, text: '첫 줄\n  - [링크](https://example.org/a)' },
    ],
  };
  const tokensOf = (p: ShownPaper) => p.sections.flatMap((s) => s.lines.flat());

  function expectShown(p: ShownPaper | undefined | null) {
    expect(p?.arxivId).toBe('2406.00003');
    const shown = p as ShownPaper;
    // The stored text stays as written (plain-text uses such as search and previews work from it).
    expect(shown.sections.map((s) => s.text)).toEqual(marked.sections.map((s) => s.text));
    const [first, second] = shown.sections;
    expect(first?.lines).toEqual([
      [
        { type: 'bold', text: '굵게' },
        { type: 'text', text: ' 설명 x 그리고 ' },
        { type: 'math', text: 'O(n)' },
        { type: 'text', text: '. 둘째 문장.' },
      ],
    ]);
    expect(second?.lines).toEqual([
      [{ type: 'text', text: '첫 줄' }],
      [
        { type: 'text', text: '  - ' },
        { type: 'link', text: '링크', href: 'https://example.org/a' },
      ],
    ]);
    const links = tokensOf(shown).filter((t) => t.type === 'link');
    expect(links.map((t) => (t.type === 'link' ? t.href : ''))).toEqual(['https://example.org/a']);
    expect(shown.titleTokens).toEqual([
      { type: 'italic', text: 'Marked' },
      { type: 'text', text: ' title' },
    ]);
    expect(shown.lead).toBe('굵게 설명 x 그리고 O(n).');
  }

  beforeEach(async () => {
    await day(db, '2024-06-27', [marked]);
  });

  it('getPaper (from a content script): a bold token, no link token for javascript:', async () => {
    const r = await ask(envelope('getPaper', { arxivId: '2406.00003' }), CONTENT);
    expect(r.ok).toBe(true);
    const p = (r as { data: { paper: ShownPaper | null } }).data.paper;
    expectShown(p);
    expect(tokensOf(p as ShownPaper)).toContainEqual({ type: 'bold', text: '굵게' });
    expect(JSON.stringify(p)).not.toContain('"href":"javascript:');
  });

  it('getDigest, getLatestDigest, search and getHfToday', async () => {
    expectShown((await h.getDigest({ date: '2024-06-27' })).papers[0]);
    expectShown((await h.getLatestDigest({})).papers[0]);
    const stored = (await db.get('papers', '2406.00003')) as StoredPaper;
    h = make({ search: async () => ({ papers: [stored], total: 1 }) });
    const found = await h.search({ query: 'marked', limit: 5 });
    expect(found.total).toBe(1);
    expectShown(found.papers[0]);
    h = make({
      hf: {
        fetch: async () =>
          new Response(JSON.stringify([{ paper: { id: '2406.00003', title: 'x', upvotes: 1, authors: [] } }])),
        online: () => true,
        permitted: async () => true,
      },
    });
    expectShown((await h.getHfToday({})).digestPapers[0]);
  });

  it('stored records and export files keep sections as {label, text}', async () => {
    await h.getPaper({ arxivId: '2406.00003' });
    const stored = (await db.get('papers', '2406.00003')) as StoredPaper;
    expect(stored.sections).toEqual(marked.sections);
    expect(Object.keys(stored)).not.toContain('titleTokens');
    const json = (await h.exportData({})).json;
    expect(json).not.toContain('"lines"');
    expect(json).not.toContain('titleTokens');
    const file = parseExport(json);
    expect(file.ok && file.file.papers.find((p) => p.arxivId === '2406.00003')?.sections).toEqual(marked.sections);
  });
});

describe('sync messages', () => {
  it('getSyncStatus and syncNow (starts the runner, answers at once)', async () => {
    expect((await h.getSyncStatus({})).status).toMatchObject({ running: false, paperCount: 2, digestCount: 2 });
    const r = await h.syncNow({});
    expect(runner.run).toHaveBeenCalledTimes(1);
    expect(r.status.running).toBe(true);
  });

  it('syncNow with a real runner: the status says running until the run is over', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'handlers-'));
    writeMiniTree(dir, miniDays(6, 3));
    const server = await startCorpusServer(dir);
    try {
      const real = createSyncRunner(() => ({ db, fetch: (u, i) => fetch(u, i), baseUrl: server.baseUrl }));
      h = make({ runner: real });
      expect((await h.syncNow({})).status.running).toBe(true);
      await h.syncNow({}); // joins the same run
      await real.run(); // joins it too, and ends with it
      const s = (await h.getSyncStatus({})).status;
      expect(s.running).toBe(false);
      expect(server.stats('paper_logs/papers_list.csv').requests).toBe(1);
      expect(s).toMatchObject({ digestCount: 2 + 6, paperCount: 2 + 6 * 3 - 5, lastError: null, progress: null });
    } finally {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('export, import, clear', () => {
  it('exportData is a valid export file of every record', async () => {
    const { json } = await h.exportData({});
    const parsed = parseExport(json);
    if (!parsed.ok) throw new Error(parsed.error.code);
    expect(parsed.file.exportedAt).toBe('2025-05-10T00:00:00.000Z');
    expect(parsed.file.digests.map((d) => d.date)).toEqual(['2024-06-26', '2024-06-25']);
    expect(parsed.file.papers).toEqual(await db.getAll('papers'));
  });

  it('importData into an empty database restores everything; importing again changes nothing', async () => {
    const { json } = await h.exportData({});
    const before = { papers: await db.getAll('papers'), digests: await db.getAll('digests') };
    globalThis.indexedDB = new IDBFactory();
    db = await openDigestDb();
    expect(await h.importData({ json })).toEqual({ added: 4, updated: 0, notes: [] });
    expect({ papers: await db.getAll('papers'), digests: await db.getAll('digests') }).toEqual(before);
    expect(await h.importData({ json })).toEqual({ added: 0, updated: 0, notes: [] });
  });

  it('importData merges: dates are united, the newer record’s data wins, a tie keeps the stored one', async () => {
    const newer: StoredPaper = {
      ...paper('2406.00001', 'From a newer day', 50),
      date: '2024-07-01',
      dates: ['2024-07-01'],
    };
    const older: StoredPaper = {
      ...paper('2406.00002', 'From an older day', 0),
      date: '2024-06-01',
      dates: ['2024-06-01'],
    };
    const fresh: StoredPaper = { ...paper('2407.00009', 'New'), date: '2024-07-01', dates: ['2024-07-01'] };
    const json = JSON.stringify({
      format: EXPORT_FORMAT,
      version: 1,
      exportedAt: '2025-01-01T00:00:00Z',
      digests: [
        {
          date: '2024-07-01',
          path: 'paper_logs/2024/07/01.md',
          paperIds: ['2406.00001', '2407.00009'],
          runs: 1,
          diagnostics: [],
          etag: null,
          lastModified: null,
          fetchedAt: Date.parse('2024-07-01T12:00:00Z'),
          bytes: 1,
        },
      ],
      papers: [newer, older, fresh],
    });
    expect(await h.importData({ json })).toEqual({ added: 2, updated: 2, notes: [] });
    expect(await db.get('papers', '2406.00001')).toMatchObject({
      title: 'From a newer day',
      date: '2024-07-01',
      dates: ['2024-07-01', '2024-06-25'],
    });
    expect(await db.get('papers', '2406.00002')).toMatchObject({
      title: 'Second again',
      dates: ['2024-06-26', '2024-06-25', '2024-06-01'],
    });
    expect((await h.listDates({})).days.map((d) => d.date)).toEqual(['2024-07-01', '2024-06-26', '2024-06-25']);
  });

  it('importData never shrinks a stored day: a newer record keeps the stored paper ids it lacks', async () => {
    const stored = (await db.get('digests', '2024-06-25')) as StoredDigest;
    expect(stored.paperIds.length).toBeGreaterThan(1);
    const [first] = stored.paperIds as [string];
    const json = JSON.stringify({
      format: EXPORT_FORMAT,
      version: 1,
      exportedAt: '2025-01-01T00:00:00Z',
      digests: [{ ...stored, paperIds: [first], fetchedAt: stored.fetchedAt + 1000 }],
      papers: [await db.get('papers', first)],
    });
    await h.importData({ json });
    const after = (await db.get('digests', '2024-06-25')) as StoredDigest;
    expect(after.fetchedAt).toBe(stored.fetchedAt + 1000);
    expect(new Set(after.paperIds)).toEqual(new Set(stored.paperIds));
    expect((await h.getDigest({ date: '2024-06-25' })).papers).toHaveLength(stored.paperIds.length);
  });

  it('importData stores an older file normalised and says what it changed', async () => {
    const { json } = await h.exportData({});
    const file = JSON.parse(json);
    file.papers[0].media = { kind: 'image', url: 'https://tracker.example.com/p.gif' };
    file.digests[0].paperIds.push(file.digests[0].paperIds[0]);
    globalThis.indexedDB = new IDBFactory();
    db = await openDigestDb();
    expect(await h.importData({ json: JSON.stringify(file) })).toEqual({
      added: 4,
      updated: 0,
      notes: [
        { code: 'mediaDropped', count: 1 },
        { code: 'duplicateIds', count: 1, day: file.digests[0].date },
      ],
    });
    expect((await db.get('papers', file.papers[0].arxivId))?.media).toBeNull();
    expect((await db.get('digests', file.digests[0].date))?.paperIds).toEqual(file.digests[0].paperIds.slice(0, -1));
  });

  it('a file with a day after tomorrow (by the background’s clock) is refused whole', async () => {
    const before = { papers: await db.getAll('papers'), digests: await db.getAll('digests') };
    const { json } = await h.exportData({});
    const file = JSON.parse(json);
    file.digests.push({ ...file.digests[0], date: '2025-05-12', paperIds: [] });
    const r = await ask(envelope('importData', { json: JSON.stringify(file) }));
    expect(r).toMatchObject({ ok: false, code: 'importFarFuture', params: { day: '2025-05-12' } });
    expect(r).toMatchObject({ error: expect.stringContaining('digest day after tomorrow (2025-05-12)') });
    expect({ papers: await db.getAll('papers'), digests: await db.getAll('digests') }).toEqual(before);
    file.digests.at(-1).date = '2025-05-11';
    expect(await h.importData({ json: JSON.stringify(file) })).toMatchObject({ added: 1 });
  });

  it('an invalid import is refused and writes nothing', async () => {
    const before = await db.getAll('papers');
    const r = await ask(
      envelope('importData', { json: '{"format":"arxiv-ko-digest-export","version":1,"digests":5}' }),
    );
    expect(r).toMatchObject({
      ok: false,
      code: 'importInvalid',
      error: expect.stringContaining('damaged: exportedAt'),
    });
    expect(await db.getAll('papers')).toEqual(before);
  });

  it('clearData stops the sync first, deletes every record and starts no sync, and keeps the settings and key', async () => {
    await putSettings(db, { syncIntervalHours: 12 });
    await setProviderKey(db, 'sk-kept-0123456789');
    await h.syncNow({});
    const changed = vi.fn();
    h = make({ onDataChanged: changed });
    const { status } = await h.clearData({});
    expect(runner.paused).toHaveBeenCalledTimes(1);
    expect(runner.run).toHaveBeenCalledTimes(1);
    expect(changed).toHaveBeenCalledTimes(1);
    expect(status).toMatchObject({ running: false, paperCount: 0, digestCount: 0, lastSuccess: null, fileErrors: [] });
    expect(await db.count('files')).toBe(0);
    expect((await db.getAllKeys('meta')).sort()).toEqual(['providerKey', 'settings']);
    expect((await getSettings(db)).syncIntervalHours).toBe(12);
    expect(await getProviderKey(db)).toBe('sk-kept-0123456789');
  });
});

describe('privileged settings (source, interval, Hugging Face features) live in the database', () => {
  const MIRROR = 'https://mirror.example.org/daily_papers_ko/';

  it('are the defaults before anything was saved', async () => {
    expect(await ask(envelope('getSettings', {}))).toEqual({
      ok: true,
      data: { settings: PRIVILEGED_DEFAULTS, apiKeyHint: null },
    });
  });

  it('cannot be read or changed by a content script', async () => {
    for (const raw of [envelope('getSettings', {}), envelope('setSettings', { patch: { sourceUrl: MIRROR } })]) {
      const r = await ask(raw, CONTENT);
      expect(r).toMatchObject({ ok: false, error: expect.stringContaining('not allowed from a content script') });
    }
    expect(await getSettings(db)).toEqual(PRIVILEGED_DEFAULTS);
  });

  it('a page saves a source whose origin is granted; the change is reported once with before and after', async () => {
    const changed = vi.fn();
    h = make({ originPermitted: async (o) => o === 'https://mirror.example.org', onSettingsChanged: changed });
    const r = await ask(
      envelope('setSettings', { patch: { sourceUrl: ' https://Mirror.example.org/daily_papers_ko/' } }),
    );
    expect(r).toMatchObject({ ok: true, data: { settings: { sourceUrl: MIRROR } } });
    expect((await getSettings(db)).sourceUrl).toBe(MIRROR);
    expect(changed).toHaveBeenCalledTimes(1);
    expect(changed.mock.calls[0]?.[0].sourceUrl).toBe(DEFAULT_SOURCE_URL);
    expect(changed.mock.calls[0]?.[1].sourceUrl).toBe(MIRROR);
    // what the panel learns of it: the link to the paper's digest file on the new source, not the source itself
    expect(await ask(envelope('getPaper', { arxivId: '2406.00002' }), CONTENT)).toMatchObject({
      data: { sourceFileUrl: `${MIRROR}paper_logs/2024/06/26.md` },
    });
  });

  it.each([
    [
      'an origin without permission',
      { sourceUrl: 'https://other.example.org/x/' },
      { code: 'noPermission', params: { origin: 'https://other.example.org' } },
    ],
    [
      'an invalid source',
      { sourceUrl: 'http://evil.example/' },
      { code: 'settingsUrl', params: { key: 'sourceUrl', cause: { code: 'sourcePlainHttp', params: {} } } },
    ],
    ['an unknown key', { apiKey: 'x' }, { code: 'settingsUnknown', params: { key: 'apiKey' } }],
    ['an interval out of range', { syncIntervalHours: 0 }, { code: 'settingsHours', params: { min: 1, max: 168 } }],
    [
      'live votes without the huggingface.co permission',
      { hfLiveVotes: true },
      { code: 'noPermission', params: { origin: 'https://huggingface.co' } },
    ],
  ])('refuses %s with its reason as a code and stores nothing', async (_n, patch, problem) => {
    h = make({ originPermitted: async (o) => o === 'https://mirror.example.org' });
    const r = await ask(envelope('setSettings', { patch: patch as never }));
    expect(r).toMatchObject({ ok: false, ...problem });
    expect(await getSettings(db)).toEqual(PRIVILEGED_DEFAULTS);
  });
});

describe('Hugging Face messages', () => {
  const hfList = (ids: string[]) =>
    JSON.stringify(ids.map((id, i) => ({ paper: { id, title: `Paper ${id}`, upvotes: 10 - i, authors: [] } })));
  async function withHf(settings: { daily: boolean; liveVotes: boolean }, permitted = true) {
    await putSettings(db, { hfDaily: settings.daily, hfLiveVotes: settings.liveVotes });
    const fetchMock = vi.fn(async (url: string) => {
      if (url.includes('/api/papers/')) return new Response('{"id":"2406.00001","upvotes":77}', { status: 200 });
      return new Response(hfList(['2505.00001', '2406.00002']), { status: 200 });
    });
    h = make({
      hf: { fetch: fetchMock, online: () => true, permitted: async () => permitted },
    });
    return fetchMock;
  }

  it('getHfToday answers the list with the digest papers among it', async () => {
    await withHf({ daily: true, liveVotes: false });
    const r = await ask(envelope('getHfToday', {}));
    expect(r).toMatchObject({ ok: true, data: { state: 'fresh', list: { date: '2025-05-10' } } });
    const data = (r as { data: { digestPapers: StoredPaper[] } }).data;
    expect(data.digestPapers.map((p) => p.arxivId)).toEqual(['2406.00002']);
  });

  it('getHfToday answers the stored Korean summaries of the list papers without a digest, tokenized', async () => {
    const summary = (arxivId: string) =>
      storedSummary(arxivId, `Paper ${arxivId}`, {
        sections: [{ label: "What's New", text: '**새로운** 방법입니다.' }],
      });
    // 2406.00002 has a digest (the digest is shown), 2406.09999 is not on the list.
    for (const id of ['2505.00001', '2406.00002', '2406.09999']) await putSummary(db, summary(id));
    await withHf({ daily: true, liveVotes: false });
    const r = await ask(envelope('getHfToday', {}));
    const data = (r as { data: { summaries: ShownSummary[] } }).data;
    expect(data.summaries.map((s) => s.arxivId)).toEqual(['2505.00001']);
    expect(data.summaries[0]?.sections[0]?.lines[0]?.[0]).toMatchObject({ type: 'bold', text: '새로운' });
  });

  it('getHfToday without HF access or with the list off asks nothing', async () => {
    expect(await ask(envelope('getHfToday', {}))).toMatchObject({ ok: true, data: { state: 'off', list: null } });
    const f = await withHf({ daily: false, liveVotes: true });
    expect(await ask(envelope('getHfToday', {}))).toMatchObject({ ok: true, data: { state: 'off' } });
    expect(f).not.toHaveBeenCalled();
  });

  it('getLiveVotes from a content script: only when turned on, only for digest papers', async () => {
    let f = await withHf({ daily: true, liveVotes: false });
    expect(await ask(envelope('getLiveVotes', { arxivId: '2406.00001' }), CONTENT)).toEqual({
      ok: true,
      data: { state: 'off', live: null },
    });
    expect(f).not.toHaveBeenCalled();
    f = await withHf({ daily: true, liveVotes: true });
    expect(await ask(envelope('getLiveVotes', { arxivId: '2406.00001' }), CONTENT)).toMatchObject({
      ok: true,
      data: { state: 'fresh', live: { upvotes: 77 } },
    });
    expect(await ask(envelope('getLiveVotes', { arxivId: '2406.99999' }), CONTENT)).toEqual({
      ok: true,
      data: { state: 'unknown', live: null },
    });
    expect(f).toHaveBeenCalledTimes(1);
  });

  it('getLiveVotes without the permission asks nothing', async () => {
    const f = await withHf({ daily: true, liveVotes: true }, false);
    expect(await ask(envelope('getLiveVotes', { arxivId: '2406.00001' }), CONTENT)).toMatchObject({
      data: { state: 'needsPermission', live: null },
    });
    expect(f).not.toHaveBeenCalled();
  });
});

describe('the panel may open the options page and gets the generation errors in a pinned language', () => {
  it('openOptions from a content script opens the options page', async () => {
    const opened = vi.fn(async () => undefined);
    h = make({ openOptions: opened });
    expect(await ask(envelope('openOptions', {}), CONTENT)).toEqual({ ok: true, data: { ok: true } });
    expect(opened).toHaveBeenCalledTimes(1);
  });

  it('getUiStrings carries the gen_error_* strings', async () => {
    const r = await ask(envelope('getUiStrings', { lang: 'ko' }), CONTENT);
    expect(r).toMatchObject({ ok: true, data: { messages: { gen_error_badKey: { message: expect.any(String) } } } });
  });
});
