/**
 * Feature: the Korean summary panel on abstract (/abs/) and HTML paper (/html/) pages.
 * One message to the background (one IndexedDB read), sent at once (the display settings are read meanwhile), before
 * anything is shown; never waits for the network.
 * A paper with a digest gets the digest panel (and below it, folded, a summary the user made for it); a paper without
 * one gets the summary the user made, else the offer to make one (lib/content/summary-host.tsx).
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { ArxivUrlId } from '../arxiv-id';
import { capInput, MAX_ABSTRACT_CHARS } from '../gen/input';
import { citationArxivId, panelPlace, paperText } from '../selectors';
import { send } from '../send';
import type { DisplaySettings } from '../setting-defaults';
import { domReady } from './dom-ready';
import { initContentI18n } from './i18n';
import { pageTheme } from './page-theme';
import { mountPanel } from './panel-host';
import { mountSummary } from './summary-host';

export async function mountAbsPanel(
  ctx: ContentScriptContext,
  target: ArxivUrlId,
  displaySettings: Promise<DisplaySettings>,
): Promise<void> {
  const [{ paper, sourceFileUrl, liveVotes, summary, generation }, settings] = await Promise.all([
    send('getPaper', { arxivId: target.id }),
    displaySettings.then(async (s) => {
      await initContentI18n(s.uiLanguage);
      return s;
    }),
  ]);
  // No digest, nothing made, no provider, and the user dismissed the note: inject nothing.
  if (!paper && !summary && generation.provider === 'none' && settings.offerDismissed) return;
  await domReady();
  const kind = target.kind === 'abs' ? 'abs' : 'html';
  if (kind === 'abs') {
    const cited = citationArxivId(document);
    if (cited !== null && cited !== target.id) {
      console.warn(`arXiv KO Digest: no panel, the page is ${cited}`);
      return;
    }
  }
  const place = panelPlace(document, kind);
  const theme = pageTheme(document);
  if (paper) {
    mountPanel(ctx, place, paper, { ...settings, sourceFileUrl, hfLiveVotes: liveVotes }, theme, summary);
    return;
  }
  const readInput = () => {
    const text = paperText(document, kind, MAX_ABSTRACT_CHARS * 4);
    const { title, abstract } = capInput({ arxivId: target.id, ...text, title: text.title || document.title });
    return { title, abstract };
  };
  mountSummary(ctx, place, {
    arxivId: target.id,
    readInput,
    generation,
    stored: summary,
    initiallyCollapsed: settings.panelCollapsed,
    theme,
  });
}
