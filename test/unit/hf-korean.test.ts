/** The popup's pool of Korean summary requests (lib/pages/popup/hf-korean.ts) over fake ports. */
import { describe, expect, it } from 'vitest';
import type { GenErrorCode } from '../../lib/gen/types';
import type { HfDailyItem } from '../../lib/hf/api';
import { GEN_PORT } from '../../lib/messages';
import {
  createKoreanRunner,
  type KoreanPaper,
  type KoreanState,
  koreanPreview,
  papersToAsk,
} from '../../lib/pages/popup/hf-korean';
import { showSummary } from '../../lib/show-summary';
import { FakePort, fakeSummary } from '../support/fake-gen-port';

const summary = fakeSummary;

const paper = (i: number): KoreanPaper => ({
  arxivId: `2507.${String(i).padStart(5, '0')}`,
  title: `Paper ${i}`,
  abstract: `Abstract ${i}.`,
});
const papers = (n: number) => Array.from({ length: n }, (_, i) => paper(i + 1));

function setup(opts: { now?: () => number } = {}) {
  const ports: FakePort[] = [];
  const states: KoreanState[] = [];
  let maxOpen = 0;
  const open = () => ports.filter((p) => !p.disconnected);
  const runner = createKoreanRunner({
    connect: (name) => {
      const port = new FakePort(name);
      ports.push(port);
      maxOpen = Math.max(maxOpen, open().length);
      return port;
    },
    onChange: (s) => states.push(s),
    ...opts,
  });
  return { runner, ports, states, open, maxOpen: () => maxOpen, last: () => states[states.length - 1] as KoreanState };
}

