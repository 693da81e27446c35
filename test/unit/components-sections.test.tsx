// @vitest-environment happy-dom
/**
 * Sections and InlineText: labels in the UI language, inline markdown as elements, and hostile digest text
 * rendered as text only (no script/img elements, no link to anything but http(s)). Sections are tokenized the way
 * the background does it (lib/show.ts `showSection`), then rendered.
 */
import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { InlineText } from '../../components/InlineText';
import { Sections } from '../../components/Sections';
import type { InlineToken, Section } from '../../lib/digest/types';
import { sectionLabel, sectionLabelKey } from '../../lib/section-labels';
import { showSection } from '../../lib/show';
import { applyLanguage } from '../support/language';

/** Sections as the background sends them. */
const shown = (sections: readonly Section[]) => sections.map(showSection);
/** The tokens of one line of text, as the background makes them. */
const tokens = (text: string): InlineToken[] => showSection({ label: null, text }).lines[0] ?? [];

afterEach(() => {
  cleanup();
  applyLanguage('auto');
});

const HOSTILE = [
  '<script>alert(1)</script>',
  '<img src=x onerror="alert(1)">',
  '[x](javascript:alert(1))',
  '[y](JaVaScRiPt:alert(1))',
  '[z](data:text/html,<script>alert(1)</script>)',
  '[w](vbscript:msgbox(1))',
  '<a href="javascript:alert(1)">a</a>',
  '<svg onload=alert(1)></svg><iframe src="https://evil.example/"></iframe>',
  '**<b onmouseover=alert(1)>bold</b>** `<script>x</script>` $<img src=x>$',
];

