import { describe, expect, it } from 'vitest';
import listingScript from '../../entrypoints/arxiv-listing.content/index.ts';
import paperScript from '../../entrypoints/arxiv-paper.content/index.ts';
import { ARXIV_HOSTS, arxivMatchPatterns } from '../../lib/arxiv-hosts.ts';
import { type PageKind, pageKind } from '../../lib/arxiv-page.ts';

/** Every URL is classified as its own kind, whether given as a string or a URL. */
const examples: Record<PageKind, string[]> = {
  abs: [
    'https://arxiv.org/abs/2406.16793',
    'https://arxiv.org/abs/2406.16793v2',
    'https://arxiv.org/abs/hep-th/9901001',
    'https://www.arxiv.org/abs/2406.18521?context=cs.CV',
    'http://export.arxiv.org/abs/2501.00001#',
    'https://browse.arxiv.org/abs/2406.16793',
    // arXiv's legacy query form, answered with the abstract page itself (arxiv-browse `bare_abs`).
    'https://arxiv.org/abs?id=2406.16793',
    'https://arxiv.org/abs?id=2406.16793v2&context=cs.LG',
  ],
  html: [
    'https://arxiv.org/html/2406.16793v1',
    'https://arxiv.org/html/2406.16793v1/',
    'https://arxiv.org/html/2406.16793v1/#S1',
    'https://browse.arxiv.org/html/2406.16793',
  ],
  pdf: [
    'https://arxiv.org/pdf/2406.16793',
    'https://arxiv.org/pdf/2406.16793v2.pdf',
    'https://arxiv.org/pdf/cs/0112017',
    'https://browse.arxiv.org/pdf/2406.16793v1',
  ],
  // Shapes from arXiv's own route tests (arxiv-browse tests/listings/test_list_page.py, tests/test_catchup.py).
  listing: [
    'https://arxiv.org/list/cs.CL/new',
    'https://arxiv.org/list/cs.CL/recent',
    'https://arxiv.org/list/cs.CL/pastweek?skip=25&show=25',
    'https://arxiv.org/list/cs/new',
    'https://arxiv.org/list/hep-th/new/',
    'https://arxiv.org/list/astro-ph.CO/recent',
    'https://arxiv.org/list/physics.acc-ph/new',
    'https://export.arxiv.org/list/math.GT/new',
    'https://browse.arxiv.org/list/cs.CL/new',
    // this month
    'https://arxiv.org/list/astro-ph/current',
    'https://arxiv.org/list/hep-lat/current',
    // a month
    'https://arxiv.org/list/cs.LG/2024-06',
    'https://arxiv.org/list/hep-ph/2009-01?skip=25&show=25',
    // a year: four digits are a year (list/year.html), not YYMM
    'https://arxiv.org/list/cs/2024',
    'https://arxiv.org/list/hep-lat/2024',
    'https://arxiv.org/list/math/1992',
    // the archive page's month form
    'https://arxiv.org/list/?archive=hep-ph&year=2008&month=03&submit=Go',
    'https://arxiv.org/list/?archive=hep-ph&year=2008&month=all&submit=Go',
    'https://arxiv.org/list?archive=cs&year=2024&month=06',
    'https://arxiv.org/list/?archive=astro-ph&year=2024',
    // catch-up on a past day (with or without abstracts, any page)
    'https://arxiv.org/catchup/cs.CL/2024-07-01',
    'https://arxiv.org/catchup/math/2023-08-10?abs=True&page=2',
    'https://arxiv.org/catchup/grp_physics/2023-08-04?abs=True&page=3',
    'https://arxiv.org/catchup/math-ph/2011-02-03?page=1&abs=False',
  ],
  search: [
    'https://arxiv.org/search/?query=adam-mini&searchtype=all&source=header',
    'https://arxiv.org/search?query=adam',
    'https://arxiv.org/search/cs?searchtype=author&query=Zhang,+Y',
    'https://arxiv.org/search/advanced?advanced=&terms-0-operator=AND&terms-0-term=optimizer&terms-0-field=title',
  ],
};

