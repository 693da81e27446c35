/**
 * The bundled string tables, imported statically: for the background (it hands the content script its strings) and
 * for tests (test/support/language.ts). Pages load a table only when a language is pinned (lib/i18n
 * `loadLanguage`), so the default ("auto": browser.i18n) does not parse ~26 kB of strings before the first render.
 */
import en from '../public/_locales/en/messages.json';
import ko from '../public/_locales/ko/messages.json';
import type { MessageTable } from './i18n';

export function bundledMessages(lang: 'ko' | 'en'): MessageTable {
  return lang === 'ko' ? ko : en;
}
