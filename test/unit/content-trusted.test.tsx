// @vitest-environment happy-dom
/**
 * The page's own script cannot drive the content scripts' UI: the panel and a listing badge, mounted as the content
 * scripts mount them (open shadow roots), ignore clicks made by a script (`el.click()`, a dispatched MouseEvent, a
 * synthetic Enter) and act on the user's (trusted) ones. Real Chromium, where only the browser makes trusted events
 * and keyboard activation is one of them, is in test/browser/panel-trust.test.ts.
 */
import { act, fireEvent } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { mountListingBadges } from '../../lib/content/listing-badges';
import { mountPanel } from '../../lib/content/panel-host';
import { send } from '../../lib/send';
import { DISPLAY_DEFAULTS, PRIVILEGED_DEFAULTS } from '../../lib/setting-defaults';
import { panelCollapsedItem } from '../../lib/settings';
import { showPaper } from '../../lib/show';
import { answerWith } from './pages-fixtures';

vi.mock('../../lib/send', () => ({ send: vi.fn() }));

const SETTING_DEFAULTS = { ...DISPLAY_DEFAULTS, ...PRIVILEGED_DEFAULTS };

const PAPER = showPaper({
  arxivId: '2406.16793',
  title: 'Adam-mini: Use Fewer Learning Rates To Gain More',
  votes: 22,
  authors: ['Yushun Zhang'],
  media: { kind: 'image', url: 'https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2406.16793.png' },
  sections: [{ label: "What's New", text: "새로운 옵티마이저 'Adam-mini'가 소개되었습니다." }],
  date: '2024-06-27',
  dates: ['2024-06-27'],
});

const ctx = { onInvalidated: () => undefined } as unknown as ContentScriptContext;

/** A click as the browser makes it from real input. Only a test can set `isTrusted`; in a browser it is unforgeable. */
function trustedClick(el: Element) {
  const event = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true });
  Object.defineProperty(event, 'isTrusted', { value: true });
  fireEvent(el, event);
}

/** The ways a page script can click: `.click()`, a dispatched click, and Enter/Space keys it makes up. */
const SCRIPTED: [string, (el: HTMLElement) => void][] = [
  ['el.click()', (el) => el.click()],
  ['dispatchEvent(new MouseEvent("click"))', (el) => el.dispatchEvent(new MouseEvent('click', { bubbles: true }))],
  [
    'synthetic Enter and Space',
    (el) => {
      for (const key of ['Enter', ' ']) {
        el.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
        el.dispatchEvent(new KeyboardEvent('keyup', { key, bubbles: true }));
      }
    },
  ],
];

async function scripted(how: (el: HTMLElement) => void, el: HTMLElement) {
  await act(() => how(el));
  // Let anything a handler started (a message, a storage write, a re-render) happen before looking.
  await act(() => new Promise((r) => setTimeout(r, 20)));
}

function mountAdamPanel() {
  const anchor = document.createElement('blockquote');
  document.body.append(anchor);
  const ui = mountPanel(ctx, { anchor, at: 'after' }, PAPER, { ...SETTING_DEFAULTS, sourceFileUrl: null }, 'auto');
  const root = ui.host.shadowRoot as ShadowRoot;
  const get = (testId: string) => root.querySelector<HTMLElement>(`[data-testid="${testId}"]`);
  return { ui, root, get };
}

beforeEach(() => {
  fakeBrowser.reset();
  vi.mocked(send).mockReset();
  answerWith(send, {
    openReader: () => ({ ok: true }),
    getBadges: () => ({ badges: [{ arxivId: '2406.16793', votes: 22, date: '2024-06-27' }] }),
    getPaper: () => ({
      paper: PAPER,
      sourceFileUrl: null,
      liveVotes: false,
      summary: null,
      generation: { provider: 'none', model: '', host: null, autoSummarize: false },
    }),
  });
});

afterEach(() => {
  document.body.replaceChildren();
});

