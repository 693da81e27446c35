import { describe, expect, it } from 'vitest';
import { englishError } from '../../lib/error-english';
import type { AppError } from '../../lib/errors';
import {
  buildExport,
  EXPORT_FORMAT,
  EXPORT_VERSION,
  exportFileName,
  parseExport,
  serializeExport,
} from '../../lib/export-format';
import type { StoredDigest, StoredPaper } from '../../lib/records';

/** What a refusal says in English; for a damaged record, what is wrong with the field. */
const said = (e: AppError) => englishError(e.code === 'importInvalid' ? e.params.cause : e);

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
    expect(parseExport(serializeExport(good), NOW)).toEqual({ ok: true, file: good, notes: [] });
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
    ['not JSON', '{"format":', 'importNotJson', /./],
    ['empty file', '', 'importNotJson', /./],
    ['an array', '[]', 'importNotExport', /arXiv KO Digest export/],
    ['another format', '{"format":"something-else","version":1}', 'importNotExport', /arXiv KO Digest export/],
    [
      'a newer version',
      mutated((f) => Object.assign(f, { version: 3 })),
      'importVersion',
      /version 3; supported: 1, 2/,
    ],
    ['no version', mutated((f) => Object.assign(f, { version: undefined })), 'importVersion', /supported: 1/],
    ['bad exportedAt', mutated((f) => Object.assign(f, { exportedAt: 'yesterday' })), 'importInvalid', /exportedAt/],
    [
      'papers missing',
      mutated((f) => Object.assign(f, { papers: undefined })),
      'importInvalid',
      /^papers must be an array/,
    ],
    [
      'bad arXiv id',
      mutated((f) => Object.assign(f.papers[0] ?? {}, { arxivId: '2505.04620v2' })),
      'importInvalid',
      /papers\[0\]\.arxivId/,
    ],
    [
      'negative votes',
      mutated((f) => Object.assign(f.papers[1] ?? {}, { votes: -1 })),
      'importInvalid',
      /papers\[1\]\.votes/,
    ],
    [
      'javascript: media',
      mutated((f) => Object.assign(f.papers[1] ?? {}, { media: { kind: 'image', url: 'javascript:alert(1)' } })),
      'importInvalid',
      /papers\[1\]\.media\.url must be an http\(s\) URL/,
    ],
    [
      'unknown media kind',
      mutated((f) => Object.assign(f.papers[1] ?? {}, { media: { kind: 'audio', url: 'https://x.org/a' } })),
      'importInvalid',
      /media\.kind/,
    ],
    [
      'section text not a string',
      mutated((f) => Object.assign(f.papers[0] ?? {}, { sections: [{ label: null, text: 1 }] })),
      'importInvalid',
      /sections\[0\]\.text/,
    ],
    [
      'date not in dates',
      mutated((f) => Object.assign(f.papers[0] ?? {}, { dates: ['2025-05-08'] })),
      'importInvalid',
      /date must be the newest of/,
    ],
    [
      'date not the newest of dates (a later sync would overwrite newer data)',
      mutated((f) => {
        const p = f.papers[0] as StoredPaper;
        Object.assign(p, { dates: [p.date, '2025-05-10'] });
      }),
      'importInvalid',
      /date must be the newest of/,
    ],
    [
      'impossible date',
      mutated((f) => Object.assign(f.digests[0] ?? {}, { date: '2025-02-30' })),
      'importInvalid',
      /digests\[0\]\.date/,
    ],
    [
      'duplicate digest date',
      mutated((f) => f.digests.push(structuredClone(f.digests[0] as StoredDigest))),
      'importInvalid',
      /occurs twice/,
    ],
    [
      'duplicate paper id',
      mutated((f) => f.papers.push(structuredClone(f.papers[0] as StoredPaper))),
      'importInvalid',
      /occurs twice/,
    ],
    [
      'digest lists an absent paper',
      mutated((f) => f.digests[0]?.paperIds.push('2505.05470')),
      'importInvalid',
      /2505\.05470, which is not in papers/,
    ],
    [
      'fractional fetchedAt',
      mutated((f) => Object.assign(f.digests[0] ?? {}, { fetchedAt: 1.5 })),
      'importInvalid',
      /fetchedAt must be an integer/,
    ],
  ])('%s', (_name, text, code, detail) => {
    const r = parseExport(text, NOW);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe(code);
      expect(said(r.error)).toMatch(detail);
    }
  });
});