const noKind = [
  'https://arxiv.org/',
  'https://arxiv.org/format/2406.16793',
  'https://arxiv.org/src/2406.16793',
  'https://arxiv.org/abs/',
  'https://arxiv.org/abs/2413.00001',
  'https://arxiv.org/list/cs.CL',
  'https://arxiv.org/list/cs.CL/',
  'https://arxiv.org/list/cs.CL/old',
  'https://arxiv.org/list/cs.CL/2024-13',
  'https://arxiv.org/list/math/2001-00',
  // arXiv only redirects from these (YY → YYYY, YYYYMM and YYYY-M → YYYY-MM)
  'https://arxiv.org/list/cs.CL/24',
  'https://arxiv.org/list/math/200301',
  'https://arxiv.org/list/math-ph/2003-1',
  // four digits are a year: 2406 is not June 2024 (arXiv answers 404), 1980 is refused
  'https://arxiv.org/list/cs.LG/2406',
  'https://arxiv.org/list/math/1980',
  'https://arxiv.org/list/math/001',
  'https://arxiv.org/list/hep-ph/bogusTimePeriod',
  'https://arxiv.org/list/junkarchive',
  // the month form without its fields, or with what arXiv refuses or redirects
  'https://arxiv.org/list/',
  'https://arxiv.org/list',
  'https://arxiv.org/list/?archive=hep-ph',
  'https://arxiv.org/list/?archive=hep-ph&year=08&month=03',
  'https://arxiv.org/list/?archive=hep-ph&year=2008&month=3',
  'https://arxiv.org/list/?archive=hep-ph&year=2008&month=13',
  'https://arxiv.org/list/?year=2008&month=03',
  'https://arxiv.org/list/?archive=HEP&year=2008',
  'https://arxiv.org/listing?archive=cs&year=2024',
  // the catch-up form, and dates arXiv refuses
  'https://arxiv.org/catchup',
  'https://arxiv.org/catchup?subject=cs&date=2024-09-03',
  'https://arxiv.org/catchup/cs.CL',
  'https://arxiv.org/catchup/grp_physics/2023-8-10?abs=True&page=2',
  'https://arxiv.org/catchup/grp_physics/08-10-2023',
  'https://arxiv.org/catchup/grp_physics/2023-25-05',
  'https://arxiv.org/catchup/grp_physics/whatsadate',
  'https://arxiv.org/catchup/cs.CL/2024-07-01/extra',
  // the legacy abs query without a valid id
  'https://arxiv.org/abs?id=2413.00001',
  'https://arxiv.org/abs?id=',
  'https://arxiv.org/abs?archive=hep-th&papernum=9901001',
  'https://arxiv.org/abs/?id=2406.16793',
  'https://arxiv.org/html?id=2406.16793',
  'https://arxiv.org/list/cs.CL/new/extra',
  'https://arxiv.org/list/CS.CL/new',
  'https://arxiv.org/search/',
  'https://arxiv.org/search/?query=&searchtype=all',
  'https://arxiv.org/search/advanced',
  'https://arxiv.org/search/cs/extra?query=x',
  'https://arxiv.org/searchx?query=x',
  'https://arxiv.org.evil.com/list/cs.CL/new',
  'https://notarxiv.org/search/?query=x',
  'https://arxiv.org:8080/list/cs.CL/new',
  'javascript://arxiv.org/list/cs.CL/new',
  'https://huggingface.co/papers/2406.16793',
  'https://scholar.google.com/scholar_lookup?arxiv_id=2406.16793',
  'not a url',
  '',
];

describe('pageKind: each URL gets its own kind only', () => {
  for (const [kind, urls] of Object.entries(examples) as [PageKind, string[]][]) {
    it.each(urls)(`${kind}: %s`, (url) => {
      expect(pageKind(url)).toBe(kind);
      expect(pageKind(new URL(url))).toBe(kind);
    });
  }
  it.each(noKind)('no kind: %j', (url) => {
    expect(pageKind(url)).toBeNull();
  });
});

/**
 * Whether a content-script match pattern `https://<host>/<path>` matches a URL as the browsers do: exact scheme and
 * host, and the path pattern (`*` its only wildcard) against the URL's path and query (never its fragment).
 */
function patternMatches(pattern: string, url: string): boolean {
  const m = /^(https):\/\/([^/*]+)(\/.*)$/.exec(pattern);
  if (!m) throw new Error(`unexpected pattern ${pattern}`);
  const u = new URL(url);
  const literal = (part: string) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const path = new RegExp(`^${(m[3] ?? '').split('*').map(literal).join('.*')}$`);
  return u.protocol === `${m[1]}:` && u.hostname === m[2] && path.test(u.pathname + u.search);
}

/** A content script's match patterns (the same for every browser here). */
function patternsOf(script: { matches?: unknown }): string[] {
  if (!Array.isArray(script.matches)) throw new Error('expected one list of match patterns');
  return script.matches as string[];
}
const PAPER = patternsOf(paperScript);
const LISTING = patternsOf(listingScript);
const runsOn = (patterns: string[], url: string) => patterns.some((p) => patternMatches(p, url));

/** The content script that serves each kind (pdf: none, Chrome's PDF viewer runs no content script). */
const scriptFor: Record<PageKind, string[] | null> = {
  abs: PAPER,
  html: PAPER,
  pdf: null,
  listing: LISTING,
  search: LISTING,
};

/** `url` on each arXiv host. */
const onEveryHost = (url: string) => ARXIV_HOSTS.map((host) => url.replace(/^https:\/\/[^/]+/, `https://${host}`));

describe('content scripts run on every https page pageKind gives a kind, on every arXiv host', () => {
  for (const [kind, urls] of Object.entries(examples) as [PageKind, string[]][]) {
    const patterns = scriptFor[kind];
    if (!patterns) continue;
    it.each(urls.filter((u) => u.startsWith('https:')).flatMap(onEveryHost))(`${kind}: %s`, (url) => {
      expect(pageKind(url)).toBe(kind);
      expect(runsOn(patterns, url)).toBe(true);
    });
  }
  it('the paper script stays off listings and the listing script off papers', () => {
    expect(runsOn(PAPER, 'https://arxiv.org/list/cs.CL/new')).toBe(false);
    expect(runsOn(LISTING, 'https://arxiv.org/abs/2406.16793')).toBe(false);
  });
  it('match patterns are built for every host from the one list', () => {
    expect(arxivMatchPatterns(['abs/*'])).toEqual(ARXIV_HOSTS.map((h) => `https://${h}/abs/*`));
    expect(ARXIV_HOSTS).toContain('browse.arxiv.org');
  });
});
