/**
 * The popup's start: the strings, then the first render, which waits a moment for the newest digest so that the
 * list is in the first frame instead of a loading state that flashes for a few milliseconds. A background that is
 * slow to answer (a worker starting up) does not keep the popup blank: after `FIRST_RENDER_WAIT_MS` it renders with
 * the loading state and the list follows.
 */
import { render } from 'preact';
import { initI18n } from '../../i18n';
import { PopupApp } from './app';
import { takeLanguage, takeLatest } from './prefetch';

export const FIRST_RENDER_WAIT_MS = 50;

export async function startPopup(root: HTMLElement): Promise<void> {
  const latest = takeLatest();
  await initI18n(takeLanguage().catch(() => 'auto' as const));
  await Promise.race([latest.promise.catch(() => {}), new Promise((r) => setTimeout(r, FIRST_RENDER_WAIT_MS))]);
  render(<PopupApp first={latest} />, root);
}
