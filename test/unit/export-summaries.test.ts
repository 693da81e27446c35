/**
 * Generated summaries in export files (lib/export-format.ts version 2) and in the import merge (lib/db/data-io.ts):
 * validated like every record, merged by creation time, all or nothing with the digests; a version 1 file still
 * imports; the API key never leaves in an export; "clear all data" keeps the summaries, the settings and the key.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { createHandlers } from '../../lib/background/handlers';
import { clearAll, importRecords } from '../../lib/db/data-io';
import { openDigestDb } from '../../lib/db/open';
import { getProviderKey, setProviderKey } from '../../lib/db/provider-key';
import type { DigestDb } from '../../lib/db/schema';
import { getSettings, putSettings } from '../../lib/db/settings-store';
import { listSummaries, putSummary } from '../../lib/db/summaries';
import { englishError } from '../../lib/error-english';
import { buildExport, EXPORT_VERSION, parseExport, serializeExport } from '../../lib/export-format';
import { MAX_SECTION_CHARS } from '../../lib/gen/answer';
import { envelope } from '../../lib/messages';
import type { StoredDigest, StoredPaper, StoredSummary } from '../../lib/records';
import { storedSummary } from '../support/summaries';

const NOW = Date.parse('2025-08-01T00:00:00Z');

/** The English words of a file's refusal ('' when it is accepted). */
const refusal = (text: string) => {
  const r = parseExport(text, NOW);
  return r.ok ? '' : englishError(r.error);
};
const DAY = 86_400_000;

function summary(arxivId: string, over: Partial<StoredSummary> = {}): StoredSummary {
  return storedSummary(arxivId, `Paper ${arxivId}`, {
    sections: [
      { label: "What's New", text: '희소 보상(sparse reward)을 다룹니다. [링크](https://example.org/a)' },
      { label: 'Technical Details', text: '정책 경사를 씁니다.' },
    ],
    createdAt: NOW - 10 * DAY,
    usage: { inputTokens: 812, outputTokens: null },
    ...over,
  });
}

const paper: StoredPaper = {
  arxivId: '2505.04921',
  title: 'A digest paper',
  votes: 3,
  authors: ['Kim'],
  media: null,
  sections: [{ label: "What's New", text: '다이제스트 요약입니다.' }],
  date: '2025-05-09',
  dates: ['2025-05-09'],
};
const day: StoredDigest = {
  date: '2025-05-09',
  path: 'paper_logs/2025/05/09.md',
  paperIds: ['2505.04921'],
  runs: 1,
  diagnostics: [],
  etag: null,
  lastModified: null,
  fetchedAt: Date.parse('2025-05-10T00:00:00Z'),
  bytes: 100,
};

const S1 = summary('2507.00001');
const S2 = summary('2508.00002', {
  titleKo: '한국어 제목',
  provider: 'chrome-ai',
  model: 'chrome-translator',
  promptVersion: 0,
  sections: [{ label: '초록 번역', text: '가'.repeat(MAX_SECTION_CHARS + 500) }],
  usage: null,
});
const file = buildExport([day], [paper], NOW, [S2, S1]);

/** The file's JSON with its first summary changed. */
function withSummary(change: (s: Record<string, unknown>) => void): string {
  const f = structuredClone(file) as unknown as { summaries: Record<string, unknown>[] };
  change(f.summaries[0] as Record<string, unknown>);
  return JSON.stringify(f);
}

describe('export files carry the generated summaries (version 2)', () => {
  it('round-trips them, sorted by id; the on-device translation keeps its long abstract', () => {
    expect(EXPORT_VERSION).toBe(2);
    expect(file.summaries.map((s) => s.arxivId)).toEqual(['2507.00001', '2508.00002']);
    expect(parseExport(serializeExport(file), NOW)).toEqual({ ok: true, file, notes: [] });
  });

  it('a version 1 file (before summaries) still imports, with none', () => {
    const old = { ...structuredClone(file), version: 1 } as Record<string, unknown>;
    delete old.summaries;
    const r = parseExport(JSON.stringify(old), NOW);
    expect(r.ok && r.file.summaries).toEqual([]);
    expect(r.ok && r.file.papers).toEqual([paper]);
  });

  it('a version 2 file without its summaries list is damaged', () => {
    const f = structuredClone(file) as unknown as Record<string, unknown>;
    delete f.summaries;
    expect(refusal(JSON.stringify(f))).toMatch(/^This export file is damaged: summaries/);
  });

  it.each<[string, (s: Record<string, unknown>) => void, RegExp]>([
    ['an unknown provider', (s) => Object.assign(s, { provider: 'none' }), /summaries\[0\]\.provider must be one of/],
    ['a time before 2023', (s) => Object.assign(s, { createdAt: Date.UTC(2022, 11, 31) }), /createdAt/],
    ['a time after tomorrow', (s) => Object.assign(s, { createdAt: NOW + 2 * DAY }), /createdAt/],
    ['no sections', (s) => Object.assign(s, { sections: [] }), /sections must hold 1\.\.8/],
    [
      'more sections than an answer keeps',
      (s) => Object.assign(s, { sections: Array.from({ length: 9 }, () => ({ label: null, text: '가' })) }),
      /sections must hold 1\.\.8/,
    ],
    [
      'a model section longer than an answer keeps',
      (s) => Object.assign(s, { sections: [{ label: null, text: 'x'.repeat(MAX_SECTION_CHARS + 1) }] }),
      /sections\[0\]\.text must be 0\.\.4000 characters/,
    ],
    ['an empty model name', (s) => Object.assign(s, { model: '' }), /model must be 1\.\./],
    ['a negative token count', (s) => Object.assign(s, { usage: { inputTokens: -1, outputTokens: 2 } }), /inputTokens/],
    ['a version id', (s) => Object.assign(s, { arxivId: '2507.00001v2' }), /arxivId/],
    ['a missing title', (s) => Object.assign(s, { title: undefined }), /summaries\[0\]\.title must be a string/],
  ])('refuses the whole file for %s', (_what, change, detail) => {
    expect(parseExport(withSummary(change), NOW)).toMatchObject({ ok: false, error: { code: 'importInvalid' } });
    expect(refusal(withSummary(change))).toMatch(detail);
  });

  it('refuses a summary listed twice', () => {
    const f = structuredClone(file);
    f.summaries.push(structuredClone(S1));
    expect(refusal(JSON.stringify(f))).toMatch(/2507\.00001 occurs twice/);
  });

  it('removes control and bidi characters, as from every model answer, and drops unknown fields', () => {
    const r = parseExport(
      withSummary((s) => {
        Object.assign(s, { title: 'Evil\u202e txt.exe', model: 'gpt\u0007-4o', apiKey: 'sk-leak' });
        (s.sections as { text: string }[])[0] = { text: 'a\r\nb\u2066c', label: null } as never;
      }),
      NOW,
    );
    if (!r.ok) throw new Error(englishError(r.error));
    const s = r.file.summaries[0] as StoredSummary;
    expect([s.title, s.model, s.sections[0]?.text]).toEqual(['Evil txt.exe', 'gpt-4o', 'a\nbc']);
    expect(Object.keys(s)).not.toContain('apiKey');
  });
});

