/**
 * The bundled string tables, imported statically: for the background (it hands the content script its strings) and
 * for tests. Pages load a table only when a language is pinned (lib/i18n `loadLanguage`), so the default ("auto":
 * the browser's language through browser.i18n) does not parse ~26 kB of strings before the first render.
 */
import en from '../public/_locales/en/messages.json';
import ko from '../public/_locales/ko/messages.json';
import { type MessageTable, pinMessages } from './i18n';
import type { UiLanguage } from './setting-defaults';

export function bundledMessages(lang: 'ko' | 'en'): MessageTable {
  return lang === 'ko' ? ko : en;
}

/** `loadLanguage` without the wait: pins the statically bundled table of `lang` ('auto': browser.i18n). */
export function applyLanguage(lang: UiLanguage): void {
  pinMessages(lang === 'auto' ? null : lang, lang === 'auto' ? null : bundledMessages(lang));
}
