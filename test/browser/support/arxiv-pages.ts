/** arXiv fixture pages (../shared/fixtures/arxiv) by the URL path they were made from. */
import { join } from 'node:path';
import { ARXIV_FIXTURES_DIR } from '../../support/shared';

const f = (name: string) => join(ARXIV_FIXTURES_DIR, name);

export const ARXIV_PAGES: Record<string, string> = {
  '/abs/2406.16793': f('abs-2406.16793.html'),
  '/abs/2406.16793v2': f('abs-2406.16793v2.html'),
  '/abs/2406.18521': f('abs-2406.18521.html'),
  '/abs/2501.00001': f('abs-2501.00001-notindigest.html'),
  '/abs/hep-th/9901001': f('abs-hep-th-9901001.html'),
  '/html/2406.16793v1': f('html-2406.16793v1.html'),
  '/list/cs.CL/new': f('list-cs.CL-new.html'),
};
