// @vitest-environment happy-dom
// @vitest-environment-options {"settings":{"disableCSSFileLoading":true,"disableJavaScriptFileLoading":true,"handleDisabledFileLoadingAsSuccess":true}}
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { hfPaperIdFromUrl } from '../../lib/hf/page-url.ts';
import {
  absAbstract,
  abstractUnderHeading,
  citationArxivId,
  hfAbstract,
  htmlAbstract,
  listingEntries,
  panelPlace,
  paperText,
  readableText,
  readsAbstract,
  searchEntries,
} from '../../lib/selectors.ts';
import { ARXIV_FIXTURES_DIR, describeShared, LOCAL_FIXTURES_DIR } from '../support/shared.ts';

const LOCAL = join(LOCAL_FIXTURES_DIR, 'arxiv');

function load(dir: string, file: string): Document {
  return new DOMParser().parseFromString(readFileSync(join(dir, file), 'utf8'), 'text/html');
}

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

/** Text as a reader sees it: whitespace collapsed. */
function text(el: Element | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Checks shared by every abs page: the id and the abstract the panel is placed after. */
function expectAbsPage(doc: Document, id: string, abstractStart: string): void {
  expect(citationArxivId(doc)).toBe(id);
  const abstract = absAbstract(doc);
  expect(abstract?.tagName).toBe('BLOCKQUOTE');
  expect(abstract?.parentElement?.id).toBe('abs');
  expect(text(abstract).startsWith(`Abstract:${abstractStart}`)).toBe(true);
  expect(htmlAbstract(doc)).toBeNull();
  expect(listingEntries(doc)).toEqual([]);
  expect(searchEntries(doc)).toEqual([]);
}

describe('selectors on local fixtures', () => {
  it('abs page: unversioned citation id, abstract blockquote', () => {
    const doc = load(LOCAL, 'abs-2407.00101v3.html');
    expectAbsPage(doc, '2407.00101', 'We route each token to a small subset of attention heads');
    expect(absAbstract(doc)?.nextElementSibling?.classList.contains('metatable')).toBe(true);
  });

  it('listing: every entry in page order across sections, including an old-style replacement', () => {
    const doc = load(LOCAL, 'list-cs.CL-new-small.html');
    const entries = listingEntries(doc);
    expect(entries.map((e) => e.id)).toEqual(['2407.00101', '2407.00202', '2407.00303', 'cs/0112017']);
    for (const e of entries) {
      expect(e.dt.tagName).toBe('DT');
      expect(e.dd.tagName).toBe('DD');
      expect(e.dd.previousElementSibling).toBe(e.dt);
      expect(e.anchor.id).toBe(e.id);
      expect(text(e.anchor)).toBe(`arXiv:${e.id}`);
    }
    expect(text(entries[1]?.dd.querySelector('.list-title'))).toBe('Title: A Small Benchmark for Korean Summarisation');
    expect(absAbstract(doc)).toBeNull();
    expect(citationArxivId(doc)).toBeNull();
    expect(searchEntries(doc)).toEqual([]);
  });

  it.each([
    // /list/<cat>/current, /list/<cat>/YYYY-MM, the month form and (same markup, another h2) /list/<cat>/YYYY
    ['list-cs.CL-2024-07.html', ['2407.00101', '2407.00404', '2407.00202']],
    // /catchup/<cat>/<date>: the sections of /new, without abstracts
    ['catchup-cs.CL-2024-07-01.html', ['2407.00101', '2407.00404', '2407.00202']],
  ])('%s: every entry, in page order', (file, ids) => {
    const doc = load(LOCAL, file);
    const entries = listingEntries(doc);
    expect(entries.map((e) => e.id)).toEqual(ids);
    for (const e of entries) {
      expect(e.dd.previousElementSibling).toBe(e.dt);
      expect(e.anchor.id).toBe(e.id);
      expect(e.dd.querySelector('.list-title')).not.toBeNull();
    }
    expect(searchEntries(doc)).toEqual([]);
  });

  it('html paper page: the LaTeXML abstract, not the abs-page one', () => {
    const doc = load(LOCAL, 'html-2407.00101v3.html');
    const abstract = htmlAbstract(doc);
    expect(abstract?.closest('article.ltx_document')).not.toBeNull();
    expect(text(abstract).startsWith('Abstract We route each token to a small subset of attention heads')).toBe(true);
    expect(absAbstract(doc)).toBeNull();
    expect(citationArxivId(doc)).toBeNull();
    expect(listingEntries(doc)).toEqual([]);
  });

  it('search results: one entry per result, versioned links normalised, old-style ids kept', () => {
    const doc = load(LOCAL, 'search-results.html');
    const entries = searchEntries(doc);
    expect(entries.map((e) => e.id)).toEqual(['2407.00101', '2407.00202', 'hep-th/9901001']);
    for (const e of entries) {
      expect(e.item.matches('li.arxiv-result')).toBe(true);
      expect(e.anchor.closest('p.list-title')).not.toBeNull();
      expect(text(e.anchor).startsWith(`arXiv:${e.id}`)).toBe(true);
    }
    expect(text(entries[1]?.anchor)).toBe('arXiv:2407.00202v1');
    expect(listingEntries(doc)).toEqual([]);
    expect(absAbstract(doc)).toBeNull();
  });
});

/** A summary's input as it is sent: whitespace collapsed. */
function paper(doc: Document, kind: 'abs' | 'html') {
  const { title, abstract } = paperText(doc, kind, 100_000);
  return { title: title.replace(/\s+/g, ' ').trim(), abstract: abstract.replace(/\s+/g, ' ').trim() };
}

describe('the title and abstract a summary is made from', () => {
  it('abs page: without the "Title:" and "Abstract:" descriptors, TeX as written', () => {
    expect(paper(load(LOCAL, 'abs-2407.00101v3.html'), 'abs')).toEqual({
      title: 'Sparse Token Routing for Long-Context Decoders',
      abstract:
        'We route each token to a small subset of attention heads chosen by a learned $k$-sparse gate, so that ' +
        'decoding cost grows with $k$ rather than with the number of heads. On long-context benchmarks the routed ' +
        'decoder keeps its accuracy while using a third of the attention compute.',
    });
  });

  it('html paper page: MathML read as its TeX (once), the "Abstract" heading left out', () => {
    expect(paper(load(LOCAL, 'html-2407.00101v3.html'), 'html')).toEqual({
      title: 'Sparse Token Routing for Long-Context Decoders',
      abstract:
        'We route each token to a small subset of attention heads chosen by a learned $k$-sparse gate, so that ' +
        'decoding cost grows with $k$ rather than with the number of heads.',
    });
  });

  it('an abs page after MathJax 2 typeset it: each formula once, from its TeX source', () => {
    const doc = parse(`<div id="abs"><h1 class="title mathjax"><span class="descriptor">Title:</span>Cheap
      <span class="MathJax_Preview">O(n)</span><span class="MathJax" role="presentation"><nobr><span class="math">
      <span class="mi">O</span>(<span class="mi">n</span>)</span></nobr><span class="MJX_Assistive_MathML">
      <math><mi>O</mi><mo>(</mo><mi>n</mi><mo>)</mo></math></span></span><script type="math/tex">O(n)</script>
      attention</h1><blockquote class="abstract mathjax"><span class="descriptor">Abstract:</span>Each step costs
      <span class="MathJax_Preview"></span><div class="MathJax_Display"><span class="MathJax">x²</span></div>
      <script type="math/tex; mode=display">x^2</script> at most.<script>track()</script><style>p{}</style>
      </blockquote></div>`);
    expect(paper(doc, 'abs')).toEqual({ title: 'Cheap $O(n)$ attention', abstract: 'Each step costs $x^2$ at most.' });
  });

  it('html paper page: title footnotes (LaTeXML thanks) left out', () => {
    const doc = parse(`<article class="ltx_document"><h1 class="ltx_title ltx_title_document">Small Models
      <span class="ltx_note ltx_role_thanks"><sup class="ltx_note_mark">†</sup><span class="ltx_note_outer">
      <span class="ltx_note_content">Work done at a lab.</span></span></span></h1>
      <div class="ltx_abstract"><h6 class="ltx_title ltx_title_abstract">Abstract</h6><p class="ltx_p">Short.</p></div>
      </article>`);
    expect(paper(doc, 'html')).toEqual({ title: 'Small Models', abstract: 'Short.' });
  });

  it("'' for what the page does not have", () => {
    expect(paperText(parse('<p>nothing</p>'), 'abs', 100)).toEqual({ title: '', abstract: '' });
    expect(paperText(parse('<p>nothing</p>'), 'html', 100)).toEqual({ title: '', abstract: '' });
  });

  it('stops reading at the cap: a huge abstract costs what the cap does, not its size', () => {
    const words = (n: number) => `<blockquote class="abstract">${'<span>word </span>'.repeat(n)}</blockquote>`;
    const looked = (n: number) => {
      const doc = parse(`<div id="abs">${words(n)}</div>`);
      const spy = vi.spyOn(doc.defaultView?.Element.prototype ?? Element.prototype, 'matches');
      const text = readableText(absAbstract(doc) as HTMLElement, 100);
      const calls = spy.mock.calls.length;
      spy.mockRestore();
      expect(text).toBe('word '.repeat(20));
      return calls;
    };
    expect(looked(20_000)).toBe(looked(40));
  });
});

/** Where the panel goes, and what the chain link that found it was. */
function place(doc: Document, kind: 'abs' | 'html') {
  const p = panelPlace(doc, kind);
  return { by: p.by, at: p.at, anchor: p.anchor };
}

describe('where the panel goes (panelPlace): abstract, "Abstract" heading, the paper\'s container, the body', () => {
  it('abs page: right after the abstract blockquote', () => {
    const doc = load(LOCAL, 'abs-2407.00101v3.html');
    expect(place(doc, 'abs')).toEqual({ by: 'abstract', at: 'after', anchor: absAbstract(doc) });
  });

  it('LaTeXML paper: right after .ltx_abstract', () => {
    const doc = load(LOCAL, 'html-2407.00101v3.html');
    expect(place(doc, 'html')).toEqual({ by: 'abstract', at: 'after', anchor: htmlAbstract(doc) });
  });

  it('paper without ltx_abstract (latexml-oxide): after the last paragraph under the "Abstract" heading', () => {
    const doc = load(LOCAL, 'html-2407.00101v4-no-ltx-abstract.html');
    expect(htmlAbstract(doc)).toBeNull();
    const p = place(doc, 'html');
    expect(p).toMatchObject({ by: 'heading', at: 'after' });
    expect(p.anchor.id).toBe('abstract.p2');
    expect(paper(doc, 'html')).toEqual({
      title: 'Sparse Token Routing for Long-Context Decoders',
      abstract:
        'We route each token to a small subset of attention heads chosen by a learned $k$-sparse gate, so that ' +
        'decoding cost grows with $k$ rather than with the number of heads. Code is released with the paper.',
    });
  });

  it('paper with neither: at the top of the article; the title from its h1, no abstract text', () => {
    const doc = load(LOCAL, 'html-2407.00101v5-no-abstract-anchor.html');
    expect(place(doc, 'html')).toEqual({ by: 'container', at: 'first', anchor: doc.querySelector('article') });
    expect(paper(doc, 'html')).toEqual({ title: 'Sparse Token Routing for Long-Context Decoders', abstract: '' });
  });

  it.each([
    ['html', '<main><p>x</p></main>', 'main'],
    ['abs', '<main><div id="content"><div id="abs"><h1 class="title">T</h1></div></div></main>', '#abs'],
    ['abs', '<main><div id="content"><p>x</p></div></main>', 'main'],
    ['abs', '<div id="content"><p>x</p></div>', '#content'],
  ] as const)('%s page without an abstract: at the top of %j → %s', (kind, html, selector) => {
    const doc = parse(html);
    expect(place(doc, kind)).toEqual({ by: 'container', at: 'first', anchor: doc.querySelector(selector) });
  });

  it.each(['abs', 'html'] as const)('%s page with nothing of the paper: at the top of the body', (kind) => {
    const doc = parse('<div class="page"><p>Some text.</p></div>');
    expect(place(doc, kind)).toEqual({ by: 'page', at: 'first', anchor: doc.body });
  });

  it('abs page without blockquote.abstract: after the text under an "Abstract:" heading', () => {
    const doc = parse(`<main><div id="abs"><h1 class="title">T</h1><h2>Abstract:</h2>
      <p id="a">The paper.</p><div class="metatable">x</div></div></main>`);
    // The metatable is a block too: nothing marks where an abstract without its own element ends but a heading.
    expect(place(doc, 'abs')).toMatchObject({ by: 'heading', at: 'after' });
    expect(paper(doc, 'abs')).toEqual({ title: 'T', abstract: 'The paper. x' });
  });

  it('the first blockquote.abstract outside #abs when #abs has none', () => {
    const doc = parse('<div class="x"><blockquote class="abstract">A.</blockquote></div>');
    expect(place(doc, 'abs')).toMatchObject({ by: 'abstract', anchor: doc.querySelector('blockquote') });
  });
});

describe('the "Abstract" heading rule', () => {
  it.each([
    ['<h2>Abstract</h2>', true],
    ['<h6 class="ltx_title ltx_title_abstract">Abstract</h6>', true],
    ['<h2>  ABSTRACT: </h2>', true],
    ['<h3>abstract.</h3>', true],
    ['<h2><span>Abs</span>tract</h2>', true],
    ['<h2>\n  Abstract\n</h2>', true],
    ['<h2>1 Abstract</h2>', false],
    ['<h2>Abstracts</h2>', false],
    ['<h2>Graphical abstract</h2>', false],
    ['<h2>초록</h2>', false],
    ['<h2>Abstract of the talk</h2>', false],
    ['<h2>Abstract\n  <span>and keywords</span></h2>', false],
  ])('%s → %s', (html, expected) => {
    expect(readsAbstract(parse(html).querySelector('h2,h3,h6') as Element)).toBe(expected);
  });

  it.each([
    ['a section: the paragraphs up to its end', '<section><h2>Abstract</h2><p>A</p><p>B</p></section><p>C</p>', 'AB'],
    ['flat: up to the next heading', '<article><h2>Abstract</h2><p>A</p><h2>1 Intro</h2><p>C</p></article>', 'A'],
    ['flat: up to the next section', '<main><h2>Abstract</h2><p>A</p><section><p>C</p></section></main>', 'A'],
    ['a heading in a header: looked past', '<section><header><h2>Abstract</h2></header><p>A</p></section>', 'A'],
    ['nothing after the heading', '<main><h2>Abstract</h2><section><h2>1</h2></section></main>', ''],
    ['a block holding a heading ends it', '<main><h2>Abstract</h2><p>A</p><div><h3>x</h3></div></main>', 'A'],
  ])('%s', (_name, html, expected) => {
    const found = abstractUnderHeading(parse(html));
    expect(found?.heading.textContent).toBe('Abstract');
    expect(found?.blocks.map((b) => b.textContent).join('')).toBe(expected);
  });

  it('takes at most 8 blocks: a page without headings after "Abstract" does not give the whole paper', () => {
    const found = abstractUnderHeading(parse(`<div><h2>Abstract</h2>${'<p>x</p>'.repeat(50)}</div>`));
    expect(found?.blocks).toHaveLength(8);
  });

  it('with a heading and nothing after it, the panel goes right after the heading', () => {
    const doc = parse('<main><h2 id="h">Abstract</h2><section><h2>1 Intro</h2></section></main>');
    expect(place(doc, 'html')).toEqual({ by: 'heading', at: 'after', anchor: doc.getElementById('h') });
  });
});

describe('selectors on inline edge cases', () => {
  it('listing skips a dt without an abs link or without a following dd', () => {
    const doc = parse(`<dl id="articles">
      <dt><a href="/abs/2406.16793">arXiv:2406.16793</a></dt>
      <dt><a href="/pdf/2406.18521">pdf only</a></dt><dd>no abs link above</dd>
      <dt><a href="/abs/2406.18495">no dd after me</a></dt>
      <dt><a name="item9">[9]</a> <a href="/abs/2406.18082v2" title="Abstract">arXiv:2406.18082</a></dt><dd>ok</dd>
    </dl>`);
    expect(listingEntries(doc).map((e) => [e.id, text(e.dd)])).toEqual([['2406.18082', 'ok']]);
  });

  it('abs abstract is the one inside #abs, not an earlier blockquote (e.g. an announcement)', () => {
    const doc = parse(`<div class="column"><blockquote class="abstract">Site news</blockquote></div>
      <div id="abs"><h1 class="title"><span class="descriptor">Title:</span>T</h1>
      <blockquote class="abstract mathjax"><span class="descriptor">Abstract:</span>The paper.</blockquote></div>`);
    expect(text(absAbstract(doc))).toBe('Abstract:The paper.');
  });

  it('one listing entry per dt even if it links to /abs/ twice', () => {
    const doc = parse(`<dl><dt><a href="/abs/2406.16793" id="2406.16793">arXiv:2406.16793</a>
      <a href="/abs/2406.16793v2">v2</a></dt><dd>x</dd></dl>`);
    expect(listingEntries(doc).map((e) => [e.id, e.anchor.textContent])).toEqual([['2406.16793', 'arXiv:2406.16793']]);
  });

  it('ignores an invalid citation id', () => {
    expect(citationArxivId(parse('<meta name="citation_arxiv_id" content="2413.00001">'))).toBeNull();
  });

  it('strips a version from a citation id if arXiv ever sends one', () => {
    expect(citationArxivId(parse('<meta name="citation_arxiv_id" content="2406.16793v2">'))).toBe('2406.16793');
  });

  it('search ignores results whose title link is not an abs link', () => {
    const doc = parse(`<ol>
      <li class="arxiv-result"><p class="list-title"><a href="https://arxiv.org/pdf/2406.16793">pdf</a></p></li>
      <li class="arxiv-result"><p class="list-title"><a href="https://evil.example/abs/2406.18521">x</a></p></li>
    </ol>`);
    expect(searchEntries(doc)).toEqual([]);
  });
});

describeShared('selectors on the shared arXiv fixtures', () => {
  it.each([
    ['abs-2406.16793.html', '2406.16793', 'We present Adam-mini, an optimizer that matches or beats AdamW'],
    ['abs-2406.16793v2.html', '2406.16793', 'We present Adam-mini, an optimizer that matches or beats AdamW'],
    [
      'abs-2406.18521.html',
      '2406.18521',
      'Multimodal large language models (MLLMs) are increasingly used to read charts',
    ],
    [
      'abs-2501.00001-notindigest.html',
      '2501.00001',
      'Vision transformers spend most of their compute on image regions',
    ],
    ['abs-hep-th-9901001.html', 'hep-th/9901001', 'We sketch a framework in which'],
  ])('%s → %s', (file, id, abstractStart) => {
    expectAbsPage(load(ARXIV_FIXTURES_DIR, file), id, abstractStart);
  });

  it('cs.CL/new listing yields the 6 README ids in page order, each dt paired with its dd', () => {
    const entries = listingEntries(load(ARXIV_FIXTURES_DIR, 'list-cs.CL-new.html'));
    expect(entries.map((e) => e.id)).toEqual([
      '2406.18521',
      '2406.18495',
      '2406.18082',
      '2406.16793',
      '2406.17565',
      '2501.00001',
    ]);
    for (const e of entries) {
      expect(e.dd.previousElementSibling).toBe(e.dt);
      expect(e.anchor.id).toBe(e.id);
      expect(e.dd.querySelector('.list-title')).not.toBeNull();
    }
    expect(text(entries[0]?.dd.querySelector('.list-title'))).toContain('CharXiv');
    expect(text(entries[1]?.dd.querySelector('.list-title'))).toContain('WildGuard');
    expect(text(entries[3]?.dd.querySelector('.list-title'))).toContain('Adam-mini');
  });

  it.each([
    ['abs-2406.16793.html', 'abs'],
    ['abs-2406.16793v2.html', 'abs'],
    ['abs-2406.18521.html', 'abs'],
    ['abs-2501.00001-notindigest.html', 'abs'],
    ['abs-hep-th-9901001.html', 'abs'],
    ['html-2406.16793v1.html', 'html'],
  ] as const)(
    '%s: the title is the citation title (or the document title), the abstract the page one',
    (file, kind) => {
      const doc = load(ARXIV_FIXTURES_DIR, file);
      const got = paper(doc, kind);
      const cited = doc.querySelector('meta[name="citation_title"]')?.getAttribute('content');
      expect(got.title).toBe(cited ?? doc.title);
      const shown = text(kind === 'abs' ? absAbstract(doc) : htmlAbstract(doc)).replace(/^Abstract:? ?/, '');
      expect(got.abstract.length).toBeGreaterThan(200);
      // Without MathML the text is what the page shows; with it, each formula once as TeX.
      if (kind === 'abs') expect(got.abstract).toBe(shown);
      else expect(got.abstract).toContain('second-moment vector $v$, which keeps');
    },
  );

  it.each([
    ['abs-2406.16793.html', 'abs'],
    ['abs-2406.18521.html', 'abs'],
    ['abs-hep-th-9901001.html', 'abs'],
    ['html-2406.16793v1.html', 'html'],
  ] as const)('%s: the panel goes right after the abstract (the first link of the chain)', (file, kind) => {
    const doc = load(ARXIV_FIXTURES_DIR, file);
    const p = panelPlace(doc, kind);
    expect(p).toMatchObject({ by: 'abstract', at: 'after' });
    expect(p.anchor).toBe(kind === 'abs' ? absAbstract(doc) : htmlAbstract(doc));
  });

  it('html paper page: the LaTeXML abstract starts with the paper abstract', () => {
    const doc = load(ARXIV_FIXTURES_DIR, 'html-2406.16793v1.html');
    const abstract = htmlAbstract(doc);
    expect(abstract?.classList.contains('ltx_abstract')).toBe(true);
    expect(text(abstract).startsWith('Abstract We present Adam-mini, an optimizer')).toBe(true);
    expect(absAbstract(doc)).toBeNull();
    expect(listingEntries(doc)).toEqual([]);
  });
});

describe('Hugging Face paper page', () => {
  const HF = join(LOCAL_FIXTURES_DIR, 'hf');
  it('the abstract block is the parent of the "Abstract" heading inside main', () => {
    const doc = load(HF, 'paper-page-2406.16793.html');
    const block = hfAbstract(doc);
    expect(block?.tagName).toBe('DIV');
    expect(block?.querySelector('h2')?.textContent).toBe('Abstract');
    expect(text(block)).toContain('We propose Adam-mini');
    // The next block is the PDF/GitHub buttons: the panel goes between them.
    expect(text(block?.nextElementSibling)).toContain('View PDF');
  });
  it.each([
    ['no Abstract heading', '<main><div><h2>Community</h2><p>x</p></div></main>'],
    ['a heading outside main', '<div><h2>Abstract</h2><p>x</p></div><main></main>'],
    ['a heading directly in main', '<main><h2>Abstract</h2><p>x</p></main>'],
  ])('null with %s', (_n, html) => {
    expect(hfAbstract(parse(html))).toBeNull();
  });
  it.each([
    ['https://huggingface.co/papers/2406.16793', '2406.16793'],
    ['https://huggingface.co/papers/2406.16793v2', '2406.16793'],
    ['https://huggingface.co/papers/2406.16793#community', '2406.16793'],
    ['https://huggingface.co/papers/2406.16793/', '2406.16793'],
    ['https://huggingface.co/papers/2501.00001?utm_source=x#community', '2501.00001'],
    ['https://huggingface.co/papers/date/2025-07-01', null],
    ['https://huggingface.co/papers?date=2025-07-01', null],
    ['https://huggingface.co/papers/trending', null],
    ['https://huggingface.co/papers', null],
    ['https://huggingface.co/papers/', null],
    ['https://huggingface.co/papers/2406.16793/discussion', null],
    ['https://huggingface.co/papers/hep-th/9901001', null],
    ['https://huggingface.co/papers/2413.00001', null],
    ['https://huggingface.co/papers/1501.0001', null],
    ['https://huggingface.co:8443/papers/2406.16793', null],
    ['https://huggingface.co/2406.16793', null],
    ['http://huggingface.co/papers/2406.16793', null],
    ['https://huggingface.co.evil.example/papers/2406.16793', null],
    ['https://nothuggingface.co/papers/2406.16793', null],
    ['https://arxiv.org/abs/2406.16793', null],
    ['not a url', null],
  ])('hfPaperIdFromUrl(%s) = %s', (url, id) => {
    expect(hfPaperIdFromUrl(url)).toBe(id);
    if (URL.canParse(url)) expect(hfPaperIdFromUrl(new URL(url))).toBe(id);
  });
});
