/**
 * Every page DOM selector lives here: this is the only module that knows arXiv's (and Hugging Face's) markup. Functions take a
 * `Document` or any `ParentNode` (so they also work on a subtree or a parsed fixture) and only read the DOM.
 *
 * Markup sources: arXiv/arxiv-browse templates (`abs/abs.html`, `list/list_macros.html`), LaTeXML output for
 * `/html/` pages, and arXiv/arxiv-search `search-macros.html` for `/search` results; for Hugging Face paper pages
 * (`huggingface.co/papers/<id>`) the server-rendered page structure (test/fixtures/hf/paper-page.html).
 */
import { arxivIdFromUrl, normaliseArxivId } from './arxiv-id.ts';

/** Links in arXiv pages are relative (`/abs/...`); resolve them against arxiv.org, not the page. */
const ARXIV_ORIGIN = 'https://arxiv.org/';

/** Normalised id of an `/abs/` link, or null for any other link. */
function absLinkId(a: Element): string | null {
  const href = a.getAttribute('href');
  if (!href) return null;
  let url: URL;
  try {
    url = new URL(href.trim(), ARXIV_ORIGIN);
  } catch {
    return null;
  }
  const parsed = arxivIdFromUrl(url);
  return parsed?.kind === 'abs' ? parsed.id : null;
}

/** `<meta name="citation_arxiv_id">` of an abs page, normalised (never versioned); null if absent or invalid. */
export function citationArxivId(root: ParentNode): string | null {
  const content = root.querySelector('meta[name="citation_arxiv_id"]')?.getAttribute('content');
  return content ? normaliseArxivId(content) : null;
}

/** The abstract on an abs page, `#abs blockquote.abstract` (else any `blockquote.abstract`). */
export function absAbstract(root: ParentNode): HTMLElement | null {
  return (
    root.querySelector<HTMLElement>('#abs blockquote.abstract') ??
    root.querySelector<HTMLElement>('blockquote.abstract')
  );
}

/** The abstract on an `/html/` (LaTeXML) paper page, `.ltx_abstract` (the one in `article.ltx_document` first). */
export function htmlAbstract(root: ParentNode): HTMLElement | null {
  return (
    root.querySelector<HTMLElement>('article.ltx_document .ltx_abstract') ??
    root.querySelector<HTMLElement>('.ltx_abstract')
  );
}

const HEADINGS = 'h1,h2,h3,h4,h5,h6';

/**
 * Whether a heading reads "Abstract" as plain text: any case, surrounding whitespace, a trailing `:` or `.`, and
 * nothing else (no numbering, no other language). The one rule for arXiv HTML papers, abs pages and Hugging Face.
 */
export function readsAbstract(heading: Element): boolean {
  return /^\s*abstract[:.]?\s*$/i.test(heading.textContent ?? '');
}

/** At most this many blocks after an "Abstract" heading are taken as the abstract (arXiv abstracts have 1–3). */
const MAX_ABSTRACT_BLOCKS = 8;
/** What ends an abstract that follows its heading: the next heading, a section or a landmark. */
const ABSTRACT_END = `${HEADINGS},section,article,main,nav,header,footer`;

/**
 * The abstract under the first heading that {@link readsAbstract} (h1–h6, in document order): the elements after
 * the heading up to the next heading or section (at most {@link MAX_ABSTRACT_BLOCKS}). A heading that is the last
 * element of a wrapper (`<header><h2>Abstract</h2></header><p>…`) is looked past, one wrapper at a time up to a
 * section, article, main or body. `blocks` may be empty (a heading with nothing after it); null without a heading.
 */
export function abstractUnderHeading(root: ParentNode): { heading: Element; blocks: Element[] } | null {
  for (const heading of root.querySelectorAll(HEADINGS)) {
    if (!readsAbstract(heading)) continue;
    let from: Element = heading;
    while (!from.nextElementSibling && from.parentElement && !from.parentElement.matches('section,article,main,body')) {
      from = from.parentElement;
    }
    const blocks: Element[] = [];
    for (let el = from.nextElementSibling; el && blocks.length < MAX_ABSTRACT_BLOCKS; el = el.nextElementSibling) {
      if (el.matches(ABSTRACT_END) || el.querySelector(ABSTRACT_END)) break;
      blocks.push(el);
    }
    return { heading, blocks };
  }
  return null;
}

