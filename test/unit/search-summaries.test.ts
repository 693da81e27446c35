/**
 * Search over the Korean summaries made on the user's side: the linear scan (lib/search/summary-scan.ts), the
 * worker's cache of it (newest 5,000, dropped when summaries change) and the `search` reply that carries them apart
 * from the digest papers.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { createHandlers } from '../../lib/background/handlers';
import { createSearchCache } from '../../lib/background/search-cache';
import { openDigestDb } from '../../lib/db/open';
import type { DigestDb } from '../../lib/db/schema';
import { putSummary } from '../../lib/db/summaries';
import { envelope } from '../../lib/messages';
import type { StoredPaper, StoredSummary } from '../../lib/records';
import { MAX_SCANNED_SUMMARIES, scanSummaries, summaryDoc } from '../../lib/search/summary-scan';
import { storedSummary } from '../support/summaries';

const T = Date.parse('2025-07-01T00:00:00Z');

function summary(arxivId: string, title: string, over: Partial<StoredSummary> = {}): StoredSummary {
  return storedSummary(arxivId, title, {
    sections: [
      { label: "What's New", text: '이 논문은 **멀티모달** 추론 모델(MLLMs)을 제안합니다.' },
      { label: 'Technical Details', text: '정책 최적화를 [설명](https://example.org)합니다.' },
    ],
    createdAt: T,
    ...over,
  });
}

const A = summary('2507.00001', 'Sparse Attention for Long Context', { createdAt: T + 3 });
const B = summary('2507.00002', 'Diffusion Policies', {
  titleKo: '확산 정책',
  provider: 'chrome-ai',
  model: 'chrome-translator',
  sections: [{ label: '초록 번역', text: '로봇 제어를 위한 확산 모델입니다.' }],
  createdAt: T + 2,
});
const C = summary('hep-th/9901001', 'Strings and Branes', { createdAt: T + 1 });
const docs = [A, B, C].map(summaryDoc);
const found = (q: string, limit = 10) => scanSummaries(docs, q, limit).map((s) => s.arxivId);

describe('scanSummaries: the digest search’s query rules over title, Korean title, sections and id', () => {
  it.each([
    ['an English title word, by prefix', 'atten', ['2507.00001']],
    ['a Korean title word', '확산', ['2507.00002']],
    ['a section word with its particle, by prefix', '모델', ['2507.00001', '2507.00002', 'hep-th/9901001']],
    ['a Korean word still being typed (모데 → 모델)', '로봇 모데', ['2507.00002']],
    ['a Latin word inside a longer one (llm in MLLMs)', 'llm', ['2507.00001', 'hep-th/9901001']],
    ['every word must match (AND)', 'sparse 확산', []],
    ['case and accents do not matter', 'SPÁRSE', ['2507.00001']],
    ['a link target is not text', 'example', []],
  ])('%s: %j', (_what, query, ids) => {
    expect(found(query)).toEqual(ids);
  });

  it('finds a summary by its arXiv id (with a version, an arXiv: prefix, a URL, or its start) and ranks it first', () => {
    expect(found('2507.00002v3')).toEqual(['2507.00002']);
    expect(found('arXiv:2507.00002')).toEqual(['2507.00002']);
    expect(found('https://arxiv.org/abs/hep-th/9901001')).toEqual(['hep-th/9901001']);
    expect(found('2507.0000')).toEqual(['2507.00001', '2507.00002']);
    // Every summary says 모델; the one whose id was typed comes first, the rest keep their (newest first) order.
    expect(found('hep-th/9901001 모델')).toEqual(['hep-th/9901001']);
  });

  it('returns at most `limit`, and nothing for an empty query', () => {
    expect(found('모델', 2)).toEqual(['2507.00001', '2507.00002']);
    expect(found('   ')).toEqual([]);
    expect(found('')).toEqual([]);
  });
});

describe('the worker’s search cache keeps the summaries beside the digest index', () => {
  let db: DigestDb;
  beforeEach(async () => {
    globalThis.indexedDB = new IDBFactory();
    db = await openDigestDb();
  });

  it('scans only the newest summaries (5,000 by default)', async () => {
    expect(MAX_SCANNED_SUMMARIES).toBe(5000);
    for (let i = 0; i < 5; i++) {
      await putSummary(db, summary(`2507.1000${i}`, `Sparse model ${i}`, { createdAt: T + i }));
    }
    const cache = createSearchCache(async () => db, { maxSummaries: 3 });
    const r = await cache.search('sparse', 10);
    expect(r.summaries.map((s) => s.arxivId)).toEqual(['2507.10004', '2507.10003', '2507.10002']);
  });

  it('sees a stored or deleted summary once told (invalidateSummaries, or invalidate)', async () => {
    const cache = createSearchCache(async () => db);
    expect((await cache.search('sparse', 10)).summaries).toEqual([]);
    await putSummary(db, A);
    cache.invalidateSummaries();
    expect((await cache.search('sparse', 10)).summaries).toEqual([A]);
    await db.delete('summaries', A.arxivId);
    cache.invalidate();
    expect((await cache.search('sparse', 10)).summaries).toEqual([]);
  });
});

describe('the search message', () => {
  let db: DigestDb;
  beforeEach(async () => {
    globalThis.indexedDB = new IDBFactory();
    db = await openDigestDb();
  });

  it('answers digest papers and, as a list of their own, the matching summaries (tokenized, newest first)', async () => {
    const paper: StoredPaper = {
      arxivId: '2406.00001',
      title: 'Sparse experts',
      votes: 3,
      authors: [],
      media: null,
      sections: [],
      date: '2024-06-25',
      dates: ['2024-06-25'],
    };
    await db.put('papers', paper);
    await putSummary(db, A);
    await putSummary(db, B);
    const cache = createSearchCache(async () => db);
    const h = createHandlers({
      db: () => db,
      runner: { run: async () => ({}) as never, live: () => ({ running: false, progress: null }), paused: (f) => f() },
      search: (q, limit) => cache.search(q, limit),
      openTab: async () => undefined,
      onDataChanged: () => cache.invalidate(),
    });
    const ctx = { extensionId: 'x', extensionOrigin: 'chrome-extension://x/' };
    const page = { id: 'x', url: 'chrome-extension://x/popup.html' };
    const r = await h.handleMessage(envelope('search', { query: 'sparse', limit: 5 }), page, ctx);
    if (!r.ok) throw new Error(r.error);
    const data = r.data as { papers: StoredPaper[]; total: number; summaries: Array<StoredSummary & object> };
    expect(data.papers.map((p) => p.arxivId)).toEqual(['2406.00001']);
    expect(data.total).toBe(1);
    expect(data.summaries.map((s) => s.arxivId)).toEqual(['2507.00001']);
    // Shown like a digest paper: the bold marker and the http(s) link are tokens, never markup.
    expect(data.summaries[0]?.sections[0]).toMatchObject({
      lines: [[{ type: 'text' }, { type: 'bold', text: '멀티모달' }, { type: 'text' }]],
    });
    // Removing it (deleteSummaries) drops it from the next answer.
    await h.handleMessage(envelope('deleteSummaries', { arxivId: '2507.00001' }), page, ctx);
    const after = await h.handleMessage(envelope('search', { query: 'sparse', limit: 5 }), page, ctx);
    expect(after).toMatchObject({ ok: true, data: { summaries: [] } });
  });
});
