/** tokenizeInline: example-based checks of each token kind, unsafe links and unbalanced markers. */
import { describe, expect, it } from 'vitest';
import { tokenizeInline } from '../../lib/digest/inline';

const t = tokenizeInline;

describe('tokenizeInline', () => {
  it('plain text is one text token; empty input gives no tokens', () => {
    expect(t('그냥 문장입니다.')).toEqual([{ type: 'text', text: '그냥 문장입니다.' }]);
    expect(t('')).toEqual([]);
  });

  it('bold, italic (both markers), bold-italic and code', () => {
    expect(t('a **b** *c* _d_ ***e*** ___f___ `g*h*`')).toEqual([
      { type: 'text', text: 'a ' },
      { type: 'bold', text: 'b' },
      { type: 'text', text: ' ' },
      { type: 'italic', text: 'c' },
      { type: 'text', text: ' ' },
      { type: 'italic', text: 'd' },
      { type: 'text', text: ' ' },
      { type: 'bold-italic', text: 'e' },
      { type: 'text', text: ' ' },
      { type: 'bold-italic', text: 'f' },
      { type: 'text', text: ' ' },
      { type: 'code', text: 'g*h*' },
    ]);
  });

  it('http(s) links are links, with brackets allowed in the label', () => {
    expect(t('[GPT-[n]](https://arxiv.org/abs/2502.01081) 참고')).toEqual([
      { type: 'link', text: 'GPT-[n]', href: 'https://arxiv.org/abs/2502.01081' },
      { type: 'text', text: ' 참고' },
    ]);
    expect(t('[x](HTTP://Example.org/a)')).toEqual([{ type: 'link', text: 'x', href: 'HTTP://Example.org/a' }]);
  });

  it('javascript:, data:, relative and other links are plain text (label only)', () => {
    expect(t('[click](javascript:alert(1))')).toEqual([{ type: 'text', text: 'click' }]);
    expect(t('[img](data:text/html;base64,PHNjcmlwdD4=)')).toEqual([{ type: 'text', text: 'img' }]);
    expect(t('[rel](/avatars/a.svg) and [ftp](ftp://x.org)')).toEqual([{ type: 'text', text: 'rel and ftp' }]);
    expect(t('[sp]( JavaScript:void(0) )')).toEqual([{ type: 'text', text: 'sp' }]);
  });

  it('bare http(s) URLs become links without trailing punctuation', () => {
    expect(t('코드: https://github.com/x/y. 끝')).toEqual([
      { type: 'text', text: '코드: ' },
      { type: 'link', text: 'https://github.com/x/y', href: 'https://github.com/x/y' },
      { type: 'text', text: '. 끝' },
    ]);
    expect(t('(https://x.org/a_(b))')[1]).toEqual({
      type: 'link',
      text: 'https://x.org/a_(b)',
      href: 'https://x.org/a_(b)',
    });
    expect(t('javascript:alert(1)')).toEqual([{ type: 'text', text: 'javascript:alert(1)' }]);
  });

  it('math keeps the raw TeX, inline and display', () => {
    expect(t('LLM$\\times$MapReduce')).toEqual([
      { type: 'text', text: 'LLM' },
      { type: 'math', text: '\\times' },
      { type: 'text', text: 'MapReduce' },
    ]);
    expect(t('$$\\sum_i x_i$$')).toEqual([{ type: 'math', text: '\\sum_i x_i' }]);
    expect(t('$\\textit{Trans-LoRA}$:')).toEqual([
      { type: 'math', text: '\\textit{Trans-LoRA}' },
      { type: 'text', text: ':' },
    ]);
  });

  it('money and spaced operators are not math or emphasis', () => {
    expect(t('costs $5 and $10')).toEqual([{ type: 'text', text: 'costs $5 and $10' }]);
    expect(t('2 * 3 * 4')).toEqual([{ type: 'text', text: '2 * 3 * 4' }]);
    expect(t('snake_case_name')).toEqual([{ type: 'text', text: 'snake_case_name' }]);
  });

  it('unbalanced markers stay literal', () => {
    for (const s of ['**open', 'close**', '*a', '`code', '$x', '[label](x.org', '[label]', '***a**', '_a']) {
      expect(t(s), s).toEqual([{ type: 'text', text: s }]);
    }
  });

  it('backslash escapes give the marker literally; other backslashes (LaTeX) are kept', () => {
    expect(t('\\*not italic\\* \\$5')).toEqual([{ type: 'text', text: '*not italic* $5' }]);
    expect(t('\\textbf{x}')).toEqual([{ type: 'text', text: '\\textbf{x}' }]);
  });

  it('a TAB fragment of a lost \\t stays text', () => {
    expect(t('ℬ4\textsuperscript{4}')).toEqual([{ type: 'text', text: 'ℬ4\textsuperscript{4}' }]);
  });
});

