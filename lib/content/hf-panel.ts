/**
 * Feature: the Korean summary panel on Hugging Face paper pages (`huggingface.co/papers/<id>`), right after the
 * abstract block, for papers that have a digest. Like on arXiv: one message to the background before anything is
 * shown, nothing injected for a paper without a digest, no request to Hugging Face from here.
 *
 * Hugging Face re-renders parts of its pages on the client and navigates between papers without a page load, so
 * the panel is put back when the page drops it (bounded) and follows in-page navigation to another paper.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { hfPaperIdFromUrl } from '../hf/page-url';
import { hfAbstract } from '../selectors';
import { send } from '../send';
import type { DisplaySettings } from '../setting-defaults';
import { domReady } from './dom-ready';
import { initContentI18n } from './i18n';
import { pageTheme } from './page-theme';
import { mountPanel } from './panel-host';
import type { MountedUi } from './shadow-ui';

/** How many times the panel is put back after the page removed it, per paper. */
const MAX_REMOUNTS = 5;

export async function mountHfPanel(ctx: ContentScriptContext, settings: DisplaySettings): Promise<void> {
  await initContentI18n(settings.uiLanguage);
  let shownId: string | null = null;
  let mounted: MountedUi | null = null;
  let remounts = 0;
  let seq = 0;

  const show = async (id: string | null) => {
    const mine = ++seq;
    mounted?.remove();
    mounted = null;
    if (id !== shownId) remounts = 0;
    shownId = id;
    if (!id) return;
    const { paper, sourceFileUrl, liveVotes, summary } = await send('getPaper', { arxivId: id });
    if (!paper || mine !== seq) return; // no digest summary: inject nothing
    await domReady();
    const anchor = hfAbstract(document);
    if (!anchor || mine !== seq) return;
    const panelSettings = { ...settings, sourceFileUrl, hfLiveVotes: liveVotes };
    const ui = mountPanel(ctx, { anchor, at: 'after' }, paper, panelSettings, pageTheme(document), summary);
    // A newer show() began while this one was mounting: it owns the page now.
    if (mine !== seq) ui.remove();
    else mounted = ui;
  };

  await show(hfPaperIdFromUrl(location.href));

  let pending = false;
  const check = () => {
    pending = false;
    const id = hfPaperIdFromUrl(location.href);
    if (id !== shownId) {
      void show(id);
      return;
    }
    if (!mounted || remounts >= MAX_REMOUNTS) return;
    const anchor = hfAbstract(document);
    if (anchor && mounted.host.isConnected && anchor.nextElementSibling === mounted.host) return;
    if (!anchor) return;
    remounts++;
    void show(id);
  };
  const observer = new MutationObserver(() => {
    if (pending) return;
    pending = true;
    ctx.requestAnimationFrame(check);
  });
  observer.observe(document.body ?? document.documentElement, { childList: true, subtree: true });
  ctx.onInvalidated(() => observer.disconnect());
}
