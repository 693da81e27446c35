/**
 * Feature: the Korean summary panel on abstract (/abs/) and HTML paper (/html/) pages.
 * One message to the background (one IndexedDB read) before anything is shown; never waits for the network.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { ArxivUrlId } from '../arxiv-id';
import { absAbstract, citationArxivId, htmlAbstract } from '../selectors';
import { send } from '../send';
import type { DisplaySettings } from '../setting-defaults';
import { domReady } from './dom-ready';
import { initContentI18n } from './i18n';
import { pageTheme } from './page-theme';
import { mountPanel } from './panel-host';

export async function mountAbsPanel(
  ctx: ContentScriptContext,
  target: ArxivUrlId,
  settings: DisplaySettings,
): Promise<void> {
  const [{ paper, sourceUrl, liveVotes }] = await Promise.all([
    send('getPaper', { arxivId: target.id }),
    initContentI18n(settings.uiLanguage),
  ]);
  if (!paper) return; // no digest summary: inject nothing
  await domReady();
  if (target.kind === 'abs') {
    const cited = citationArxivId(document);
    if (cited !== null && cited !== target.id) {
      console.warn(`arXiv KO Digest: URL id ${target.id} differs from citation_arxiv_id ${cited}; no panel`);
      return;
    }
  }
  const anchor = target.kind === 'abs' ? absAbstract(document) : htmlAbstract(document);
  if (!anchor) return;
  mountPanel(ctx, anchor, paper, { ...settings, sourceUrl, hfLiveVotes: liveVotes }, pageTheme(document));
}
