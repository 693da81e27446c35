/** Validation of Hugging Face API answers (fixtures of the real shape under test/fixtures/hf/). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDailyPapers, parsePaperObject, parsePaperVotes } from '../../lib/hf/answers';
import { dailyPapersUrl, MAX_ABSTRACT, MAX_AI_SUMMARY, paperApiUrl } from '../../lib/hf/api';
import { LOCAL_FIXTURES_DIR } from '../support/shared';

const fixture = (name: string): unknown => JSON.parse(readFileSync(join(LOCAL_FIXTURES_DIR, 'hf', name), 'utf8'));

describe('URLs', () => {
  it('builds the two endpoints and refuses anything else', () => {
    expect(dailyPapersUrl('2025-07-01')).toBe('https://huggingface.co/api/daily_papers?date=2025-07-01');
    expect(paperApiUrl('2406.16793')).toBe('https://huggingface.co/api/papers/2406.16793');
    expect(() => dailyPapersUrl('2025-02-30')).toThrow();
    expect(() => dailyPapersUrl('2025-07-01&x=1')).toThrow();
    expect(() => paperApiUrl('../users')).toThrow();
    expect(() => paperApiUrl('hep-th/9901001')).toThrow();
  });
});

describe('parseDailyPapers', () => {
  it('reads a real-shaped daily list in order', () => {
    const r = parseDailyPapers(fixture('daily-2025-07-01.json'));
    expect(r?.skipped).toBe(0);
    expect(r?.items.map((i) => [i.arxivId, i.upvotes])).toEqual([
      ['2507.00994', 41],
      ['2406.16793', 57],
      ['2507.01006', 17],
      ['2406.18521', 9],
    ]);
    expect(r?.items[0]).toMatchObject({
      title: 'Hidden in Plain Sight: Probing Implicit Reasoning in Multimodal Language Models',
      authors: ['Alice Kim', 'Bo Lee'],
      aiSummary: expect.stringContaining('Probing reveals'),
      abstract: 'Multimodal large language models (MLLMs) are increasingly deployed...',
      aiKeywords: ['multimodal large language models', 'implicit reasoning'],
      githubRepo: 'https://github.com/example/hidden',
      numComments: 2,
      publishedAt: '2025-07-01T17:59:58.000Z',
      submittedOnDailyAt: '2025-07-01T04:12:31.102Z',
    });
    expect(r?.items[1]).toMatchObject({ aiSummary: null, aiKeywords: [], githubRepo: null });
  });

  it('an empty day is an empty list; an error object is not a list', () => {
    expect(parseDailyPapers(fixture('daily-empty.json'))).toEqual({ items: [], skipped: 0 });
    expect(parseDailyPapers(fixture('daily-400.json'))).toBeNull();
    expect(parseDailyPapers('[]')).toBeNull();
  });

  it('drops malformed items and duplicates, never trusting shapes', () => {
    const r = parseDailyPapers(fixture('daily-malformed.json'));
    expect(r?.items.map((i) => i.arxivId)).toEqual(['2507.00001', '2507.00005']);
    expect(r?.skipped).toBe(8);
    const hostile = r?.items[1];
    // Text stays text (rendered as text by the UI); a javascript: link and a bad date are dropped.
    expect(hostile).toMatchObject({
      title: '<img src=x onerror=alert(1)>',
      githubRepo: null,
      aiSummary: 'xy <b>bold</b>',
      authors: ['Real Name'],
      publishedAt: null,
    });
  });

  it('clips long text', () => {
    const item = parsePaperObject({ id: '2507.00001', title: 't', upvotes: 1, ai_summary: 'a'.repeat(10_000) });
    expect(item?.aiSummary).toHaveLength(MAX_AI_SUMMARY);
    const long = parsePaperObject({
      id: '2507.00001',
      title: 't',
      upvotes: 1,
      summary: `x\u0000 ${'a'.repeat(9_000)}`,
    });
    expect(long?.abstract).toHaveLength(MAX_ABSTRACT);
    expect(long?.abstract?.startsWith('x a')).toBe(true);
    expect(parsePaperObject({ id: '2507.00001', title: 't', upvotes: 1, summary: 42 })?.abstract).toBeNull();
  });
});

describe('parsePaperVotes', () => {
  it('reads the upvotes of the paper asked for', () => {
    expect(parsePaperVotes(fixture('paper-2406.16793.json'), '2406.16793')).toBe(123);
  });
  it.each([
    ['an unknown id error object', fixture('paper-unknown.json')],
    ['another paper', { id: '2406.00001', upvotes: 3 }],
    ['a fractional count', { id: '2406.16793', upvotes: 1.5 }],
    ['a string count', { id: '2406.16793', upvotes: '12' }],
    ['an array', []],
  ])('null for %s', (_name, json) => {
    expect(parsePaperVotes(json, '2406.16793')).toBeNull();
  });
});
