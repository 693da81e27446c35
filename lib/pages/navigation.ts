/** Opening tabs from the extension pages: an arXiv abstract, the reader (at a route), any URL, the options page. */
import { browser } from 'wxt/browser';
import { arxivAbsUrl } from '../links';

export function openTab(url: string): void {
  void browser.tabs.create({ url });
}

export function openAbs(arxivId: string): void {
  openTab(arxivAbsUrl(arxivId));
}

/** The reader in a new tab, at `hash` (a reader route such as `#/paper/<id>`; empty: its home). */
export function openReader(hash = ''): void {
  openTab(browser.runtime.getURL('/reader.html') + hash);
}

export function openOptions(): void {
  void browser.runtime.openOptionsPage();
}
