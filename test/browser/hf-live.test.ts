/**
 * Live Hugging Face data in real Chromium with the built extension: the popup's "Today on Hugging Face" list, live
 * votes in the panel (only when turned on, asked after the panel shows), and the panel on Hugging Face paper pages.
 * The API and paper pages are routed to test/fixtures/hf/.
 *
 * Permissions: headless Chromium cannot answer a `permissions.request` prompt, so the "granted" browser loads a copy
 * of the build whose manifest lists https://huggingface.co/* as granted (launchWithExtension `grantHosts`), and the
 * shipped build is checked for the ungranted path: nothing is asked from Hugging Face, the popup offers "Allow", and
 * clicking the options toggle opens the request without turning the feature on.
 */
declare const chrome: {
  storage: { local: { get(k: string): Promise<Record<string, unknown>> } };
  permissions: { contains(p: { origins: string[] }): Promise<boolean> };
};

import { afterAll, beforeAll, expect, it } from 'vitest';
import { addDays } from '../../lib/dates';
import en from '../../public/_locales/en/messages.json';
import { CORPUS_DIR, describeShared } from '../support/shared';
import { ARXIV_PAGES } from './support/arxiv-pages';
import { runAxe } from './support/axe';
import { type HfRoutes, ok, routeHf, setUpDays, status } from './support/hf-routes';
import { extensionUrl, type Launched, launchWithExtension } from './support/launch';
import { ask, waitForSync } from './support/messages';
import { routeArxiv, routeCorpus } from './support/routes';

const HF = 'https://huggingface.co/*';
const HF_PAGES = {
  '/papers/2406.16793': 'paper-page-2406.16793.html',
  '/papers/2507.01006': 'paper-page-2507.01006.html',
};
const axeText = (v: { id: string; help: string; nodes: { target: unknown[] }[] }[]) =>
  v.map((x) => `${x.id}: ${x.help} ${JSON.stringify(x.nodes.map((n) => n.target))}`);

