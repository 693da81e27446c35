/**
 * UI strings through browser.i18n (public/_locales/{ko,en}/messages.json). Substitutions are positional: `$1`, `$2`…
 *
 * browser.i18n follows the browser's language; the options page may pin ko or en. Pages then load the bundled table
 * of that locale (`initI18n` / `loadLanguage`, a chunk of its own, loaded only then); the content script, which must
 * stay small, receives the strings it needs from the background instead (`pinMessages`). The background and tests
 * use the tables statically (./i18n-tables).
 */
import { browser } from 'wxt/browser';
import type en from '../public/_locales/en/messages.json';
import { formatMessage } from './i18n-format';
import type { UiLanguage } from './setting-defaults';
import { readUiLanguage } from './ui-language';

export type MessageKey = keyof typeof en;
export type MessageTable = Partial<Record<string, { message: string }>>;

let pinned: MessageTable | null = null;
let pinnedLang: 'ko' | 'en' | null = null;

/** Uses `table` for every string from now on (`lang` null: back to browser.i18n). */
export function pinMessages(lang: 'ko' | 'en' | null, table: MessageTable | null): void {
  pinnedLang = lang;
  pinned = lang ? table : null;
}

/** Pins the bundled table of `lang` (loaded on demand), or goes back to browser.i18n for 'auto'. */
export async function loadLanguage(lang: UiLanguage): Promise<void> {
  if (lang === 'auto') {
    pinMessages(null, null);
    return;
  }
  const table =
    lang === 'ko'
      ? await import('../public/_locales/ko/messages.json')
      : await import('../public/_locales/en/messages.json');
  pinMessages(lang, table.default);
}

/** Applies the language setting (read now, or already being read); call once before a page's first render. */
export async function initI18n(language: Promise<UiLanguage> = readUiLanguage()): Promise<void> {
  await loadLanguage(await language);
}

export function t(key: MessageKey, ...subs: (string | number)[]): string {
  const own = pinned?.[key]?.message;
  if (own !== undefined) return formatMessage(own, subs);
  let message = '';
  try {
    message = browser.i18n.getMessage(key, subs.map(String));
  } catch {
    message = '';
  }
  return message || key;
}

/** The UI language in effect: the pinned one, or the browser's UI language. */
export function uiLang(): 'ko' | 'en' {
  if (pinnedLang) return pinnedLang;
  let lang = '';
  try {
    lang = browser.i18n.getUILanguage();
  } catch {
    lang = '';
  }
  return lang.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}
