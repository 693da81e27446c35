import { defineContentScript } from 'wxt/utils/define-content-script';
import { pageKind } from '../../lib/arxiv-page';
import { mountListingBadges } from '../../lib/content/listing-badges';
import { readSettings } from '../../lib/content/settings';

const HOSTS = ['arxiv.org', 'www.arxiv.org', 'export.arxiv.org'];

/** Vote badges next to the entries of arXiv listings and search results that have a Korean summary. */
export default defineContentScript({
  matches: HOSTS.flatMap((h) => ['list/*', 'search*'].map((p) => `https://${h}/${p}`)),
  runAt: 'document_end',
  cssInjectionMode: 'manual',
  async main(ctx) {
    const kind = pageKind(location.href);
    if (kind !== 'listing' && kind !== 'search') return;
    const settings = await readSettings();
    if (settings.listingBadges) await mountListingBadges(ctx, kind, settings);
  },
});
