// @vitest-environment happy-dom
/**
 * The popup's start: the newest digest and the UI language are asked once, as early as the <head> script runs; the
 * first render shows the list when the answer is there, and does not wait long for a slow background.
 */
import { cleanup, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { t } from '../../lib/i18n';
import { forgetPrefetch, prefetchPopup } from '../../lib/pages/popup/prefetch';
import { FIRST_RENDER_WAIT_MS, startPopup } from '../../lib/pages/popup/start';
import { send } from '../../lib/send';
import { applyLanguage } from '../support/language';
import { answerWith, sentTypes, syncedHandlers } from './pages-fixtures';

vi.mock('../../lib/send', () => ({ send: vi.fn() }));

let root: HTMLElement;
beforeEach(() => {
  fakeBrowser.reset();
  vi.mocked(send).mockReset();
  forgetPrefetch();
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  cleanup();
  root.remove();
  applyLanguage('auto');
});

/** Whether the list is in the DOM right after startPopup resolved (no waiting for a later render). */
const listed = () => root.querySelectorAll('[data-testid="paper-item"]').length;

describe('popup start', () => {
  it('asks for the newest digest once, however often the prefetch runs, and shows it in the first render', async () => {
    answerWith(send, syncedHandlers());
    prefetchPopup(); // the <head> script
    prefetchPopup(); // the module's fallback call
    await startPopup(root);
    expect(listed()).toBe(4);
    expect(sentTypes(send).filter((x) => x === 'getLatestDigest')).toHaveLength(1);
  });

  it('a <head> script that runs only after the popup started asks nothing more', async () => {
    answerWith(send, syncedHandlers());
    await startPopup(root); // the module's own request
    prefetchPopup(); // the async <head> script, late
    expect(listed()).toBe(4);
    expect(sentTypes(send).filter((x) => x === 'getLatestDigest')).toHaveLength(1);
  });

  it('a slow background does not keep the popup blank: loading first, the list when the answer comes', async () => {
    const handlers = syncedHandlers();
    const latest = handlers.getLatestDigest as NonNullable<typeof handlers.getLatestDigest>;
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => {
      release = r;
    });
    answerWith(send, {
      ...handlers,
      getLatestDigest: async (p) => {
        await gate;
        return latest(p);
      },
    });
    prefetchPopup();
    const started = Date.now();
    await startPopup(root);
    expect(Date.now() - started).toBeGreaterThanOrEqual(FIRST_RENDER_WAIT_MS - 5);
    expect(listed()).toBe(0);
    expect(root.textContent).not.toBe('');
    release();
    await waitFor(() => expect(screen.getAllByTestId('paper-item')).toHaveLength(4));
  });

  it('uses the UI language read by the prefetch', async () => {
    await fakeBrowser.storage.local.set({ uiLanguage: 'ko' });
    answerWith(send, syncedHandlers());
    prefetchPopup();
    await startPopup(root);
    expect(t('popup_searchLabel')).toBe('저장된 논문 검색');
    expect(root.textContent).toContain('저장된 논문 검색');
  });
});
