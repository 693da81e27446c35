/** Opening tabs from the extension pages: an arXiv abstract, the reader (at a route), any URL, the options page. */
import { browser } from 'wxt/browser';
import { arxivAbsUrl } from '../links';
import { send } from '../send';

export function openTab(url: string): void {
  void browser.tabs.create({ url });
}

export function openAbs(arxivId: string): void {
  openTab(arxivAbsUrl(arxivId));
}

/**
 * The reader at `hash` (a reader route such as `#/paper/<id>`; empty: its home), in the one reader tab the background
 * keeps (lib/background/reader-tab.ts: an open reader is navigated and focused, not opened again). Should the
 * background refuse the route (a search longer than a route may be), a new tab shows it.
 */
export function openReader(hash = ''): void {
  const route = hash || '#/';
  send('openReader', { hash: route }).catch(() => openTab(browser.runtime.getURL('/reader.html') + route));
}

export function openOptions(): void {
  void browser.runtime.openOptionsPage();
}
