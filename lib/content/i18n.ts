/** The content script's UI language: browser.i18n, or the pinned language's strings asked from the background. */
import { pinMessages } from '../i18n';
import { send } from '../send';
import type { UiLanguage } from '../setting-defaults';

export async function initContentI18n(lang: UiLanguage): Promise<void> {
  if (lang === 'auto') return;
  const { messages } = await send('getUiStrings', { lang });
  pinMessages(lang, messages);
}