describe('tokenizeInline: what a link shows', () => {
  it('a link whose text is a URL or host of another host shows where it goes', () => {
    expect(t('[https://arxiv.org/abs/2406.16793](https://evil.example/x)')).toEqual([
      { type: 'link', text: 'https://evil.example/x', href: 'https://evil.example/x' },
    ]);
    for (const label of [
      'arxiv.org/abs/2406.16793',
      'www.arxiv.org',
      'arXiv.org',
      '**https://arxiv.org**',
      '<arxiv.org>',
    ]) {
      expect(t(`[${label}](https://evil.example)`), label).toEqual([
        { type: 'link', text: 'https://evil.example/', href: 'https://evil.example' },
      ]);
    }
  });

  it('a look-alike host shows in its xn-- form', () => {
    const [link] = t('[https://arxiv.org/abs/1](https://аrxiv.org/abs/1)');
    expect(link).toMatchObject({ type: 'link', text: 'https://xn--rxiv-43d.org/abs/1' });
  });

  it('a URL text of the same host (www. aside), and ordinary text, stay as written', () => {
    expect(t('[https://arxiv.org/abs/1](https://www.arxiv.org/abs/2)')).toEqual([
      { type: 'link', text: 'https://arxiv.org/abs/1', href: 'https://www.arxiv.org/abs/2' },
    ]);
    for (const label of ['코드 저장소', 'GPT-4.5', 'e.g.', 'Fig. 3', 'see https://arxiv.org']) {
      expect(t(`[${label}](https://github.com/x)`), label).toEqual([
        { type: 'link', text: label, href: 'https://github.com/x' },
      ]);
    }
  });
});

describe('tokenizeInline: code spans and bare URLs', () => {
  it('a code span closes at a run of exactly as many backticks', () => {
    expect(t('``a`b``')).toEqual([{ type: 'code', text: 'a`b' }]);
    expect(t('`a``b`')).toEqual([{ type: 'code', text: 'a``b' }]);
    expect(t('```a``')).toEqual([{ type: 'text', text: '```a``' }]);
  });

  it('a bare URL ends at a control character', () => {
    expect(t('https://x.org/a\x01b')).toEqual([
      { type: 'link', text: 'https://x.org/a', href: 'https://x.org/a' },
      { type: 'text', text: '\x01b' },
    ]);
    expect(t('http://\x01')).toEqual([{ type: 'text', text: 'http://\x01' }]);
  });

  it('a bare URL ends where Korean text begins: the particle after it is text, not part of the link', () => {
    expect(t('코드는 https://github.com/VILA-Lab/ATLAS에서 공개됩니다.')).toEqual([
      { type: 'text', text: '코드는 ' },
      { type: 'link', text: 'https://github.com/VILA-Lab/ATLAS', href: 'https://github.com/VILA-Lab/ATLAS' },
      { type: 'text', text: '에서 공개됩니다.' },
    ]);
    expect(t('https://langsplat.github.io에서')[0]).toEqual({
      type: 'link',
      text: 'https://langsplat.github.io',
      href: 'https://langsplat.github.io',
    });
    // A LaTeX \href leftover: the braces are not part of the URL.
    expect(t('https://github.com/hutaiHang/Faster-Diffusion{FasterDiffusion}에서')).toEqual([
      {
        type: 'link',
        text: 'https://github.com/hutaiHang/Faster-Diffusion',
        href: 'https://github.com/hutaiHang/Faster-Diffusion',
      },
      { type: 'text', text: '{FasterDiffusion}에서' },
    ]);
    // A link written as [text](url) keeps its target as written.
    expect(t('[위키](https://ko.wikipedia.org/wiki/서울)')).toEqual([
      { type: 'link', text: '위키', href: 'https://ko.wikipedia.org/wiki/서울' },
    ]);
  });

  it('a bare URL ends at Unicode whitespace too (no-break, ideographic, line separator, BOM)', () => {
    for (const space of ['\u00a0', '\u3000', '\u2028', '\u2003', '\ufeff', '\u0085']) {
      expect(t(`https://x.org/a${space}b`), JSON.stringify(space)).toEqual([
        { type: 'link', text: 'https://x.org/a', href: 'https://x.org/a' },
        { type: 'text', text: `${space}b` },
      ]);
      expect(t(`[a](https://x.org/a${space}b)`), JSON.stringify(space)).toEqual([{ type: 'text', text: 'a' }]);
    }
  });
});
