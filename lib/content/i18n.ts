/** The content script's UI language: browser.i18n, or the pinned language's strings asked from the background. */
import { pinMessages } from '../i18n';
import { send } from '../send';
import type { UiLanguage } from '../setting-defaults';

/** Never fails: if the pinned strings cannot be had, the panel speaks the browser's language instead of vanishing. */
export async function initContentI18n(lang: UiLanguage): Promise<void> {
  if (lang === 'auto') return;
  // A refusal (the worker stopping, a newer database) leaves the browser's language; the panel still shows.
  await send('getUiStrings', { lang }).then(
    ({ messages }) => pinMessages(lang, messages),
    () => undefined,
  );
}
