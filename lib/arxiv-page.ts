/**
 * What kind of page a URL is, for deciding which content-script feature runs. Pure: URLs only, no DOM.
 *
 * Decisions (the URL shapes are arXiv's own, from arXiv/arxiv-browse `browse/routes/ui.py`, its list and catchup
 * controllers and their route tests):
 * - `abs` / `html` / `pdf` come straight from {@link arxivIdFromUrl} (including the legacy `/abs?id=<id>`);
 *   `/format/` pages are download choices, not papers to annotate, so they are `null`.
 * - `listing` is every page that lists papers with the `dl > dt + dd` entries `listingEntries` reads:
 *   - `/list/<archive or category>/<period>`, period `new`, `recent`, `pastweek`, `current` (this month), a month
 *     `YYYY-MM`, or a year `YYYY` (1990–2099). Four digits are a year, not a month: arXiv lists the whole
 *     year there (`list/year.html`, the same entries); it refuses a year before 1990 and sends a later year than
 *     this one a 404. Shapes arXiv only redirects from (`YY` → `YYYY`, `YYYYMM` and `YYYY-M` → `YYYY-MM`) are not
 *     listings: the script runs again on the page they redirect to.
 *   - the archive page's month form, `/list?archive=<archive>&year=YYYY&month=MM|all` (also `/list/?…`; `month`
 *     absent, empty or `all` is the whole year). Without a four-digit year arXiv refuses or redirects.
 *   - catch-up, `/catchup/<archive, category or grp_…>/<YYYY-MM-DD>` (any `abs=` / `page=`): a past day's `new`.
 *   `/list/<cat>` alone, `/list/` without the form's fields and the `/catchup` form list nothing.
 * - `search` is any `/search` path (`/search/`, `/search/cs`, `/search/advanced`) with a query: simple search
 *   uses `query=`, advanced search `terms-0-term=`. The bare search form has no results and is `null`.
 * - Only arXiv hosts over http(s) count ({@link onArxiv}), exactly as for ids.
 */
import { arxivIdFromUrl, onArxiv, toUrl } from './arxiv-id.ts';

export type PageKind = 'abs' | 'html' | 'pdf' | 'listing' | 'search';

const CATEGORY = '[a-z]+(?:-[a-z]+)*(?:\\.[A-Za-z]+(?:-[A-Za-z]+)*)?';
const YEAR = '(?:199\\d|20\\d{2})';
const MONTH = '(?:0[1-9]|1[0-2])';
const PERIOD = `(?:new|recent|pastweek|current|${YEAR}|${YEAR}-${MONTH})`;
const LISTING = new RegExp(`^/list/${CATEGORY}/${PERIOD}/?$`);
const CATCHUP = new RegExp(
  `^/catchup/(?:${CATEGORY}|grp_[a-z]+(?:-[a-z]+)*)/${YEAR}-${MONTH}-(?:0[1-9]|[12]\\d|3[01])$`,
);
const LIST_FORM_PATH = /^\/list\/?$/;
const ARCHIVE_PARAM = new RegExp(`^${CATEGORY}$`);
const YEAR_PARAM = new RegExp(`^${YEAR}$`);
const MONTH_PARAM = new RegExp(`^(?:${MONTH}|all|)$`);
const SEARCH = /^\/search(?:\/[a-z-]*)?\/?$/;

function hasSearchQuery(params: URLSearchParams): boolean {
  return Boolean(params.get('query')?.trim() || params.get('terms-0-term')?.trim());
}

/** The archive page's "browse by month" form: `?archive=…&year=YYYY[&month=MM|all]`. */
function isListForm(params: URLSearchParams): boolean {
  return (
    ARCHIVE_PARAM.test(params.get('archive') ?? '') &&
    YEAR_PARAM.test(params.get('year') ?? '') &&
    MONTH_PARAM.test(params.get('month') ?? '')
  );
}

function isListing(u: URL): boolean {
  const path = u.pathname;
  if (LISTING.test(path) || CATCHUP.test(path)) return true;
  return LIST_FORM_PATH.test(path) && isListForm(u.searchParams);
}

/** Classifies a page URL; null for anything the extension does not annotate. */
export function pageKind(url: string | URL): PageKind | null {
  const u = toUrl(url);
  if (!u || !onArxiv(u)) return null;
  const id = arxivIdFromUrl(u);
  if (id) return id.kind === 'format' ? null : id.kind;
  if (isListing(u)) return 'listing';
  if (SEARCH.test(u.pathname) && hasSearchQuery(u.searchParams)) return 'search';
  return null;
}