describeShared('live Hugging Face data, huggingface.co allowed', () => {
  let l: Launched;
  let hf: HfRoutes;
  let days: { today: string; listDay: string };
  beforeAll(async () => {
    l = await launchWithExtension({ grantHosts: [HF] });
    await routeCorpus(l.context, CORPUS_DIR);
    await routeArxiv(l.context, ARXIV_PAGES);
    hf = await routeHf(l.context, HF_PAGES);
    days = setUpDays(hf);
    hf.papers.set('2406.16793', ok('paper-2406.16793.json'));
    const page = await l.context.newPage();
    await page.goto(extensionUrl(l, 'options.html'));
    expect(await page.evaluate((o) => chrome.permissions.contains({ origins: [o] }), HF)).toBe(true);
    await waitForSync(page, 311);
    await page.close();
  });
  afterAll(async () => l?.close());

  const paperRequests = (id: string) => hf.requests.filter((u) => u.endsWith(`/api/papers/${id}`));
  const dailyRequests = () => hf.requests.filter((u) => u.includes('/api/daily_papers'));

  it('popup: the newest day with papers, walking back over a 400 and an empty day, digest papers marked', async () => {
    const page = await l.context.newPage();
    await page.goto(extensionUrl(l, 'popup.html'));
    const section = page.getByTestId('hf-today');
    const items = section.getByTestId('hf-item');
    await expect.poll(() => items.count()).toBe(4);
    expect(dailyRequests()).toEqual(
      [days.today, addDays(days.today, -1), days.listDay].map(
        (d) => `https://huggingface.co/api/daily_papers?date=${d}`,
      ),
    );
    // Live upvotes, most first; the two digest papers are marked Korean, the others English.
    expect(await items.evaluateAll((els) => els.map((e) => e.getAttribute('data-arxiv-id')))).toEqual([
      '2406.16793',
      '2507.00994',
      '2507.01006',
      '2406.18521',
    ]);
    expect(await items.evaluateAll((els) => els.map((e) => e.getAttribute('data-korean')))).toEqual([
      'true',
      'false',
      'false',
      'true',
    ]);
    expect(await section.getByTestId('hf-upvotes').allTextContents()).toEqual(['57', '41', '17', '9']);
    expect(await section.getByTestId('hf-ko-mark').count()).toBe(2);
    expect(await section.getByTestId('hf-en-mark').count()).toBe(2);
    const english = items.nth(1);
    expect(await english.getByTestId('hf-en-mark').textContent()).toBe(en.popup_hfEnMark.message);
    expect(await english.getByTestId('hf-ai-summary').textContent()).toContain('Probing reveals that MLLMs');
    expect(await english.getAttribute('href')).toBe('https://huggingface.co/papers/2507.00994');
    expect(await items.nth(0).locator('[lang="ko"]').textContent()).toMatch(/[가-힣]/);
    expect(await section.getByTestId('hf-fetched').textContent()).toContain(days.listDay);

    // A Korean entry opens its summary in the reader.
    const [reader] = await Promise.all([l.context.waitForEvent('page'), items.nth(0).click()]);
    await expect.poll(() => reader.url()).toContain('/reader.html#/paper/2406.16793');
    await reader.close();
    await page.close();
  });

  it('popup: offline, the cached list with its fetch time and no request', async () => {
    const before = hf.requests.length;
    await l.context.setOffline(true);
    try {
      const page = await l.context.newPage();
      await page.goto(extensionUrl(l, 'popup.html'));
      await expect.poll(() => page.getByTestId('hf-item').count()).toBe(4);
      expect(await page.getByTestId('hf-fetched').textContent()).toContain(days.listDay);
      expect(hf.requests.length).toBe(before);
      await page.close();
    } finally {
      await l.context.setOffline(false);
    }
  });

  it('panel: no live votes and no per-paper request while the option is off (the default)', async () => {
    const page = await l.context.newPage();
    await page.goto('https://arxiv.org/abs/2406.16793');
    await expect.poll(() => page.getByTestId('digest-panel').count()).toBe(1);
    expect(await page.getByTestId('vote-count').textContent()).toBe('22');
    // The background refuses too: the option is the gate, not only the content script.
    const ext = await l.context.newPage();
    await ext.goto(extensionUrl(l, 'popup.html'));
    expect(await ask(ext, 'getLiveVotes', { arxivId: '2406.16793' })).toEqual({ state: 'off', live: null });
    await ext.close();
    expect(await page.getByTestId('live-vote-count').count()).toBe(0);
    expect(paperRequests('2406.16793')).toEqual([]);
    await page.close();
  });

  it('turned on in the options: the live count comes after the panel, beside the digest vote and date', async () => {
    const options = await l.context.newPage();
    await options.goto(extensionUrl(l, 'options.html'));
    const toggle = options.getByTestId('live-votes-toggle');
    expect(await toggle.isChecked()).toBe(false);
    await toggle.click();
    await expect.poll(async () => (await ask(options, 'getSettings', {})).settings.hfLiveVotes).toBe(true);
    expect(await options.getByTestId('hf-message').textContent()).toBe(en.options_saved.message);

    // Hold the answer: the panel must already be there when the request arrives, and must not wait for it.
    let release: () => void = () => undefined;
    const held = new Promise<void>((r) => {
      release = r;
    });
    let panelAtRequest: boolean | null = null;
    const page = await l.context.newPage();
    hf.papers.set('2406.16793', async () => {
      panelAtRequest = await page.evaluate(() => document.querySelector('arxiv-ko-digest-panel') !== null);
      await held;
      return ok('paper-2406.16793.json');
    });
    await page.goto('https://arxiv.org/abs/2406.16793');
    await expect.poll(() => paperRequests('2406.16793').length).toBe(1);
    await expect.poll(() => page.getByTestId('vote-count').textContent()).toBe('22');
    expect(await page.getByTestId('live-vote-count').count()).toBe(0);
    release();
    await expect.poll(() => page.getByTestId('live-vote-count').textContent()).toBe('123');
    expect(panelAtRequest).toBe(true);
    expect(await page.getByTestId('vote-count').textContent()).toBe('22');
    expect(await page.getByTestId('digest-vote-date').textContent()).toContain('2024-06-27');

    // Cached (TTL): another page shows it without asking again.
    const again = await l.context.newPage();
    await again.goto('https://arxiv.org/abs/2406.16793v2');
    await expect.poll(() => again.getByTestId('live-vote-count').textContent()).toBe('123');
    expect(paperRequests('2406.16793')).toHaveLength(1);
    await again.close();

    await page.close();
    await options.close();
  });

  it('the panel on a Hugging Face paper page with a digest, after the abstract; nothing for another paper', async () => {
    const page = await l.context.newPage();
    await page.goto('https://huggingface.co/papers/2406.16793');
    const panel = page.getByTestId('digest-panel');
    await expect.poll(() => panel.count()).toBe(1);
    expect(await panel.getByTestId('vote-count').textContent()).toBe('22');
    await expect.poll(() => panel.getByTestId('live-vote-count').textContent()).toBe('123');
    expect(
      await page.evaluate(
        () => document.querySelector('arxiv-ko-digest-panel')?.previousElementSibling?.querySelector('h2')?.textContent,
      ),
    ).toBe('Abstract');

    const unknown = await l.context.newPage();
    await unknown.goto('https://huggingface.co/papers/2507.01006');
    // Control: in the same browser a paper with a digest gets its panel in this time.
    const control = await l.context.newPage();
    await control.goto('https://huggingface.co/papers/2406.16793');
    await expect.poll(() => control.getByTestId('digest-panel').count()).toBe(1);
    await unknown.waitForTimeout(300);
    expect(await unknown.locator('arxiv-ko-digest-panel').count()).toBe(0);
    expect(paperRequests('2507.01006')).toEqual([]);
    await Promise.all([page.close(), unknown.close(), control.close()]);
  });

  it('no axe violations in the popup list, the options section and the panel with live votes', async () => {
    const popup = await l.context.newPage();
    await popup.goto(extensionUrl(l, 'popup.html'));
    await expect.poll(() => popup.getByTestId('hf-item').count()).toBe(4);
    expect(axeText((await runAxe(popup, [['[data-testid="hf-today"]']])).violations)).toEqual([]);
    await popup.close();

    const options = await l.context.newPage();
    await options.goto(extensionUrl(l, 'options.html'));
    await expect.poll(() => options.getByTestId('hf-options').count()).toBe(1);
    expect(axeText((await runAxe(options, [['[data-testid="hf-options"]']])).violations)).toEqual([]);
    await options.close();

    for (const scheme of ['light', 'dark'] as const) {
      const page = await l.context.newPage();
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto('https://arxiv.org/abs/2406.16793');
      await expect.poll(() => page.getByTestId('live-vote-count').count()).toBe(1);
      const { violations, shadowNodesPassed } = await runAxe(page, [['arxiv-ko-digest-panel']]);
      expect(shadowNodesPassed).toBeGreaterThan(5);
      expect(axeText(violations)).toEqual([]);
      await page.close();
    }
  });

  it('a 429 leaves the digest vote and pauses Hugging Face requests', async () => {
    hf.papers.set('2406.18521', status(429, 'rate-limited.json', { 'retry-after': '30' }));
    const page = await l.context.newPage();
    await page.goto('https://arxiv.org/abs/2406.18521');
    await expect.poll(() => page.getByTestId('digest-panel').count()).toBe(1);
    await expect.poll(() => paperRequests('2406.18521').length).toBe(1);
    const ext = await l.context.newPage();
    await ext.goto(extensionUrl(l, 'popup.html'));
    // Asked again within Retry-After: answered without a request.
    expect(await ask(ext, 'getLiveVotes', { arxivId: '2406.18521' })).toEqual({ state: 'rateLimited', live: null });
    expect(paperRequests('2406.18521')).toHaveLength(1);
    expect(await page.getByTestId('live-vote-count').count()).toBe(0);
    expect(await page.getByTestId('vote-count').textContent()).toMatch(/^\d+$/);
    await ext.close();
    await page.close();
  });
});

