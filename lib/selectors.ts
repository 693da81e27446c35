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

/** The abstract on an abs page, `#abs blockquote.abstract`. The summary panel goes directly after it. */
export function absAbstract(root: ParentNode): HTMLElement | null {
  return root.querySelector<HTMLElement>('#abs blockquote.abstract');
}

/** The abstract on an `/html/` (LaTeXML) paper page, `div.ltx_abstract`. The panel goes directly after it. */
export function htmlAbstract(root: ParentNode): HTMLElement | null {
  return (
    root.querySelector<HTMLElement>('article.ltx_document div.ltx_abstract') ??
    root.querySelector<HTMLElement>('div.ltx_abstract')
  );
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

/**
 * The title and abstract of an abs page (`#abs h1.title`, the abstract blockquote) or of an `/html/` paper page
 * (`h1.ltx_title_document`, `div.ltx_abstract`), each read up to `max` characters.
 */
export function paperText(root: ParentNode, kind: 'abs' | 'html', max: number): PaperText {
  const text = (el: Element | null) => (el ? readableText(el, max) : '');
  const abs = kind === 'abs';
  return {
    title: text(root.querySelector(abs ? '#abs h1.title' : 'h1.ltx_title_document')),
    abstract: text(abs ? absAbstract(root) : htmlAbstract(root)),
  };
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
 * structure are relied on: the first `h2` inside `main` whose text is "Abstract", and its parent (not `main` itself).
 * The panel goes directly after this block.
 */
export function hfAbstract(root: ParentNode): HTMLElement | null {
  for (const h2 of root.querySelectorAll<HTMLElement>('main h2')) {
    if ((h2.textContent ?? '').replace(/\s+/g, ' ').trim().toLowerCase() !== 'abstract') continue;
    const block = h2.parentElement;
    return block && block.tagName !== 'MAIN' && block.tagName !== 'BODY' ? block : null;
  }
  return null;
}
