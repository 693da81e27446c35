/**
 * Driving the reader page in unit tests (the test file mocks lib/send, whose mock `start` answers with `handlers`).
 */
import { render } from '@testing-library/preact';
import { ReaderApp } from '../../lib/pages/reader/app';
import { send } from '../../lib/send';
import { answerWith, syncedHandlers } from './pages-fixtures';

/** Navigates like a link or the address bar would: new hash, then `hashchange`. */
export function go(hash: string) {
  history.replaceState(null, '', hash);
  window.dispatchEvent(new Event('hashchange'));
}

/** Opens the reader at `hash` with the background answering from `handlers`. */
export function start(hash: string, handlers = syncedHandlers()) {
  history.replaceState(null, '', hash || '#');
  answerWith(send, handlers);
  render(<ReaderApp />);
}
