/**
 * Issue 10, parts 3 and 4, in real Chromium: arxiv.org's own script (Playwright's `page.evaluate` runs in the page's
 * main world, where the page's scripts run; the content script has its own) can reach the panel through its open
 * shadow root but not drive it; the user's clicks and keys do. Opening the reader again reuses its tab. Nothing is
 * asked of the thumbnail host until the user presses `load-media` (or turned "load thumbnails automatically" on).
 */
declare const chrome: {
  storage: { local: { get(key: string): Promise<Record<string, unknown>>; set(items: object): Promise<void> } };
};

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CORPUS_DIR, describeShared } from '../support/shared';
import { ARXIV_PAGES } from './support/arxiv-pages';
import { runAxe } from './support/axe';
import { extensionUrl, type Launched, launchWithExtension } from './support/launch';
import { waitForSync } from './support/messages';
import { pressEveryPanelButton } from './support/page-script';
import { routeArxiv, routeCorpus } from './support/routes';

const THUMB_HOST = 'cdn-thumbnails.huggingface.co';
const ADAM_THUMB = `https://${THUMB_HOST}/social-thumbnails/papers/2406.16793.png`;

describeShared('the page cannot drive the panel; media only when asked; one reader tab', () => {
  let l: Launched;
  const requests: string[] = [];
  beforeAll(async () => {
    l = await launchWithExtension();
    await routeCorpus(l.context, CORPUS_DIR);
    await routeArxiv(l.context, ARXIV_PAGES);
    l.context.on('request', (r) => requests.push(r.url()));
    const page = await l.context.newPage();
    await page.goto(extensionUrl(l, 'popup.html'));
    await waitForSync(page, 311);
    await page.close();
  });
  afterAll(async () => l?.close());

  const thumbRequests = () => requests.filter((u) => u.startsWith(`https://${THUMB_HOST}/`));
  const readerPages = () => l.context.pages().filter((p) => p.url().startsWith(extensionUrl(l, 'reader.html')));

  async function storage<T>(run: (page: Page) => Promise<T>): Promise<T> {
    const page = await l.context.newPage();
    await page.goto(extensionUrl(l, 'options.html'));
    try {
      return await run(page);
    } finally {
      await page.close();
    }
  }
  const stored = (key: string) =>
    storage((page) => page.evaluate(async (k) => (await chrome.storage.local.get(k))[k], key));
  const setStored = (key: string, value: unknown) =>
    storage((page) => page.evaluate(([k, v]) => chrome.storage.local.set({ [k as string]: v }), [key, value]));

  async function openAdam() {
    const page = await l.context.newPage();
    await page.goto('https://arxiv.org/abs/2406.16793');
    const panel = page.getByTestId('digest-panel');
    await expect.poll(() => panel.count()).toBe(1);
    return { page, panel };
  }

  it('the page’s script clicking inside the open shadow root opens no tab, stores nothing, loads nothing', async () => {
    const { page, panel } = await openAdam();
    const clicked = await page.evaluate(pressEveryPanelButton);
    expect(clicked).toEqual(['panel-toggle', 'digest-date', 'load-media', 'open-reader']);
    // Control: in this time a real click opens its reader (next test) and stores a collapse (below).
    await page.waitForTimeout(500);
    expect(readerPages()).toHaveLength(0);
    expect(await stored('panelCollapsed')).toBeUndefined();
    expect(await panel.getByTestId('panel-toggle').getAttribute('aria-expanded')).toBe('true');
    expect(await panel.locator('img, video').count()).toBe(0);
    expect(thumbRequests()).toEqual([]);

    // The user's click still works.
    await panel.getByTestId('panel-toggle').click();
    await expect.poll(() => panel.getByTestId('panel-toggle').getAttribute('aria-expanded')).toBe('false');
    await expect.poll(() => stored('panelCollapsed')).toBe(true);
    await setStored('panelCollapsed', false);
    await page.close();
  });

  it('the user’s click and Enter open the reader; opening it again leaves one reader tab, showing the new route', async () => {
    const { page, panel } = await openAdam();
    const [reader] = await Promise.all([l.context.waitForEvent('page'), panel.getByTestId('open-reader').click()]);
    await expect.poll(() => reader.url()).toContain('/reader.html#/paper/2406.16793');
    await expect.poll(() => reader.getByTestId('paper-view').count()).toBe(1);

    // Enter on the focused date button is a trusted click: keyboard users open the reader too.
    await page.bringToFront();
    await panel.getByTestId('digest-date').first().focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => reader.url()).toContain('/reader.html#/2024-06-27');
    await expect.poll(() => reader.getByTestId('day-view').count()).toBe(1);
    await expect.poll(() => reader.evaluate(() => document.visibilityState)).toBe('visible');

    await page.bringToFront();
    await panel.getByTestId('open-reader').click();
    await expect.poll(() => reader.url()).toContain('/reader.html#/paper/2406.16793');
    await expect.poll(() => reader.getByTestId('paper-view').count()).toBe(1);
    expect(readerPages()).toEqual([reader]);
    await reader.close();
    await page.close();
  });

  it('the panel asks nothing of the thumbnail host until the user presses load-media', async () => {
    const { page, panel } = await openAdam();
    const ask = panel.getByTestId('load-media');
    expect(await ask.textContent()).toContain(THUMB_HOST);
    await page.waitForTimeout(300);
    expect(thumbRequests()).toEqual([]);
    await ask.focus();
    await page.keyboard.press('Space');
    await expect.poll(() => panel.locator('img').getAttribute('src')).toBe(ADAM_THUMB);
    await expect.poll(() => thumbRequests()).toEqual([ADAM_THUMB]);
    // Focus went to what was loaded, not back to the page.
    expect(await page.evaluate(() => document.activeElement?.tagName.toLowerCase())).toBe('arxiv-ko-digest-panel');
    const { violations } = await runAxe(page, [['arxiv-ko-digest-panel']]);
    expect(violations.map((v) => `${v.id}: ${v.help} ${JSON.stringify(v.nodes.map((n) => n.target))}`)).toEqual([]);
    await page.close();
  });

  it('the reader asks nothing of the thumbnail host until the user presses load-media', async () => {
    const before = thumbRequests().length;
    const reader = await l.context.newPage();
    await reader.goto(`${extensionUrl(l, 'reader.html')}#/2024-06-27`);
    await expect.poll(() => reader.getByTestId('paper-card').count()).toBeGreaterThan(1);
    await reader.waitForTimeout(300);
    expect(await reader.locator('img, video').count()).toBe(0);
    expect(thumbRequests().length).toBe(before);
    const card = reader.locator('[data-arxiv-id="2406.16793"]');
    await card.getByTestId('load-media').click();
    await expect.poll(() => card.locator('img').getAttribute('src')).toBe(ADAM_THUMB);
    await expect.poll(() => thumbRequests().length).toBe(before + 1);
    expect(await reader.locator('img').count()).toBe(1);
    await reader.close();
  });

  it('with "load thumbnails automatically" on, the panel loads its thumbnail as it shows', async () => {
    const before = thumbRequests().length;
    await setStored('autoLoadMedia', true);
    try {
      const { page, panel } = await openAdam();
      await expect.poll(() => panel.locator('img').getAttribute('src')).toBe(ADAM_THUMB);
      expect(await panel.getByTestId('load-media').count()).toBe(0);
      await expect.poll(() => thumbRequests().length).toBe(before + 1);
      await page.close();
    } finally {
      await setStored('autoLoadMedia', false);
    }
  });
});