describe('importing summaries (one transaction with the digests)', () => {
  let db: DigestDb;
  beforeEach(async () => {
    globalThis.indexedDB = new IDBFactory();
    db = await openDigestDb();
  });

  it('adds new ones; a stored one is replaced only by one made later', async () => {
    const stored = summary('2507.00001', { model: 'stored-model', createdAt: NOW - 5 * DAY });
    await putSummary(db, stored);
    const older = summary('2507.00001', { model: 'older', createdAt: NOW - 6 * DAY });
    expect(await importRecords(db, [], [], [older, S2])).toEqual({ added: 1, updated: 0 });
    expect((await db.get('summaries', '2507.00001'))?.model).toBe('stored-model');
    expect(await importRecords(db, [], [], [stored])).toEqual({ added: 0, updated: 0 });
    const newer = summary('2507.00001', { model: 'newer', createdAt: NOW - 4 * DAY });
    expect(await importRecords(db, [], [], [newer])).toEqual({ added: 0, updated: 1 });
    expect((await db.get('summaries', '2507.00001'))?.model).toBe('newer');
  });

  it('a summary the database refuses writes nothing else of the file either', async () => {
    const broken = { ...S1, arxivId: undefined } as unknown as StoredSummary; // no key: the put fails
    await expect(importRecords(db, [day], [paper], [broken])).rejects.toThrow();
    expect(await db.count('papers')).toBe(0);
    expect(await db.count('digests')).toBe(0);
    expect(await db.count('summaries')).toBe(0);
  });
});

describe('export, import and clear through the messages', () => {
  let db: DigestDb;
  beforeEach(async () => {
    globalThis.indexedDB = new IDBFactory();
    db = await openDigestDb();
  });
  const handlers = () =>
    createHandlers({
      db: () => db,
      runner: { run: async () => ({}) as never, live: () => ({ running: false, progress: null }), paused: (f) => f() },
      search: async () => ({ papers: [], total: 0 }),
      openTab: async () => undefined,
      now: () => NOW,
    });

  it('an export holds every summary and never the API key', async () => {
    const KEY = 'sk-proj-Zx81SecretKeyValue42';
    await setProviderKey(db, KEY);
    await putSettings(db, { summaryProvider: 'openai' });
    await putSummary(db, S1);
    const { json } = await handlers().exportData({});
    expect(json).not.toContain(KEY);
    expect(json).not.toContain('Value42');
    expect(json).not.toContain('providerKey');
    const parsed = parseExport(json, NOW);
    expect(parsed.ok && parsed.file.summaries).toEqual([S1]);
    // Imported into a fresh database, the summary is back (and no key came with it).
    globalThis.indexedDB = new IDBFactory();
    db = await openDigestDb();
    expect(await handlers().importData({ json })).toMatchObject({ added: 1, updated: 0 });
    expect(await listSummaries(db)).toEqual([S1]);
    expect(await getProviderKey(db)).toBeNull();
  });

  it('"clear all data" deletes what a sync brings back, and keeps the summaries, the settings and the key', async () => {
    await importRecords(db, [day], [paper], [S1]);
    await db.put('meta', { lastSuccess: NOW } as never, 'sync');
    await putSettings(db, { summaryProvider: 'anthropic', autoSummarize: true });
    await setProviderKey(db, 'sk-ant-kept');
    await clearAll(db);
    expect([await db.count('papers'), await db.count('digests'), await db.get('meta', 'sync')]).toEqual([
      0,
      0,
      undefined,
    ]);
    expect(await listSummaries(db)).toEqual([S1]);
    expect(await getSettings(db)).toMatchObject({ summaryProvider: 'anthropic', autoSummarize: true });
    expect(await getProviderKey(db)).toBe('sk-ant-kept');
  });

  it('importData refuses a file with a bad summary and writes nothing', async () => {
    const json = withSummary((s) => Object.assign(s, { provider: 'evil' }));
    const r = await handlers().handleMessage(
      envelope('importData', { json }),
      { id: 'x', url: 'chrome-extension://x/options.html' },
      { extensionId: 'x', extensionOrigin: 'chrome-extension://x/' },
    );
    expect(r).toMatchObject({ ok: false, error: expect.stringContaining('summaries[0].provider') });
    expect([await db.count('papers'), await db.count('summaries')]).toEqual([0, 0]);
  });
});
