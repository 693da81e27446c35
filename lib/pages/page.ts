/** Small helpers shared by the extension pages' controllers (popup, reader, options). */
import { useEffect } from 'preact/hooks';
import { type MessageKey, t, uiLang } from '../i18n';

/** An error's message in the UI language (one the background sent as a code), else the exception's own words. */
export { errorText } from '../error-text';

/** Keeps `<html lang>` and the document title in the UI language. */
export function usePageMeta(titleKey: MessageKey, langVersion = 0): void {
  useEffect(() => {
    document.documentElement.lang = uiLang();
    document.title = t(titleKey);
  }, [titleKey, langVersion]);
}