describe('the panel ignores what the page script does', () => {
  it('keeps its shadow root open (tests and users’ scripts read it)', () => {
    const { ui, get } = mountAdamPanel();
    expect(ui.host.shadowRoot?.mode).toBe('open');
    expect(get('digest-panel')).not.toBeNull();
  });

  it.each(SCRIPTED)('%s on every button: no reader, collapse neither changed nor stored, no media', async (_, how) => {
    const { root, get } = mountAdamPanel();
    const buttons = [...root.querySelectorAll<HTMLElement>('button')];
    expect(buttons.map((b) => b.dataset.testid)).toEqual(['panel-toggle', 'digest-date', 'load-media', 'open-reader']);
    for (const button of buttons) await scripted(how, button);
    expect(send).not.toHaveBeenCalled();
    expect(get('panel-toggle')?.getAttribute('aria-expanded')).toBe('true');
    expect(await fakeBrowser.storage.local.get('panelCollapsed')).toEqual({});
    expect(root.querySelector('img, video')).toBeNull();
    expect(get('load-media')).not.toBeNull();
  });

  it('the user’s clicks work: collapse stored, reader opened, thumbnail loaded', async () => {
    const { root, get } = mountAdamPanel();
    trustedClick(get('open-reader') as HTMLElement);
    expect(send).toHaveBeenLastCalledWith('openReader', { hash: '#/paper/2406.16793' });
    trustedClick(get('digest-date') as HTMLElement);
    expect(send).toHaveBeenLastCalledWith('openReader', { hash: '#/2024-06-27' });
    trustedClick(get('load-media') as HTMLElement);
    expect(root.querySelector('img')?.getAttribute('src')).toBe(PAPER.media?.url);
    trustedClick(get('panel-toggle') as HTMLElement);
    expect(get('panel-toggle')?.getAttribute('aria-expanded')).toBe('false');
    await vi.waitFor(async () => expect(await panelCollapsedItem.getValue()).toBe(true));
  });

  it('a scripted click on one of its links is cancelled (nothing opened in the page’s name)', async () => {
    const { root } = mountAdamPanel();
    const link = root.querySelector('a[href^="https://huggingface.co/papers/"]') as HTMLAnchorElement;
    const event = new MouseEvent('click', { bubbles: true, cancelable: true });
    await act(() => {
      link.dispatchEvent(event);
    });
    expect(event.defaultPrevented).toBe(true);
  });
});

describe('a listing badge ignores what the page script does', () => {
  async function mountListing() {
    const dl = document.createElement('dl');
    const dt = document.createElement('dt');
    const a = document.createElement('a');
    a.href = 'https://arxiv.org/abs/2406.16793';
    a.textContent = 'arXiv:2406.16793';
    dt.append(a);
    const dd = document.createElement('dd');
    dd.textContent = 'Adam-mini';
    dl.append(dt, dd);
    document.body.append(dl);
    await mountListingBadges(ctx, 'listing', SETTING_DEFAULTS);
    const host = document.querySelector('arxiv-ko-digest-badge');
    const root = host?.shadowRoot as ShadowRoot;
    return (testId: string) => root.querySelector<HTMLElement>(`[data-testid="${testId}"]`);
  }

  it.each(SCRIPTED)('%s on the badge: the summary stays closed and is not loaded', async (_, how) => {
    const get = await mountListing();
    vi.mocked(send).mockClear();
    await scripted(how, get('badge-toggle') as HTMLElement);
    expect(get('badge-toggle')?.getAttribute('aria-expanded')).toBe('false');
    expect(send).not.toHaveBeenCalled();
  });

  it('the user’s click opens the summary, and its reader button works', async () => {
    const get = await mountListing();
    trustedClick(get('badge-toggle') as HTMLElement);
    expect(get('badge-toggle')?.getAttribute('aria-expanded')).toBe('true');
    await vi.waitFor(() => expect(get('badge-summary')?.textContent).toContain('Adam-mini'));
    await scripted((el) => el.click(), get('open-reader') as HTMLElement);
    expect(send).not.toHaveBeenCalledWith('openReader', expect.anything());
    trustedClick(get('open-reader') as HTMLElement);
    expect(send).toHaveBeenLastCalledWith('openReader', { hash: '#/paper/2406.16793' });
  });
});
