import { defineContentScript } from 'wxt/utils/define-content-script';
import { arxivMatchPatterns } from '../../lib/arxiv-hosts';
import { arxivIdFromUrl } from '../../lib/arxiv-id';
import { mountAbsPanel } from '../../lib/content/abs-panel';
import { readSettings } from '../../lib/content/settings';

/** The Korean summary panel on arXiv abstract (`/abs/<id>`, `/abs?id=<id>`) and HTML paper pages. */
export default defineContentScript({
  matches: arxivMatchPatterns(['abs/*', 'abs?*', 'html/*']),
  // Early, so the background is asked before the page is parsed; the panel is placed once the DOM is ready.
  runAt: 'document_start',
  // The panel's CSS is inlined into its shadow root (lib/content/shadow-ui.ts): no fetch before it shows.
  cssInjectionMode: 'manual',
  async main(ctx) {
    // The abs and html kinds of lib/arxiv-page.ts are the URL's id kinds: only the id module is bundled here.
    const target = arxivIdFromUrl(location.href);
    if (target?.kind !== 'abs' && target?.kind !== 'html') return;
    if (target.style !== 'new') return; // an old-style id (never in the digests)
    // The settings are read while the background is asked for the paper (not before).
    await mountAbsPanel(ctx, target, readSettings());
  },
});
