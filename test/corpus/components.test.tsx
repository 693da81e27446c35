// @vitest-environment happy-dom
/**
 * Components over the real corpus (../shared/digest-corpus), parsed with lib/digest/parse.ts: a wide sample of
 * papers (every unusual one and every 12th of the rest) renders as a panel whose sections match the parsed data,
 * with Korean text marked lang="ko", links only to http(s), and no element the digest text could have injected.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { cleanup, render } from '@testing-library/preact';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DigestPanel } from '../../components/DigestPanel';
import { parseDigest } from '../../lib/digest/parse';
import { digestSourceUrl } from '../../lib/links';
import type { ShownPaper } from '../../lib/records';
import { DEFAULT_SOURCE_URL } from '../../lib/settings';
import { showPaper } from '../../lib/show';
import { applyLanguage } from '../support/language';
import { CORPUS_DIR, describeShared, mdFiles } from '../support/shared';

const LOGS = join(CORPUS_DIR, 'paper_logs');

/** Tags the panel itself renders; anything else would have come from digest text. */
const PANEL_TAGS = new Set(
  'SECTION HEADER H2 BUTTON SPAN DIV P DL DT DD UL LI BR STRONG EM CODE A NAV FIGURE FIGCAPTION IMG VIDEO'.split(' '),
);

describeShared('components over the real corpus', () => {
  let papers: ShownPaper[] = [];

  beforeAll(() => {
    applyLanguage('ko');
    for (const file of mdFiles(LOGS)) {
      const parsed = parseDigest(readFileSync(file, 'utf8'), relative(CORPUS_DIR, file));
      const date = parsed.date ?? '';
      for (const p of parsed.papers) papers.push(showPaper({ ...p, date, dates: [date] }));
    }
  });
  afterAll(() => {
    papers = [];
    applyLanguage('auto');
  });

  it('parses the corpus into thousands of papers of every shape', () => {
    expect(papers.length).toBeGreaterThan(4000);
    expect(papers.some((p) => p.votes === null)).toBe(true);
    expect(papers.some((p) => p.media?.kind === 'video')).toBe(true);
    expect(papers.some((p) => p.sections.some((s) => s.label === null && s.text.includes('\n')))).toBe(true);
    expect(papers.some((p) => p.sections.some((s) => s.label === "What's New"))).toBe(true);
  });

  /** Every unusual paper (no votes, video, continuation lines, other labels, markup) and every 12th of the rest. */
  function sample(): ShownPaper[] {
    const standard = new Set(["What's New", 'Technical Details', 'Performance Highlights']);
    return papers.filter(
      (p, i) =>
        i % 12 === 0 ||
        p.votes === null ||
        p.media?.kind === 'video' ||
        p.sections.some(
          (s) => s.text.includes('\n') || (s.label !== null && !standard.has(s.label)) || /[<$`[]/.test(s.text),
        ),
    );
  }

  it('renders a wide sample: sections match the data, Korean text is lang="ko", links are http(s)', () => {
    const known: Record<string, string> = {
      "What's New": '새로운 점',
      'Technical Details': '기술 세부사항',
      'Performance Highlights': '성능 하이라이트',
    };
    let images = 0;
    let videos = 0;
    let anchors = 0;
    const chosen = sample();
    expect(chosen.length).toBeGreaterThan(300);
    for (const paper of chosen) {
      const { container } = render(
        <DigestPanel
          paper={paper}
          sourceFile={digestSourceUrl(DEFAULT_SOURCE_URL, paper.date)}
          collapsed={false}
          onToggle={() => {}}
          online
          autoLoadMedia
          onOpenReader={() => {}}
        />,
      );
      const where = `${paper.date} ${paper.arxivId}`;
      for (const el of container.querySelectorAll('*')) {
        if (!PANEL_TAGS.has(el.tagName)) throw new Error(`${where}: unexpected <${el.tagName}>`);
      }
      for (const a of container.querySelectorAll('a')) {
        if (!/^https?:\/\//.test(a.getAttribute('href') ?? '')) throw new Error(`${where}: link ${a.outerHTML}`);
        anchors++;
      }
      const labelled = paper.sections.filter((s) => s.label !== null);
      const plain = paper.sections.filter((s) => s.label === null);
      const dts = [...container.querySelectorAll('dt')].map((d) => d.textContent);
      expect(dts, where).toEqual(labelled.map((s) => known[s.label as string] ?? (s.label as string).trim()));
      expect(container.querySelectorAll('dd[lang="ko"]').length, where).toBe(labelled.length);
      expect(container.querySelectorAll('ul[lang="ko"] > li').length, where).toBe(plain.length);
      // Continuation lines: one line element per line of the section text.
      const lines = paper.sections.reduce((n, s) => n + s.text.split('\n').length, 0);
      expect(container.querySelectorAll('.akd-line').length, where).toBe(lines);
      expect(container.querySelector('[data-testid="vote-count"]')?.textContent, where).toBe(
        paper.votes === null ? '–' : String(paper.votes),
      );
      images += container.querySelectorAll('img').length;
      videos += container.querySelectorAll('video').length;
      cleanup();
    }
    expect(images).toBeGreaterThan(100);
    expect(videos).toBeGreaterThan(0);
    expect(anchors).toBeGreaterThan(chosen.length * 3);
  });
});
