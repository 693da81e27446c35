/** The content script's UI language: browser.i18n, or the pinned language's strings asked from the background. */
import { pinMessages } from '../i18n';
import { send } from '../send';
import type { UiLanguage } from '../setting-defaults';

/** Never fails: if the pinned strings cannot be had, the panel speaks the browser's language instead of vanishing. */
export async function initContentI18n(lang: UiLanguage): Promise<void> {
  if (lang === 'auto') return;
  try {
    const { messages } = await send('getUiStrings', { lang });
    pinMessages(lang, messages);
  } catch (e) {
    console.warn('arXiv KO Digest: pinned UI language unavailable', e);
  }
}