export type PaperPageKind = 'abs' | 'html';

/**
 * Where the panel goes on a paper page: right `after` an element, or as the `first` child of a container. `by` says
 * which link of the chain found it ({@link panelPlace}).
 */
export interface PanelPlace {
  anchor: Element;
  at: 'after' | 'first';
  by: 'abstract' | 'heading' | 'container' | 'page';
}

/** The paper's own part of the page, where the panel goes first when no abstract is found, in order of preference. */
const CONTAINERS: Record<PaperPageKind, string[]> = {
  abs: ['#abs', 'main', '#content'],
  html: ['article', 'main'],
};

/**
 * Where the summary panel goes on an abs or HTML paper page: the first link of this chain that the page has, so a
 * paper with a summary always shows it, wherever arXiv's markup moves the abstract.
 * 1. right after the abstract: `blockquote.abstract` on abs pages, `.ltx_abstract` on HTML papers;
 * 2. right after the abstract under a heading reading "Abstract" ({@link abstractUnderHeading}; after the heading
 *    itself when nothing follows it);
 * 3. at the top of the paper's part of the page: `#abs`, `main`, `#content` on abs pages; `article`, `main` on HTML
 *    papers;
 * 4. at the top of the page's body (the documented fallback).
 */
export function panelPlace(doc: Document, kind: PaperPageKind): PanelPlace {
  const abstract = kind === 'abs' ? absAbstract(doc) : htmlAbstract(doc);
  if (abstract) return { anchor: abstract, at: 'after', by: 'abstract' };
  const under = abstractUnderHeading(doc);
  if (under) return { anchor: under.blocks.at(-1) ?? under.heading, at: 'after', by: 'heading' };
  for (const selector of CONTAINERS[kind]) {
    const container = doc.querySelector(selector);
    if (container) return { anchor: container, at: 'first', by: 'container' };
  }
  return { anchor: doc.body ?? doc.documentElement, at: 'first', by: 'page' };
}

/**
 * What is not the paper's own text inside a title or abstract: arXiv's descriptors ("Title:", "Abstract:"), the LaTeXML
 * abstract heading and footnotes, MathJax 2's rendered copies of formulas (`.MathJax*`; their TeX source stays in a
 * `script[type^="math/tex"]`), other scripts, styles, and MathML annotations (the `alttext` is read instead).
 */
const NOT_TEXT =
  '.descriptor,.ltx_title_abstract,.ltx_note,[class*=MathJax],style,annotation,script:not([type^="math/tex"])';

/**
 * The text of `el` as a reader would copy it, formulas as TeX between `$` (MathML `alttext`, MathJax 2 sources),
 * whitespace not yet collapsed; reading stops once `max` characters are collected. One pass over the subtree.
 */
export function readableText(el: Element, max: number): string {
  let out = '';
  const walker = el.ownerDocument.createTreeWalker(el, 5 /* SHOW_ELEMENT | SHOW_TEXT */, {
    acceptNode(node) {
      if (node.nodeType === 3) return 1; // FILTER_ACCEPT: its text is added below
      const e = node as Element;
      if (e.matches(NOT_TEXT)) return 2; // FILTER_REJECT: the whole subtree
      const tex = e.localName === 'math' ? e.getAttribute('alttext') : e.localName === 'script' ? e.textContent : null;
      if (tex === null) return 3; // FILTER_SKIP: look inside
      out += `$${tex.trim()}$`;
      return 2;
    },
  });
  while (out.length < max && walker.nextNode()) out += walker.currentNode.nodeValue;
  return out.slice(0, max);
}

/** A paper's title and abstract as text, as a summary is asked for ('' for what the page does not have). */
export interface PaperText {
  title: string;
  abstract: string;
}

/** The paper's title: `#abs h1.title` on abs pages; `h1.ltx_title_document`, else the first `h1` of `article` or
 * `main`, on HTML papers. */
