/**
 * UI strings through browser.i18n (public/_locales/{ko,en}/messages.json). Substitutions are positional: `$1`, `$2`…
 *
 * browser.i18n follows the browser's language; the options page may pin ko or en. Pages then use the bundled table
 * of that locale (`initI18n` / `applyLanguage`); the content script, which must stay small, receives the strings it
 * needs from the background instead (`pinMessages`).
 */
import { browser } from 'wxt/browser';
import en from '../public/_locales/en/messages.json';
import ko from '../public/_locales/ko/messages.json';
import { SETTING_KEYS, type UiLanguage } from './setting-defaults';

export type MessageKey = keyof typeof en;
export type MessageTable = Partial<Record<string, { message: string }>>;

let pinned: MessageTable | null = null;
let pinnedLang: 'ko' | 'en' | null = null;

/** Uses `table` for every string from now on (`lang` null: back to browser.i18n). */
export function pinMessages(lang: 'ko' | 'en' | null, table: MessageTable | null): void {
  pinnedLang = lang;
  pinned = lang ? table : null;
}

/** The bundled table of a locale. Only pages reference it; the content script's bundle leaves the tables out. */
export function bundledMessages(lang: 'ko' | 'en'): MessageTable {
  return lang === 'ko' ? ko : en;
}

export function applyLanguage(lang: UiLanguage): void {
  pinMessages(lang === 'auto' ? null : lang, lang === 'auto' ? null : bundledMessages(lang));
}

/** Reads the language setting; call once before a page's first render. */
export async function initI18n(): Promise<void> {
  const key = SETTING_KEYS.uiLanguage;
  const stored = (await browser.storage.local.get(key))[key];
  applyLanguage(stored === 'ko' || stored === 'en' ? stored : 'auto');
}

function format(message: string, subs: readonly (string | number)[]): string {
  return message.replace(/\$(\d)/g, (m, d: string) => {
    const v = subs[Number(d) - 1];
    return v === undefined ? m : String(v);
  });
}

export function t(key: MessageKey, ...subs: (string | number)[]): string {
  const own = pinned?.[key]?.message;
  if (own !== undefined) return format(own, subs);
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
