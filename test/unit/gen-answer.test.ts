/**
 * A model's answer → digest sections (lib/gen/answer.ts): the digest's bullets in every spelling models use, clear
 * errors for anything else, untrusted text kept as text, caps, and partial views whose total work stays linear.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Meter } from '../../lib/digest/meter';
import type { Section } from '../../lib/digest/types';
import {
  answerSections,
  MAX_ANSWER_CHARS,
  MAX_SECTION_CHARS,
  MAX_SECTIONS,
  PARTIAL_FINE_CHARS,
  PARTIAL_GROWTH,
  parseAnswer,
  StreamedAnswer,
} from '../../lib/gen/answer';
import { STANDARD_LABELS, standardLabel } from '../../lib/gen/labels';
import { GenError } from '../../lib/gen/types';
import { sectionLabelKey } from '../../lib/section-labels';
import { showSection } from '../../lib/show';

const NEW = '이 논문은 새로운 방법(New Method)을 제안합니다.';
const DETAILS = '트랜스포머(Transformer) 구조를 사용합니다.';
const PERF = 'GSM8K에서 정확도 95%를 달성했습니다.';
const CANONICAL = `- **What's New**: ${NEW}\n- **Technical Details**: ${DETAILS}\n- **Performance Highlights**: ${PERF}`;
const EXPECTED: Section[] = [
  { label: "What's New", text: NEW },
  { label: 'Technical Details', text: DETAILS },
  { label: 'Performance Highlights', text: PERF },
];

function genError(f: () => unknown): GenError {
  try {
    f();
  } catch (e) {
    if (e instanceof GenError) return e;
    throw e;
  }
  throw new Error('no error thrown');
}

describe('parseAnswer: the digest shape in the spellings models use', () => {
  it.each([
    ['the asked-for shape', CANONICAL],
    [
      "upstream's own `***Label***:`",
      `- ***What's New***: ${NEW}\n- ***Technical Details***: ${DETAILS}\n- ***Performance Highlights***: ${PERF}`,
    ],
    ['inside a code fence', `\`\`\`markdown\n${CANONICAL}\n\`\`\``],
    ['after leading prose and before closing prose', `Here is the summary:\n\n${CANONICAL}\n\nI hope this helps!`],
    ['with `*` bullets', CANONICAL.replace(/^- /gm, '* ')],
    ['with `+` and `•` bullets', CANONICAL.replace(/^- /gm, '+ ').replace('+ **Tech', '• **Tech')],
    ['as a numbered list', CANONICAL.replace(/^- /gm, '1. ')],
    [
      'with labels bold up to the colon',
      `- **What's New:** ${NEW}\n- **Technical Details:** ${DETAILS}\n- **Performance Highlights:** ${PERF}`,
    ],
    ['with plain labels', `- What's New: ${NEW}\n- Technical Details: ${DETAILS}\n- Performance Highlights: ${PERF}`],
    [
      'without bullets',
      `**What's New**: ${NEW}\n\n**Technical Details**: ${DETAILS}\n\n**Performance Highlights**: ${PERF}`,
    ],
    [
      'with Korean labels',
      `- **새로운 점**: ${NEW}\n- **기술적 세부사항**: ${DETAILS}\n- **성능 하이라이트**: ${PERF}`,
    ],
    [
      'with Korean labels spaced otherwise',
      `- **새로운점**: ${NEW}\n- **기술적 세부 사항**: ${DETAILS}\n- **성능하이라이트**: ${PERF}`,
    ],
    [
      'with both languages',
      `- **What's New (새로운 점)**: ${NEW}\n- **기술적 세부사항 (Technical Details)**: ${DETAILS}\n- **Performance Highlights**: ${PERF}`,
    ],
    [
      'with a curly apostrophe and a full-width colon',
      `- **What’s New**： ${NEW}\n- **Technical Details**: ${DETAILS}\n- **Performance Highlights**: ${PERF}`,
    ],
    [
      'as headings with the text below',
      `## 새로운 점\n${NEW}\n\n### Technical Details\n${DETAILS}\n\n### Performance Highlights\n${PERF}`,
    ],
    [
      'as label lines with the text below',
      `**What's New**\n${NEW}\n**Technical Details**\n${DETAILS}\n**Performance Highlights**\n${PERF}`,
    ],
    [
      'as headings with a blank line before the text',
      `### What's New\n\n${NEW}\n\n### Technical Details\n\n${DETAILS}\n\n### Performance Highlights\n\n${PERF}\n\nThanks!`,
    ],
    [
      'as bare labelled bullets with the text as a paragraph below',
      `- **What's New**:\n\n${NEW}\n- **Technical Details**:\n${DETAILS}\n- **Performance Highlights**:\n\n  ${PERF}`,
    ],
    [
      'after a <think> block with draft bullets',
      `<think>\n- **What's New**: draft\nmore thinking\n</think>\n${CANONICAL}`,
    ],
    ['with Windows line ends', CANONICAL.replace(/\n/g, '\r\n')],
    ['with a horizontal rule and a title heading', `# Summary\n---\n${CANONICAL}\n---`],
  ])('%s', (_, answer) => {
    expect(parseAnswer(answer)).toEqual(EXPECTED);
  });

  it('keeps nested bullets and continuation lines in their section, one line each', () => {
    const answer = `- **What's New**: ${NEW}\n- **Technical Details**: ${DETAILS}\n  - 인코더(Encoder)\n  - 디코더(Decoder)\n  1) 첫째\n- **Performance Highlights**:\n  ${PERF}`;
    expect(parseAnswer(answer)).toEqual([
      EXPECTED[0],
      { label: 'Technical Details', text: `${DETAILS}\n- 인코더(Encoder)\n- 디코더(Decoder)\n1) 첫째` },
      EXPECTED[2],
    ]);
  });

  it("keeps lines the digest parser reads as media, votes or authors as the section's text", () => {
    const answer = `${CANONICAL}\n![](https://example.com/x.png)\nVote: 12\nAuthors: A, B\n<video src="https://e.com/v.mp4"></video>`;
    const perf = parseAnswer(answer)[2];
    expect(perf?.text).toBe(
      `${PERF}\n![](https://example.com/x.png)\nVote: 12\nAuthors: A, B\n<video src="https://e.com/v.mp4"></video>`,
    );
  });

  it('keeps the first of a repeated label and other labelled bullets as digests do', () => {
    const answer = `${CANONICAL}\n- **What's New**: 반복\n- **Limitations**: 한계가 있습니다.\n- 덧붙임`;
    expect(parseAnswer(answer)).toEqual([
      ...EXPECTED,
      { label: 'Limitations', text: '한계가 있습니다.' },
      { label: null, text: '덧붙임' },
    ]);
  });

  it('maps every label spelling to a label the UI translates', () => {
    for (const l of STANDARD_LABELS) expect(sectionLabelKey(l)).not.toBeNull();
    for (const s of ['새로운 점', '기술적 세부사항', '성능 하이라이트', "WHAT'S NEW", 'Performance  Highlights']) {
      const std = standardLabel(s);
      expect(std).not.toBeNull();
      expect(sectionLabelKey(std as string)).not.toBeNull();
    }
    expect(standardLabel('성능')).toBeNull();
    expect(standardLabel('New')).toBeNull();
  });
});

describe('parseAnswer: anything else is a clear error', () => {
  it.each([[''], ['   \n\t\n']])('no text (%j) is `empty`', (answer) => {
    expect(genError(() => parseAnswer(answer)).code).toBe('empty');
  });

  it('prose is `malformed`, naming the three labels', () => {
    const e = genError(() => parseAnswer('죄송하지만 이 요청은 도와드릴 수 없습니다.'));
    expect(e.code).toBe('malformed');
    expect(e.detail.message).toContain("What's New, Technical Details, Performance Highlights");
  });

  it('two of the three bullets is `malformed`, naming the missing one', () => {
    const e = genError(() => parseAnswer(`- **What's New**: ${NEW}\n- **Technical Details**: ${DETAILS}`));
    expect(e.code).toBe('malformed');
    expect(e.detail.message).toMatch(/Performance Highlights$/);
  });

  it('a label without text is `malformed`', () => {
    const e = genError(() =>
      parseAnswer(`- **What's New**:\n- **Technical Details**: ${DETAILS}\n- **Performance Highlights**: ${PERF}`),
    );
    expect(e.detail.message).toMatch(/What's New$/);
  });

  it('a fenced answer whose fence holds nothing is `malformed`', () => {
    expect(genError(() => parseAnswer('```\n```')).code).toBe('malformed');
  });

  it(`more than ${MAX_ANSWER_CHARS} characters is \`malformed\``, () => {
    const e = genError(() => parseAnswer(CANONICAL + 'x'.repeat(MAX_ANSWER_CHARS)));
    expect(e.code).toBe('malformed');
    expect(e.detail.message).toMatch(/longer than/);
  });
});

describe('answers are untrusted text', () => {
  it('links that are not http(s) never become links; HTML stays text', () => {
    const answer = `- **What's New**: [click](javascript:alert(1)) <img src=x onerror=alert(1)> [ok](https://arxiv.org)\n- **Technical Details**: <script>alert(1)</script>\n- **Performance Highlights**: [d](data:text/html,x)`;
    const sections = parseAnswer(answer);
    const tokens = sections.flatMap((s) => showSection(s).lines.flat());
    const links = tokens.filter((t) => t.type === 'link');
    expect(links).toEqual([{ type: 'link', text: 'ok', href: 'https://arxiv.org' }]);
    expect(sections[1]?.text).toBe('<script>alert(1)</script>');
  });

  it('drops control and bidi-override characters', () => {
    const answer = CANONICAL.replace(NEW, `가\u0000나\u202e다\u0007라\u2066마`);
    expect(parseAnswer(answer)[0]?.text).toBe('가나다라마');
  });

  it(`caps a section at ${MAX_SECTION_CHARS} characters, labels at 60 and sections at ${MAX_SECTIONS}`, () => {
    const extra = Array.from({ length: 20 }, (_, i) => `- **${'L'.repeat(50)}${i}**: x`).join('\n');
    const answer = `${CANONICAL.replace(NEW, '가'.repeat(3 * MAX_SECTION_CHARS))}\n${extra}`;
    const sections = parseAnswer(answer);
    expect(sections).toHaveLength(MAX_SECTIONS);
    expect(sections[0]?.text).toHaveLength(MAX_SECTION_CHARS);
    expect(sections[0]?.text.endsWith('…')).toBe(true);
    for (const s of sections) expect((s.label ?? '').length).toBeLessThanOrEqual(60);
  });

  it('reads hostile shapes with work linear in their size (4× the size: ~4× the characters looked at, not 16×)', () => {
    const shapes = [
      (n: number) => '*'.repeat(n),
      (n: number) => `- **What's New**: ${'('.repeat(n)}`,
      (n: number) => '- '.repeat(n / 2),
      (n: number) => '\n- **새로운 점**:'.repeat(n / 12),
      (n: number) => `- ${'_*:'.repeat(n / 3)}`,
      (n: number) => '<think>\n'.repeat(n / 8),
      (n: number) => '## '.repeat(n / 3),
      (n: number) => "- **What's New**: a\nb\n".repeat(n / 24),
    ];
    const work = (text: string) => {
      const m: Meter = { chars: 0 };
      answerSections(text, m);
      return m.chars;
    };
    // Both sizes stay under MAX_ANSWER_CHARS (longer answers are cut there before parsing).
    for (const shape of shapes) expect(work(shape(200_000)) / work(shape(50_000))).toBeLessThan(4.5);
  });
});

describe('answerSections on any text', () => {
  const fragment = fc.oneof(
    fc.constantFrom(
      '- ',
      '* ',
      '  - ',
      '1. ',
      '**',
      '***',
      ':',
      '：',
      '\n',
      '\n\n',
      '## ',
      '```',
      '<think>',
      '</think>',
    ),
    fc.constantFrom(
      "What's New",
      '새로운 점',
      'Technical Details',
      '기술적 세부사항',
      '성능 하이라이트',
      'Vote: 1',
      '![](x)',
    ),
    fc.string({ maxLength: 8 }),
  );
  it('never throws, and keeps every cap', () => {
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 40 }), (parts) => {
        const sections = answerSections(parts.join(''));
        expect(sections.length).toBeLessThanOrEqual(MAX_SECTIONS);
        for (const s of sections) {
          expect(s.text.length).toBeLessThanOrEqual(MAX_SECTION_CHARS);
          expect((s.label ?? '').length).toBeLessThanOrEqual(60);
          expect(s.text).not.toMatch(/^\s|\s$/);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('StreamedAnswer: partial views while the answer streams', () => {
  it('shows the first words of What’s New within a few characters of them, and the whole answer at the end', () => {
    const seen: Section[][] = [];
    const a = new StreamedAnswer((s) => seen.push(s));
    const prefix = "- **What's New**: ";
    for (const ch of Array.from(prefix)) a.push(ch);
    expect(seen).toEqual([]);
    a.push('이');
    a.push(' ');
    a.push('논');
    expect(seen.at(-1)).toEqual([{ label: "What's New", text: '이 논' }]);
    for (const ch of Array.from(CANONICAL.slice(a.text.length))) a.push(ch);
    expect(a.finish()).toEqual(EXPECTED);
    expect(seen.at(-1)?.map((s) => s.label)).toEqual(STANDARD_LABELS);
  });

  it('never shows a label still being written as text', () => {
    const seen: Section[][] = [];
    const a = new StreamedAnswer((s) => seen.push(s));
    for (const ch of Array.from(CANONICAL)) a.push(ch);
    for (const view of seen) {
      for (const s of view) {
        expect(s.label).not.toBeNull();
        expect(s.text).not.toMatch(/^\*/);
      }
    }
  });

  it('does not report a view that did not change', () => {
    const seen: string[] = [];
    const a = new StreamedAnswer((s) => seen.push(JSON.stringify(s)));
    a.push(`- **What's New**: ${NEW}\n`);
    for (let i = 0; i < 200; i++) a.push('\n');
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('parses at most (PARTIAL_GROWTH + 1) × n characters in all, however the stream is chunked', () => {
    for (const unit of ['가', '\n', '- **새로운 점**: 가\n']) {
      const n = 16 * 1024;
      const a = new StreamedAnswer(() => {});
      const text = unit.repeat(Math.ceil(n / unit.length));
      for (const ch of text) a.push(ch);
      expect(a.work).toBeLessThanOrEqual((PARTIAL_GROWTH + 1) * text.length);
      const b = new StreamedAnswer(() => {});
      const twice = text + text;
      for (const ch of twice) b.push(ch);
      expect(b.work / a.work).toBeLessThan(2.2);
    }
  });

  it(`past ${PARTIAL_FINE_CHARS} characters (no normal answer is that long), refreshes views only as the text doubles`, () => {
    const a = new StreamedAnswer(() => {});
    const text = "- **What's New**: 가\n".repeat(10_000);
    for (let i = 0; i < text.length; i += 64) a.push(text.slice(i, i + 64));
    expect(a.work).toBeLessThanOrEqual((PARTIAL_GROWTH + 1) * PARTIAL_FINE_CHARS + 3 * text.length);
    expect(a.work).toBeLessThan(4 * text.length);
  });

  it(`stops with \`malformed\` past ${MAX_ANSWER_CHARS} characters`, () => {
    const a = new StreamedAnswer();
    a.push('x'.repeat(MAX_ANSWER_CHARS));
    expect(genError(() => a.push('x')).code).toBe('malformed');
  });

  it('without a listener, parses nothing until the end', () => {
    const a = new StreamedAnswer();
    for (const ch of CANONICAL) a.push(ch);
    expect(a.work).toBe(0);
    expect(a.finish()).toEqual(EXPECTED);
  });
});