function paperTitle(root: ParentNode, kind: PaperPageKind): Element | null {
  if (kind === 'abs') return root.querySelector('#abs h1.title');
  return root.querySelector('h1.ltx_title_document') ?? root.querySelector('article h1, main h1');
}

/**
 * The title and abstract of an abs or `/html/` paper page, each read up to `max` characters. The abstract is the one
 * {@link panelPlace} puts the panel after: the page's abstract element, else the blocks under an "Abstract" heading.
 */
export function paperText(root: ParentNode, kind: PaperPageKind, max: number): PaperText {
  const text = (el: Element | null) => (el ? readableText(el, max) : '');
  const element = kind === 'abs' ? absAbstract(root) : htmlAbstract(root);
  let abstract = text(element);
  if (!element) {
    for (const block of abstractUnderHeading(root)?.blocks ?? []) {
      if (abstract.length >= max) break;
      abstract += `${abstract ? '\n' : ''}${readableText(block, max - abstract.length)}`;
    }
  }
  return { title: text(paperTitle(root, kind)), abstract: abstract.slice(0, max) };
}

export interface ListingEntry {
  /** Normalised id, no version. */
  id: string;
  /** The `dt` with the item number and the id / pdf / html / other links. */
  dt: HTMLElement;
  /** The `dd` right after it, with `div.meta` (title, authors, subjects, abstract). */
  dd: HTMLElement;
  /** The id link in the `dt` (`<a href="/abs/<id>" title="Abstract" id="<id>">`). */
  anchor: HTMLAnchorElement;
}

/**
 * Entries of a `/list/` page (new, recent, pastweek, month), in page order across all sections. Each entry is a
 * `dl > dt` holding a link to `/abs/<id>` (the id is read from its href, which arXiv always sets; the
 * link's `id` attribute carries the same id), paired with the `dd` that follows it. A `dt` without such a link or without a following `dd` is
 * skipped. `dl#articles` is not relied on: arXiv repeats that id once per section.
 */
export function listingEntries(root: ParentNode): ListingEntry[] {
  const entries: ListingEntry[] = [];
  for (const dt of root.querySelectorAll<HTMLElement>('dl > dt')) {
    const dd = dt.nextElementSibling;
    if (dd?.tagName !== 'DD') continue;
    for (const anchor of dt.querySelectorAll<HTMLAnchorElement>('a[href]')) {
      const id = absLinkId(anchor);
      if (!id) continue;
      entries.push({ id, dt, dd: dd as HTMLElement, anchor });
      break;
    }
  }
  return entries;
}

export interface SearchEntry {
  /** Normalised id, no version (results for old versions link to `/abs/<id>vN`). */
  id: string;
  /** The `li.arxiv-result`. */
  item: HTMLElement;
  /** The `arXiv:<id>` link in `p.list-title`. */
  anchor: HTMLAnchorElement;
}

/** Results of an arXiv search page (`/search/...`): `li.arxiv-result` with its `p.list-title` abs link. */
export function searchEntries(root: ParentNode): SearchEntry[] {
  const entries: SearchEntry[] = [];
  for (const item of root.querySelectorAll<HTMLElement>('li.arxiv-result')) {
    for (const anchor of item.querySelectorAll<HTMLAnchorElement>('p.list-title a[href]')) {
      const id = absLinkId(anchor);
      if (!id) continue;
      entries.push({ id, item, anchor });
      break;
    }
  }
  return entries;
}

/**
 * The abstract section of a Hugging Face paper page: the block holding the `Abstract` heading (`h2`) and the
 * abstract text. Hugging Face styles with utility classes that change often, so only the heading text and the
 * structure are relied on: the first `h2` inside `main` that {@link readsAbstract}, and its parent (not `main` itself).
 * The panel goes directly after this block.
 */
export function hfAbstract(root: ParentNode): HTMLElement | null {
  for (const h2 of root.querySelectorAll<HTMLElement>('main h2')) {
    if (!readsAbstract(h2)) continue;
    const block = h2.parentElement;
    return block && block.tagName !== 'MAIN' && block.tagName !== 'BODY' ? block : null;
  }
  return null;
}
