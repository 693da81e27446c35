declare const chrome: { storage: { local: { set(items: object): Promise<void> } } };

import { afterAll, beforeAll, expect, it } from 'vitest';
import { CORPUS_DIR, describeShared } from '../support/shared';
import { ARXIV_PAGES } from './support/arxiv-pages';
import { runAxe } from './support/axe';
import { extensionUrl, type Launched, launchWithExtension } from './support/launch';
import { waitForSync } from './support/messages';
import { routeArxiv, routeCorpus } from './support/routes';

const WHATS_NEW_START = "새로운 옵티마이저 'Adam-mini'가 소개되었습니다.";

describeShared('the Korean summary panel on arXiv pages', () => {
  let l: Launched;
  beforeAll(async () => {
    l = await launchWithExtension();
    await routeCorpus(l.context, CORPUS_DIR);
    await routeArxiv(l.context, ARXIV_PAGES);
    const page = await l.context.newPage();
    await page.goto(extensionUrl(l, 'popup.html'));
    await waitForSync(page, 311);
    await page.close();
  });
  afterAll(async () => l?.close());

  async function open(path: string) {
    const page = await l.context.newPage();
    await page.goto(`https://arxiv.org${path}`);
    return page;
  }

  it('shows vote 22 and the What’s New text on /abs/2406.16793, right after the abstract', async () => {
    const page = await open('/abs/2406.16793');
    const panel = page.getByTestId('digest-panel');
    await expect.poll(() => panel.count()).toBe(1);
    expect(await panel.getByTestId('vote-count').textContent()).toBe('22');
    expect(await panel.textContent()).toContain(WHATS_NEW_START);
    expect(await panel.locator('[lang="ko"]').count()).toBeGreaterThan(0);
    const placedAfterAbstract = await page.evaluate(
      () => document.querySelector('#abs blockquote.abstract')?.nextElementSibling?.tagName.toLowerCase() ?? '',
    );
    expect(placedAfterAbstract).toBe('arxiv-ko-digest-panel');
    await page.close();
  });

  it.each(['/abs/2406.16793v2', '/html/2406.16793v1'])('shows the same summary on %s', async (path) => {
    const page = await open(path);
    const panel = page.getByTestId('digest-panel');
    await expect.poll(() => panel.count()).toBe(1);
    expect(await panel.getByTestId('vote-count').textContent()).toBe('22');
    expect(await panel.textContent()).toContain(WHATS_NEW_START);
    await page.close();
  });

  it('injects nothing on an old-style id (/abs/hep-th/9901001)', async () => {
    const page = await open('/abs/hep-th/9901001');
    // Control: in the same browser a page with a summary gets its panel in this time.
    const control = await open('/abs/2406.18521');
    await expect.poll(() => control.getByTestId('digest-panel').count()).toBe(1);
    await page.waitForTimeout(300);
    expect(await page.getByTestId('digest-panel').count()).toBe(0);
    expect(await page.locator('arxiv-ko-digest-panel').count()).toBe(0);
    await page.close();
    await control.close();
  });

  it('a paper no digest covers (/abs/2501.00001), no provider chosen: a note in the panel’s place, dismissed for good', async () => {
    const page = await open('/abs/2501.00001');
    const offer = page.getByTestId('summary-offer');
    await expect.poll(() => offer.count()).toBe(1);
    expect(await offer.textContent()).toContain('No Korean digest covers this paper.');
    expect(await page.getByTestId('generate-summary').count()).toBe(0);
    expect(await page.getByTestId('digest-panel').count()).toBe(0);
    const placedAfterAbstract = await page.evaluate(
      () => document.querySelector('#abs blockquote.abstract')?.nextElementSibling?.tagName.toLowerCase() ?? '',
    );
    expect(placedAfterAbstract).toBe('arxiv-ko-digest-panel');
    const { violations } = await runAxe(page, [['arxiv-ko-digest-panel']]);
    expect(violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    await page.getByTestId('dismiss-offer').click();
    await expect.poll(() => offer.count()).toBe(0);
    await page.reload();
    const control = await open('/abs/2406.18521');
    await expect.poll(() => control.getByTestId('digest-panel').count()).toBe(1);
    await page.waitForTimeout(300);
    expect(await page.locator('arxiv-ko-digest-panel').count()).toBe(0);
    await page.close();
    await control.close();
  });

  it('puts badges on the listing only next to papers in the digests', async () => {
    const page = await open('/list/cs.CL/new');
    const badges = page.getByTestId('listing-badge');
    await expect.poll(() => badges.count()).toBe(5);
    const ids = await page.evaluate(() =>
      [...document.querySelectorAll('arxiv-ko-digest-badge')].map(
        (host) => host.closest('dt')?.querySelector('a[href^="/abs/"]')?.getAttribute('href') ?? '',
      ),
    );
    expect(ids).toEqual([
      '/abs/2406.18521',
      '/abs/2406.18495',
      '/abs/2406.18082',
      '/abs/2406.16793',
      '/abs/2406.17565',
    ]);
    const adam = page.locator('dt', { has: page.locator('a[href="/abs/2406.16793"]') }).getByTestId('badge-toggle');
    expect(await adam.getByTestId('vote-count').textContent()).toBe('22');
    await adam.click();
    const summary = page.locator('dt', { has: page.locator('a[href="/abs/2406.16793"]') }).getByTestId('badge-summary');
    await expect.poll(() => summary.textContent()).toContain(WHATS_NEW_START);
    await page.close();
  });

  it('still shows the panel with the browser offline', async () => {
    await l.context.setOffline(true);
    try {
      const page = await open('/abs/2406.16793');
      await expect.poll(() => page.getByTestId('digest-panel').count()).toBe(1);
      expect(await page.getByTestId('vote-count').textContent()).toBe('22');
      await page.close();
    } finally {
      await l.context.setOffline(false);
    }
  });

  async function setSetting(key: string, value: unknown) {
    const page = await l.context.newPage();
    await page.goto(extensionUrl(l, 'popup.html'));
    await page.evaluate(([k, v]) => chrome.storage.local.set({ [k as string]: v }), [key, value] as const);
    await page.close();
  }

  it('remembers a collapsed panel on the next page', async () => {
    const page = await open('/abs/2406.16793');
    const toggle = page.getByTestId('panel-toggle');
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('true');
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('false');
    const next = await open('/abs/2406.18521');
    await expect.poll(() => next.getByTestId('panel-toggle').getAttribute('aria-expanded')).toBe('false');
    await next.getByTestId('panel-toggle').click();
    await expect.poll(() => next.getByTestId('panel-toggle').getAttribute('aria-expanded')).toBe('true');
    await page.close();
    await next.close();
  });

  it('speaks the language pinned in the options', async () => {
    const en = (await import('../../public/_locales/en/messages.json')).default;
    const ko = (await import('../../public/_locales/ko/messages.json')).default;
    for (const [lang, table] of [
      ['en', en],
      ['ko', ko],
    ] as const) {
      await setSetting('uiLanguage', lang);
      const page = await open('/abs/2406.16793');
      const panel = page.getByTestId('digest-panel');
      await expect.poll(() => panel.count()).toBe(1);
      expect((await panel.getAttribute('aria-label')) ?? (await panel.textContent())).toContain(
        table.panel_title.message,
      );
      await page.close();
    }
    await setSetting('uiLanguage', 'auto');
  });

  it.each(['light', 'dark'] as const)('has no axe violations inside the panel (%s)', async (scheme) => {
    const page = await l.context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto('https://arxiv.org/abs/2406.16793');
    await expect.poll(() => page.getByTestId('digest-panel').count()).toBe(1);
    const { violations, shadowNodesPassed } = await runAxe(page, [['arxiv-ko-digest-panel']]);
    expect(shadowNodesPassed).toBeGreaterThan(5);
    expect(violations.map((v) => `${v.id}: ${v.help} ${JSON.stringify(v.nodes.map((n) => n.target))}`)).toEqual([]);
    await page.close();
  });
});