/** Every element in the container: only these tags may appear, none with an event handler attribute. */
function assertInert(root: Element): void {
  const allowed = new Set(['DIV', 'DL', 'DT', 'DD', 'UL', 'LI', 'SPAN', 'BR', 'STRONG', 'EM', 'CODE', 'A', 'P']);
  for (const el of root.querySelectorAll('*')) {
    expect(allowed.has(el.tagName), el.tagName).toBe(true);
    for (const attr of el.getAttributeNames()) expect(attr.startsWith('on'), `${el.tagName} ${attr}`).toBe(false);
  }
  for (const a of root.querySelectorAll('a')) {
    expect(a.getAttribute('href') ?? '').toMatch(/^https?:\/\//);
    expect(a.getAttribute('rel')).toBe('noopener noreferrer');
    expect(a.getAttribute('target')).toBe('_blank');
  }
}

describe('hostile section text', () => {
  it.each(HOSTILE)('renders %s as text', (text) => {
    const sections: Section[] = [
      { label: "What's New", text },
      { label: null, text: `앞 ${text} 뒤` },
      { label: text, text: '본문' },
    ];
    const { container } = render(<Sections sections={shown(sections)} />);
    assertInert(container);
    expect(container.querySelector('script, img, svg, iframe, b')).toBeNull();
    // Only the bare https URL inside the iframe markup may become a (harmless, http) link.
    if (!text.includes('https://')) expect(container.querySelector('a')).toBeNull();
  });

  it('keeps the visible words of a hostile link label and markup as literal text', () => {
    const { container } = render(
      <Sections sections={shown([{ label: null, text: '<script>alert(1)</script> [x](javascript:alert(1)) 끝' }])} />,
    );
    expect(container.textContent).toBe('<script>alert(1)</script> x 끝');
  });

  it('keeps http(s) links as links (markdown and bare), mixed with hostile ones', () => {
    const { container } = render(
      <Sections
        sections={shown([
          {
            label: null,
            text: '코드: [GitHub](https://github.com/x/y), 데모 https://demo.example.org/a?b=1. 나쁜 [z](javascript:alert(1))',
          },
        ])}
      />,
    );
    assertInert(container);
    expect([...container.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual([
      'https://github.com/x/y',
      'https://demo.example.org/a?b=1',
    ]);
  });
});

describe('InlineText', () => {
  it('renders bold, italic, bold-italic, code and math as elements', () => {
    const { container } = render(
      <InlineText tokens={tokens('**굵게** *기울임* ***둘다*** `code()` $\\mathcal{O}(n)$ 끝')} />,
    );
    expect(container.querySelector('strong')?.textContent).toBe('굵게');
    expect(container.querySelector('em')?.textContent).toBe('기울임');
    expect(container.querySelector('strong > em')?.textContent).toBe('둘다');
    expect(container.querySelector('code')?.textContent).toBe('code()');
    expect(container.querySelector('span.akd-math')?.textContent).toBe('\\mathcal{O}(n)');
  });

  it('leaves dollar amounts and unbalanced markers as text', () => {
    const { container } = render(<InlineText tokens={tokens('비용은 $5 and $10, 2 * 3 아님 **열림')} />);
    expect(container.querySelector('.akd-math, strong, em')).toBeNull();
    expect(container.textContent).toBe('비용은 $5 and $10, 2 * 3 아님 **열림');
  });

  it('announces that links open a new tab', () => {
    applyLanguage('en');
    const { container } = render(<InlineText tokens={tokens('[page](https://example.org/)')} />);
    expect(container.querySelector('a')?.textContent).toBe('page (opens in a new tab)');
    expect(container.querySelector('a .akd-sr')).not.toBeNull();
  });

  it('renders a link token with a non-http(s) href as its text only (defensive re-check)', () => {
    const forged: InlineToken[] = [
      { type: 'link', text: 'x', href: 'javascript:alert(1)' },
      { type: 'link', text: 'y', href: 'data:text/html,<script>alert(1)</script>' },
    ];
    const { container } = render(<InlineText tokens={forged} />);
    expect(container.querySelector('a')).toBeNull();
    expect(container.textContent).toBe('xy');
  });

  it('keeps continuation lines apart, each rendered from its own tokens', () => {
    const { container } = render(<Sections sections={shown([{ label: null, text: '**첫** 줄\n  - 둘째 $x$' }])} />);
    const lines = [...container.querySelectorAll('.akd-line')];
    expect(lines.map((l) => l.textContent)).toEqual(['첫 줄', '  - 둘째 x']);
    expect(lines[0]?.querySelector('strong')?.textContent).toBe('첫');
    expect(lines[1]?.querySelector('br')).not.toBeNull();
    expect(lines[1]?.querySelector('.akd-math')?.textContent).toBe('x');
  });
});

describe('section labels', () => {
  const sections: Section[] = [
    { label: "What's New", text: '새 방법' },
    { label: 'What’s New', text: '곡선 아포스트로피' },
    { label: 'Technical Details', text: '기술' },
    { label: 'Performance Highlights', text: '성능' },
    { label: 'Key Insight', text: '다른 라벨' },
    { label: '주요 기여', text: '한국어 라벨' },
  ];

  it('shows standard labels in English and unknown labels as written (en)', () => {
    applyLanguage('en');
    const { container } = render(<Sections sections={shown(sections)} />);
    expect([...container.querySelectorAll('dt')].map((d) => d.textContent)).toEqual([
      "What's New",
      "What's New",
      'Technical Details',
      'Performance Highlights',
      'Key Insight',
      '주요 기여',
    ]);
  });

  it('shows standard labels in Korean and unknown labels as written (ko)', () => {
    applyLanguage('ko');
    const { container } = render(<Sections sections={shown(sections)} />);
    const dts = [...container.querySelectorAll('dt')];
    expect(dts.map((d) => d.textContent)).toEqual([
      '새로운 점',
      '새로운 점',
      '기술 세부사항',
      '성능 하이라이트',
      'Key Insight',
      '주요 기여',
    ]);
    expect(dts[5]?.getAttribute('lang')).toBe('ko');
    expect(dts[4]?.hasAttribute('lang')).toBe(false);
  });

  it('maps labels case- and spacing-insensitively, and only the three standard ones', () => {
    expect(sectionLabelKey('  what’s   new ')).toBe('common_sectionWhatsNew');
    expect(sectionLabelKey('TECHNICAL DETAILS')).toBe('common_sectionTechnicalDetails');
    expect(sectionLabelKey('Performance Highlight')).toBeNull();
    applyLanguage('ko');
    expect(sectionLabel(' Limitations ')).toBe('Limitations');
  });

  it('keeps mixed labelled and plain sections in file order', () => {
    const { container } = render(
      <Sections
        sections={shown([
          { label: null, text: '첫 요점' },
          { label: "What's New", text: '라벨' },
          { label: null, text: '마지막 요점' },
        ])}
      />,
    );
    const blocks = [...(container.firstElementChild?.children ?? [])].map((e) => e.tagName);
    expect(blocks).toEqual(['UL', 'DL', 'UL']);
  });

  it('every text block carries lang="ko"', () => {
    const { container } = render(<Sections sections={shown([...sections, { label: null, text: '평문' }])} />);
    for (const dd of container.querySelectorAll('dd')) expect(dd.getAttribute('lang')).toBe('ko');
    for (const li of container.querySelectorAll('li')) expect(li.closest('[lang]')?.getAttribute('lang')).toBe('ko');
  });
});
