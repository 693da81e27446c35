/**
 * Vitest setup: WXT's fake browser leaves browser.i18n unimplemented; answer like a browser whose UI language is
 * English would, from the extension's own en messages.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import en from '../../public/_locales/en/messages.json';

const table = en as Record<string, { message: string } | undefined>;

Object.assign(fakeBrowser.i18n, {
  getMessage: (key: string, subs?: string | string[]) => {
    const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
    return (table[key]?.message ?? '').replace(/\$(\d)/g, (m, d: string) => list[Number(d) - 1] ?? m);
  },
  getUILanguage: () => 'en-US',
});
