/**
 * What kind of page a URL is, for deciding which content-script feature runs. Pure: URLs only, no DOM.
 *
 * Decisions:
 * - `abs` / `html` / `pdf` come straight from {@link arxivIdFromUrl}; `/format/` pages are download choices,
 *   not papers to annotate, so they are `null`.
 * - `listing` is `/list/<category>/<period>` where period is `new`, `recent`, `pastweek` or a month archive
 *   (`YYMM` or `YYYY-MM`, both used by arXiv's own links). All of these render entries with the same
 *   `dl > dt + dd` markup that `listingEntries` reads. Year archives (`/list/cs/24`, `/list/cs/2024`) and
 *   `/list/<cat>` alone are not handled: they show counts, not entries (or redirect).
 * - `search` is any `/search` path (`/search/`, `/search/cs`, `/search/advanced`) with a query: simple search
 *   uses `query=`, advanced search `terms-0-term=`. The bare search form has no results and is `null`.
 * - Only arXiv hosts over http(s) count ({@link onArxiv}), exactly as for ids.
 */
import { arxivIdFromUrl, onArxiv, toUrl } from './arxiv-id.ts';

export type PageKind = 'abs' | 'html' | 'pdf' | 'listing' | 'search';

const CATEGORY = '[a-z]+(?:-[a-z]+)*(?:\\.[A-Za-z]+(?:-[A-Za-z]+)*)?';
const PERIOD = '(?:new|recent|pastweek|\\d{4}|\\d{4}-(?:0[1-9]|1[0-2]))';
const LISTING = new RegExp(`^/list/${CATEGORY}/${PERIOD}/?$`);
const SEARCH = /^\/search(?:\/[a-z-]*)?\/?$/;

function hasSearchQuery(params: URLSearchParams): boolean {
  return Boolean(params.get('query')?.trim() || params.get('terms-0-term')?.trim());
}

/** Classifies a page URL; null for anything the extension does not annotate. */
export function pageKind(url: string | URL): PageKind | null {
  const u = toUrl(url);
  if (!u || !onArxiv(u)) return null;
  const id = arxivIdFromUrl(u);
  if (id) return id.kind === 'format' ? null : id.kind;
  if (LISTING.test(u.pathname)) return 'listing';
  if (SEARCH.test(u.pathname) && hasSearchQuery(u.searchParams)) return 'search';
  return null;
}