describeShared('live Hugging Face data, huggingface.co not allowed (the shipped manifest)', () => {
  let l: Launched;
  let hf: HfRoutes;
  beforeAll(async () => {
    l = await launchWithExtension();
    await routeCorpus(l.context, CORPUS_DIR);
    await routeArxiv(l.context, ARXIV_PAGES);
    hf = await routeHf(l.context, HF_PAGES);
    setUpDays(hf);
    hf.papers.set('2406.16793', ok('paper-2406.16793.json'));
    const page = await l.context.newPage();
    await page.goto(extensionUrl(l, 'popup.html'));
    await waitForSync(page, 311);
    await page.close();
  });
  afterAll(async () => l?.close());

  it('asks nothing from Hugging Face; the popup offers to allow huggingface.co', async () => {
    const page = await l.context.newPage();
    await page.goto(extensionUrl(l, 'popup.html'));
    expect(await page.evaluate((o) => chrome.permissions.contains({ origins: [o] }), HF)).toBe(false);
    const allow = page.getByTestId('hf-allow');
    await expect.poll(() => allow.count()).toBe(1);
    expect(await allow.textContent()).toBe(en.popup_hfAllow.message);
    expect(await page.getByTestId('hf-item').count()).toBe(0);
    expect(hf.requests).toEqual([]);
    expect(axeText((await runAxe(page, [['[data-testid="hf-today"]']])).violations)).toEqual([]);
    await page.close();
  });

  it('the options toggle asks for the permission in the click and stays off until it is granted', async () => {
    const options = await l.context.newPage();
    await options.goto(extensionUrl(l, 'options.html'));
    const toggle = options.getByTestId('live-votes-toggle');
    await toggle.click();
    // The request is open (a browser prompt headless Chromium cannot answer): the setting is not saved.
    const page = await l.context.newPage();
    await page.goto('https://arxiv.org/abs/2406.16793');
    await expect.poll(() => page.getByTestId('digest-panel').count()).toBe(1);
    expect((await ask(options, 'getSettings', {})).settings.hfLiveVotes).toBe(false);
    expect(await toggle.isChecked()).toBe(false);
    expect(await options.evaluate((o) => chrome.permissions.contains({ origins: [o] }), HF)).toBe(false);
    expect(await page.getByTestId('live-vote-count').count()).toBe(0);
    expect(hf.requests).toEqual([]);
    await page.close();
    await options.close();
  });

  it('without the permission the option cannot be turned on, and storage.local cannot turn it on either', async () => {
    const ext = await l.context.newPage();
    await ext.goto(extensionUrl(l, 'popup.html'));
    await expect(ask(ext, 'setSettings', { patch: { hfLiveVotes: true } })).rejects.toThrow(
      'access to https://huggingface.co has not been granted',
    );
    await ext.evaluate(() =>
      (chrome.storage.local as unknown as { set(v: object): Promise<void> }).set({ hfLiveVotes: true }),
    );
    expect(await ask(ext, 'getLiveVotes', { arxivId: '2406.16793' })).toEqual({ state: 'off', live: null });
    const page = await l.context.newPage();
    await page.goto('https://huggingface.co/papers/2406.16793');
    await expect.poll(() => page.getByTestId('digest-panel').count()).toBe(1);
    expect(await page.getByTestId('live-vote-count').count()).toBe(0);
    expect(hf.requests).toEqual([]);
    await Promise.all([page.close(), ext.close()]);
  });
});
