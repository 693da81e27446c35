import { defineContentScript } from 'wxt/utils/define-content-script';
import { arxivMatchPatterns } from '../../lib/arxiv-hosts';
import { pageKind } from '../../lib/arxiv-page';
import { mountListingBadges } from '../../lib/content/listing-badges';
import { readSettings } from '../../lib/content/settings';

/**
 * Vote badges next to the entries of arXiv listings (`/list/…`, the month form `/list?archive=…`, `/catchup/…`) and
 * search results that have a Korean summary. `pageKind` decides; the patterns only keep the script off other pages.
 */
export default defineContentScript({
  matches: arxivMatchPatterns(['list/*', 'list?*', 'catchup/*', 'search*']),
  runAt: 'document_end',
  cssInjectionMode: 'manual',
  async main(ctx) {
    const kind = pageKind(location.href);
    if (kind !== 'listing' && kind !== 'search') return;
    const settings = await readSettings();
    if (settings.listingBadges) await mountListingBadges(ctx, kind, settings);
  },
});
