/**
 * UI strings through browser.i18n (public/_locales/{ko,en}/messages.json).
 * browser.i18n follows the browser's language; the options page may pin ko or en, in which case the
 * bundled message table of that locale is used instead. Substitutions are positional: `$1`, `$2`, …
 */
import { browser } from 'wxt/browser';
import en from '../public/_locales/en/messages.json';
import ko from '../public/_locales/ko/messages.json';
import { type UiLanguage, uiLanguageItem } from './settings';

export type MessageKey = keyof typeof en;
type Table = Record<string, { message: string } | undefined>;

let pinned: Table | null = null;
let pinnedLang: 'ko' | 'en' | null = null;

/** Reads the language setting; call once before the first render of a page or panel. */
export async function initI18n(): Promise<void> {
  applyLanguage(await uiLanguageItem.getValue());
}

export function applyLanguage(lang: UiLanguage): void {
  pinnedLang = lang === 'auto' ? null : lang;
  pinned = lang === 'ko' ? (ko as Table) : lang === 'en' ? (en as Table) : null;
}

function format(message: string, subs: readonly (string | number)[]): string {
  return message.replace(/\$(\d)/g, (m, d: string) => {
    const v = subs[Number(d) - 1];
    return v === undefined ? m : String(v);
  });
}

export function t(key: MessageKey, ...subs: (string | number)[]): string {
  if (pinned) return format(pinned[key]?.message ?? en[key].message, subs);
  let message = '';
  try {
    message = browser.i18n.getMessage(key, subs.map(String));
  } catch {
    // i18n is unavailable (unit tests without a browser): fall back to English below.
  }
  return message || format(en[key].message, subs);
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
