/** Small helpers shared by the extension pages' controllers (popup, reader, options). */
import { useEffect } from 'preact/hooks';
import { type MessageKey, t, uiLang } from '../i18n';

/** Keeps `<html lang>` and the document title in the UI language. */
export function usePageMeta(titleKey: MessageKey, langVersion = 0): void {
  useEffect(() => {
    document.documentElement.lang = uiLang();
    document.title = t(titleKey);
  }, [titleKey, langVersion]);
}

/** An error's message in plain words; errors the background sends as a code (lib/messages.ts) in the UI language. */
export function errorText(e: unknown): string {
  if ((e as { code?: unknown } | null)?.code === 'dbNewer') return t('error_dbNewer');
  return e instanceof Error ? e.message : String(e);
}
