import { describe, expect, it } from 'vitest';
import {
  buildExport,
  EXPORT_FORMAT,
  EXPORT_VERSION,
  exportFileName,
  parseExport,
  serializeExport,
} from '../../lib/export-format';
import type { StoredDigest, StoredPaper } from '../../lib/records';

const paper = (arxivId: string, date: string, extra: Partial<StoredPaper> = {}): StoredPaper => ({
  arxivId,
  title: `Paper ${arxivId}`,
  votes: 12,
  authors: ['Lanqing Hong', 'Zheng Zhang'],
  media: { kind: 'image', url: `https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/${arxivId}.png` },
  sections: [{ label: "What's New", text: '이 논문은 새로운 방법을 제안합니다.' }],
  date,
  dates: [date],
  ...extra,
});

const digest = (date: string, paperIds: string[]): StoredDigest => ({
  date,
  path: `paper_logs/${date.slice(0, 4)}/${date.slice(5, 7)}/${date.slice(8)}.md`,
  paperIds,
  runs: 1,
  diagnostics: [{ line: 3, message: 'no vote line' }],
  etag: 'W/"abc"',
  lastModified: null,
  fetchedAt: 1_746_800_000_000,
  bytes: 5120,
});

const papers = [paper('2505.04921', '2025-05-09'), paper('2505.04620', '2025-05-09', { votes: null, media: null })];
const digests = [digest('2025-05-08', []), digest('2025-05-09', ['2505.04921', '2505.04620'])];
const NOW = Date.parse('2026-11-29T12:00:00Z');
const good = buildExport(digests, papers, NOW);

/** A good file's JSON with one change applied to a deep copy. */
function mutated(change: (f: Record<string, unknown> & typeof good) => void): string {
  const f = structuredClone(good) as Record<string, unknown> & typeof good;
  change(f);
  return JSON.stringify(f);
}

describe('buildExport / serializeExport / parseExport', () => {
  it('builds a versioned file, newest digest first, papers by id', () => {
    expect(good.format).toBe(EXPORT_FORMAT);
    expect(good.version).toBe(EXPORT_VERSION);
    expect(good.exportedAt).toBe('2026-11-29T12:00:00.000Z');
    expect(good.digests.map((d) => d.date)).toEqual(['2025-05-09', '2025-05-08']);
    expect(good.papers.map((p) => p.arxivId)).toEqual(['2505.04620', '2505.04921']);
  });
  it('round-trips', () => {
    expect(parseExport(serializeExport(good))).toEqual({ ok: true, file: good });
  });
  it('accepts an empty database', () => {
    expect(parseExport(serializeExport(buildExport([], [], NOW))).ok).toBe(true);
  });
  it('drops unknown fields', () => {
    const r = parseExport(
      mutated((f) => {
        (f.papers[0] as unknown as Record<string, unknown>).extra = '<script>';
        f.extra = 1;
      }),
    );
    expect(r.ok && Object.keys(r.file.papers[0] ?? {})).not.toContain('extra');
    expect(r.ok && Object.keys(r.file)).not.toContain('extra');
  });
  it('names the download by date', () => {
    expect(exportFileName(NOW)).toBe('arxiv-ko-digest-2026-11-29.json');
  });
});

describe('parseExport rejects bad files with a clear reason', () => {
  it.each<[string, string, string, RegExp]>([
    ['not JSON', '{"format":', 'notJson', /./],
    ['empty file', '', 'notJson', /./],
    ['an array', '[]', 'notExport', /format/],
    ['another format', '{"format":"something-else","version":1}', 'notExport', /arxiv-ko-digest-export/],
    ['a newer version', mutated((f) => Object.assign(f, { version: 2 })), 'version', /version 2/],
    ['no version', mutated((f) => Object.assign(f, { version: undefined })), 'version', /supported: 1/],
    ['bad exportedAt', mutated((f) => Object.assign(f, { exportedAt: 'yesterday' })), 'invalid', /exportedAt/],
    ['papers missing', mutated((f) => Object.assign(f, { papers: undefined })), 'invalid', /^papers must be an array/],
    [
      'bad arXiv id',
      mutated((f) => Object.assign(f.papers[0] ?? {}, { arxivId: '2505.04620v2' })),
      'invalid',
      /papers\[0\]\.arxivId/,
    ],
    [
      'negative votes',
      mutated((f) => Object.assign(f.papers[1] ?? {}, { votes: -1 })),
      'invalid',
      /papers\[1\]\.votes/,
    ],
    [
      'javascript: media',
      mutated((f) => Object.assign(f.papers[1] ?? {}, { media: { kind: 'image', url: 'javascript:alert(1)' } })),
      'invalid',
      /papers\[1\]\.media\.url must be an http\(s\) URL/,
    ],
    [
      'unknown media kind',
      mutated((f) => Object.assign(f.papers[1] ?? {}, { media: { kind: 'audio', url: 'https://x.org/a' } })),
      'invalid',
      /media\.kind/,
    ],
    [
      'section text not a string',
      mutated((f) => Object.assign(f.papers[0] ?? {}, { sections: [{ label: null, text: 1 }] })),
      'invalid',
      /sections\[0\]\.text/,
    ],
    [
      'date not in dates',
      mutated((f) => Object.assign(f.papers[0] ?? {}, { dates: ['2025-05-08'] })),
      'invalid',
      /date must be the newest of/,
    ],
    [
      'date not the newest of dates (a later sync would overwrite newer data)',
      mutated((f) => {
        const p = f.papers[0] as StoredPaper;
        Object.assign(p, { dates: [p.date, '2099-01-01'] });
      }),
      'invalid',
      /date must be the newest of/,
    ],
    [
      'impossible date',
      mutated((f) => Object.assign(f.digests[0] ?? {}, { date: '2025-02-30' })),
      'invalid',
      /digests\[0\]\.date/,
    ],
    [
      'duplicate digest date',
      mutated((f) => f.digests.push(structuredClone(f.digests[0] as StoredDigest))),
      'invalid',
      /occurs twice/,
    ],
    [
      'duplicate paper id',
      mutated((f) => f.papers.push(structuredClone(f.papers[0] as StoredPaper))),
      'invalid',
      /occurs twice/,
    ],
    [
      'digest lists an absent paper',
      mutated((f) => f.digests[0]?.paperIds.push('2505.05470')),
      'invalid',
      /2505\.05470, which is not in papers/,
    ],
    [
      'fractional fetchedAt',
      mutated((f) => Object.assign(f.digests[0] ?? {}, { fetchedAt: 1.5 })),
      'invalid',
      /fetchedAt must be an integer/,
    ],
  ])('%s', (_name, text, code, detail) => {
    const r = parseExport(text);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.code).toBe(code);
      expect(r.detail).toMatch(detail);
    }
  });
});