describe('the Korean summary pool', () => {
  it('asks 3 at a time, each on its own GEN_PORT with the title and abstract, until all are answered', () => {
    const { runner, ports, open, maxOpen, states, last } = setup();
    expect(runner.start(papers(10))).toBe(true);
    expect(open()).toHaveLength(3);
    expect(ports[0]?.name).toBe(GEN_PORT);
    expect(ports[0]?.sent).toEqual([
      { type: 'start', arxivId: '2507.00001', title: 'Paper 1', abstract: 'Abstract 1.', regenerate: false },
    ]);
    // Answer out of order, partials first: a new request opens only when one is answered.
    let turn = 0;
    while (open().length > 0) {
      const live = open();
      const port = live[turn++ % live.length] as FakePort;
      port.reply({ type: 'partial', titleKo: null, sections: [] });
      port.done();
    }
    expect(maxOpen()).toBe(3);
    expect(ports).toHaveLength(10);
    expect(new Set(ports.map((p) => p.arxivId)).size).toBe(10);
    expect(last()).toMatchObject({ running: false, done: 10, total: 10, end: { kind: 'finished' } });
    expect([...last().items.values()].every((i) => i.kind === 'done')).toBe(true);
    // Progress only goes up, one answer at a time.
    const progress = states.map((s) => s.done);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(new Set(progress)).toEqual(new Set([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]));
  });

  it('cancel posts cancel on every open port, disconnects them and asks nothing more', () => {
    const { runner, ports, open, last } = setup();
    runner.start(papers(8));
    ports[1]?.done();
    expect(open()).toHaveLength(3);
    const live = open();
    runner.cancel();
    for (const port of live) {
      expect(port.sent.at(-1)).toEqual({ type: 'cancel' });
      expect(port.disconnected).toBe(true);
    }
    expect(ports).toHaveLength(4);
    expect(last()).toMatchObject({ running: false, done: 1, total: 8, end: { kind: 'cancelled' } });
    // What was answered stays; the unanswered papers have no entry (nothing partial).
    expect([...last().items.keys()]).toEqual(['2507.00002']);
    // A late answer on a cancelled port changes nothing.
    live[0]?.done();
    expect(last().items.size).toBe(1);
    // A new batch asks only what is missing.
    expect(runner.start(papers(8))).toBe(true);
    expect(ports.slice(4).map((p) => p.arxivId)).not.toContain('2507.00002');
    expect(last().total).toBe(7);
  });

  it.each<GenErrorCode>(['badKey', 'forbidden', 'unknownModel', 'unavailable', 'needsDownload', 'notFound', 'offline'])(
    '%s stops the whole batch: the open requests cancelled, nothing more asked',
    (code) => {
      const { runner, ports, open, last } = setup();
      runner.start(papers(50));
      const [first, ...others] = open();
      first?.fail(code);
      for (const port of others) {
        expect(port.sent.at(-1)).toEqual({ type: 'cancel' });
        expect(port.disconnected).toBe(true);
      }
      expect(open()).toHaveLength(0);
      expect(ports).toHaveLength(3);
      expect(last()).toMatchObject({ running: false, end: { kind: 'stopped', code, retryAt: null } });
      expect(last().items.size).toBe(0);
    },
  );

  it('429 stops the batch and no new one starts before its Retry-After', () => {
    let now = 1_000_000;
    const { runner, ports, last } = setup({ now: () => now });
    runner.start(papers(10));
    ports[0]?.done();
    ports[2]?.fail('rateLimited', 30_000);
    expect(last()).toMatchObject({
      running: false,
      done: 1,
      end: { kind: 'stopped', code: 'rateLimited', retryAt: 1_030_000 },
      retryAt: 1_030_000,
    });
    expect(ports).toHaveLength(4);
    now += 29_000;
    expect(runner.start(papers(10))).toBe(false);
    expect(ports).toHaveLength(4);
    now += 1_000;
    expect(runner.start(papers(10))).toBe(true);
    expect(ports).toHaveLength(7);
  });

  it('other errors stay on their paper and the batch goes on', () => {
    const { runner, ports, open, last } = setup();
    runner.start(papers(4));
    ports[0]?.fail('malformed');
    ports[1]?.reply({ type: 'done', summary: summary('2406.99999') }); // someone else's paper: malformed
    ports[2]?.drop(); // the background went away
    expect(open()).toHaveLength(1);
    ports[3]?.done();
    expect(last()).toMatchObject({ running: false, done: 4, total: 4, end: { kind: 'finished' } });
    expect(Object.fromEntries(last().items)).toEqual({
      '2507.00001': { kind: 'error', code: 'malformed' },
      '2507.00002': { kind: 'error', code: 'malformed' },
      '2507.00003': { kind: 'error', code: 'network' },
      '2507.00004': { kind: 'done', summary: summary('2507.00004') },
    });
    // Errors are asked again by the next batch, summaries are not.
    runner.start(papers(4));
    expect(last().total).toBe(3);
  });

  it('a paper with a stored summary or a digest sends nothing', () => {
    const { runner, ports } = setup();
    const item = (i: number, abstract: string | null): HfDailyItem => ({
      arxivId: paper(i).arxivId,
      title: `Paper ${i}`,
      upvotes: 1,
      authors: [],
      aiSummary: null,
      abstract,
      aiKeywords: [],
      githubRepo: null,
      numComments: null,
      publishedAt: null,
      submittedOnDailyAt: null,
    });
    // A list cached before abstracts were kept has none: those are not asked either.
    const old = { ...item(4, null) } as Partial<HfDailyItem>;
    delete old.abstract;
    const items = [item(1, 'A.'), item(2, 'B.'), item(3, 'C.'), old as HfDailyItem];
    const known = new Set([paper(1).arxivId, paper(2).arxivId]);
    expect(papersToAsk(items, known)).toEqual([{ arxivId: '2507.00003', title: 'Paper 3', abstract: 'C.' }]);
    expect(runner.start(papers(2), known)).toBe(false);
    expect(ports).toHaveLength(0);
    runner.start(papers(3), known);
    expect(ports.map((p) => p.arxivId)).toEqual(['2507.00003']);
  });

  it('a connection that cannot be opened is an error on that paper', () => {
    const states: KoreanState[] = [];
    let calls = 0;
    const runner = createKoreanRunner({
      connect: () => {
        calls++;
        throw new Error('Extension context invalidated.');
      },
      onChange: (s) => states.push(s),
    });
    runner.start(papers(5));
    expect(calls).toBe(5);
    expect(states.at(-1)).toMatchObject({ running: false, done: 5, end: { kind: 'finished' } });
  });
});

describe('koreanPreview', () => {
  it("a model's summary: the first sentence is the title, the rest the short summary, markers removed", () => {
    expect(koreanPreview(summary('2507.00001'))).toEqual({
      title: '새로운 옵티마이저를 제안합니다.',
      short: '메모리를 절반으로 줄입니다.',
    });
    const one = summary('2507.00001', {
      sections: summary('2507.00001').sections.map((s, i) =>
        i === 0 ? { ...s, text: '한 문장.', lines: [[{ type: 'text', text: '한 문장.' }]] } : s,
      ),
    });
    expect(koreanPreview(one)).toEqual({ title: '한 문장.', short: '세부 사항입니다.' });
  });

  it("the provider's Korean title when it made one, and a clipped lead", () => {
    const long = '가'.repeat(1000);
    const s = summary('2507.00001', {
      titleKo: '한국어 제목',
      sections: showSummary({
        ...summary('2507.00001'),
        sections: [{ label: '초록 번역', text: long }],
      }).sections,
    });
    const p = koreanPreview(s);
    expect(p.title).toBe('한국어 제목');
    expect(p.short.length).toBeLessThanOrEqual(220);
    expect(p.short.endsWith('…')).toBe(true);
  });
});
