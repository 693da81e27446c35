import { defineContentScript } from 'wxt/utils/define-content-script';
import { arxivIdFromUrl } from '../../lib/arxiv-id';
import { pageKind } from '../../lib/arxiv-page';
import { mountAbsPanel } from '../../lib/content/abs-panel';
import { mountListingBadges } from '../../lib/content/listing-badges';
import { readSettings } from '../../lib/content/settings';

const HOSTS = ['arxiv.org', 'www.arxiv.org', 'export.arxiv.org'];

export default defineContentScript({
  matches: HOSTS.flatMap((h) => ['abs/*', 'html/*', 'list/*', 'search*'].map((p) => `https://${h}/${p}`)),
  runAt: 'document_start',
  // The panel's CSS is passed inline to each shadow root (lib/content/shadow-ui.ts): no fetch before showing it.
  cssInjectionMode: 'manual',
  async main(ctx) {
    const kind = pageKind(location.href);
    if (!kind || kind === 'pdf') return;
    const settings = await readSettings();
    if (kind === 'abs' || kind === 'html') {
      const target = arxivIdFromUrl(location.href);
      if (target && target.style === 'new') await mountAbsPanel(ctx, target, settings);
    } else if (settings.listingBadges) {
      await mountListingBadges(ctx, kind, settings);
    }
  },
});
