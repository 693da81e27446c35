import { describe, expect, it } from 'vitest';
import { type PageKind, pageKind } from '../../lib/arxiv-page.ts';

/** Every URL is classified as its own kind, whether given as a string or a URL. */
const examples: Record<PageKind, string[]> = {
  abs: [
    'https://arxiv.org/abs/2406.16793',
    'https://arxiv.org/abs/2406.16793v2',
    'https://arxiv.org/abs/hep-th/9901001',
    'https://www.arxiv.org/abs/2406.18521?context=cs.CV',
    'http://export.arxiv.org/abs/2501.00001#',
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
  ],
  listing: [
    'https://arxiv.org/list/cs.CL/new',
    'https://arxiv.org/list/cs.CL/recent',
    'https://arxiv.org/list/cs.CL/pastweek?skip=25&show=25',
    'https://arxiv.org/list/cs/new',
    'https://arxiv.org/list/hep-th/new/',
    'https://arxiv.org/list/astro-ph.CO/recent',
    'https://arxiv.org/list/physics.acc-ph/new',
    'https://arxiv.org/list/cs.LG/2024-06',
    'https://arxiv.org/list/cs.LG/2406',
    'https://export.arxiv.org/list/math.GT/new',
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
  'https://arxiv.org/list/cs.CL/24',
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