describe('parseExport refuses days after tomorrow (UTC) and impossible fetch times, naming the day', () => {
  // NOW is 2026-11-29T12:00Z: tomorrow is 2026-11-30, the first refused day 2026-12-01.
  it.each<[string, string, 'importFarFuture' | 'importFetchedAt', string]>([
    [
      'a digest dated after tomorrow',
      mutated((f) => f.digests.push(digest('2026-12-01', []))),
      'importFarFuture',
      '2026-12-01',
    ],
    [
      'a digest in the year 9999',
      mutated((f) => f.digests.push(digest('9999-12-31', []))),
      'importFarFuture',
      '9999-12-31',
    ],
    [
      "a paper's date after tomorrow",
      mutated((f) => Object.assign(f.papers[0] ?? {}, { date: '2099-01-01', dates: ['2099-01-01', '2025-05-09'] })),
      'importFarFuture',
      '2099-01-01',
    ],
    [
      "a far-future day among a paper's dates only",
      mutated((f) => Object.assign(f.papers[0] ?? {}, { dates: ['2025-05-09', '2099-01-01'] })),
      'importFarFuture',
      '2099-01-01',
    ],
    [
      'fetchedAt 0',
      mutated((f) => Object.assign(f.digests[0] ?? {}, { fetchedAt: 0 })),
      'importFetchedAt',
      '2025-05-09',
    ],
    [
      'fetchedAt before 2023',
      mutated((f) => Object.assign(f.digests[1] ?? {}, { fetchedAt: Date.parse('2022-12-31T23:59:59Z') })),
      'importFetchedAt',
      '2025-05-08',
    ],
    [
      'fetchedAt more than a day after now',
      mutated((f) => Object.assign(f.digests[0] ?? {}, { fetchedAt: NOW + 86_400_001 })),
      'importFetchedAt',
      '2025-05-09',
    ],
    [
      'fetchedAt in the year 275760',
      mutated((f) => Object.assign(f.digests[0] ?? {}, { fetchedAt: 8.64e15 })),
      'importFetchedAt',
      '2025-05-09',
    ],
  ])('%s', (_name, text, code, day) => {
    expect(parseExport(text, NOW)).toEqual({ ok: false, error: { code, params: { day } } });
  });

  it.each([
    ['negative', '-5'],
    ['not a number', '"NaN"'],
    ['beyond a double', '1e400'],
  ])('a %s fetchedAt is a damaged record', (_name, raw) => {
    const text = serializeExport(good).replace(/"fetchedAt":\d+/, `"fetchedAt":${raw}`);
    const r = parseExport(text, NOW);
    expect(r).toMatchObject({ ok: false, error: { code: 'importInvalid' } });
    expect(!r.ok && said(r.error)).toMatch(/fetchedAt/);
  });

  it('accepts tomorrow and a fetch time up to a day ahead (clocks and time zones differ a little)', () => {
    const r = parseExport(
      mutated((f) => {
        f.digests.unshift({ ...digest('2026-11-30', ['2505.04921']), fetchedAt: NOW + 86_400_000 });
        const p = f.papers[1] as StoredPaper;
        Object.assign(p, { date: '2026-11-30', dates: ['2026-11-30', p.date] });
      }),
      NOW,
    );
    expect(r).toMatchObject({ ok: true, notes: [] });
    expect(r.ok && r.file.digests[0]?.date).toBe('2026-11-30');
  });

  it('judges "tomorrow" by the clock it is given', () => {
    const text = mutated((f) => f.digests.push(digest('2026-12-01', [])));
    expect(parseExport(text, NOW).ok).toBe(false);
    expect(parseExport(text, NOW + 86_400_000).ok).toBe(true);
  });
});

describe('parseExport normalises what an older export may hold, and says so', () => {
  it('keeps each id of a day once, in its first place, with a note per day', () => {
    const r = parseExport(
      mutated((f) => {
        f.digests[0]?.paperIds.push('2505.04921', '2505.04620', '2505.04921');
        f.digests[1]?.paperIds.push('2505.04620', '2505.04620');
      }),
      NOW,
    );
    expect(r.ok && r.file.digests.map((d) => [d.date, d.paperIds])).toEqual([
      ['2025-05-09', ['2505.04921', '2505.04620']],
      ['2025-05-08', ['2505.04620']],
    ]);
    expect(r.ok && r.notes).toEqual([
      { code: 'duplicateIds', count: 3, day: '2025-05-09' },
      { code: 'duplicateIds', count: 1, day: '2025-05-08' },
    ]);
  });

  it.each([
    ['another host', 'https://tracker.example.com/pixel.png'],
    ['plain http on an allowed host', 'http://cdn-thumbnails.huggingface.co/social-thumbnails/papers/x.png'],
    ['a look-alike host', 'https://cdn-thumbnails.huggingface.co.evil.example/x.png'],
    ['user info', 'https://user@cdn-uploads.huggingface.co/x.mp4'],
  ])('drops media from %s and counts it; the paper is kept', (_name, url) => {
    const r = parseExport(
      mutated((f) => {
        for (const p of f.papers) p.media = { kind: 'video', url };
      }),
      NOW,
    );
    expect(r.ok && r.file.papers.map((p) => [p.arxivId, p.media])).toEqual([
      ['2505.04620', null],
      ['2505.04921', null],
    ]);
    expect(r.ok && r.notes).toEqual([{ code: 'mediaDropped', count: 2 }]);
  });

  it('keeps media on the allowed hosts as they are', () => {
    const r = parseExport(serializeExport(good), NOW);
    expect(r.ok && r.file.papers[1]?.media).toEqual(papers[0]?.media);
    expect(r.ok && r.notes).toEqual([]);
  });
});
