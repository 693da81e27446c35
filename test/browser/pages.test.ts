/**
 * The popup, the offline reader and the options page in real Chromium with the built extension: first-run empty
 * state, sync from the routed upstream, today's papers by votes, search, navigation, deep links, offline reading,
 * and axe-core in light and dark.
 */
declare const chrome: { tabs: { query(q: object): Promise<{ url?: string; pendingUrl?: string }[]> } };

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import en from '../../public/_locales/en/messages.json';
import { CORPUS_DIR, describeShared } from '../support/shared';
import { runAxe } from './support/axe';
import { extensionUrl, type Launched, launchWithExtension } from './support/launch';
import { ask, waitForSync } from './support/messages';
import { routeCorpus } from './support/routes';

const entriesIn = (rel: string) =>
  readFileSync(join(CORPUS_DIR, 'paper_logs', rel), 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('### ')).length;

describeShared('popup, reader and options', () => {
  let l: Launched;
  beforeAll(async () => {
    l = await launchWithExtension();
    await l.context.route('https://arxiv.org/abs/**', (route) =>
      route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>arXiv abs</title>' }),
    );
  });
  afterAll(async () => l?.close());

  const open = async (path: string) => {
    const page = await l.context.newPage();
    await page.goto(extensionUrl(l, path));
    return page;
  };

  it('says what is happening before the first sync, then syncs on "Sync now"', async () => {
    const popup = await open('popup.html');
    await expect.poll(() => popup.getByTestId('empty-state').isVisible()).toBe(true);
    expect((await popup.getByTestId('empty-state').textContent())?.trim().length).toBeGreaterThan(10);
    expect(await popup.getByTestId('paper-item').count()).toBe(0);

    await routeCorpus(l.context, CORPUS_DIR);
    await popup.getByTestId('sync-now').click();
    await waitForSync(popup, 311);
    await expect.poll(() => popup.getByTestId('paper-count').textContent(), { timeout: 15_000 }).toMatch(/4,?671/);
    await popup.close();
  });

  it('lists the newest digest by votes, dated plainly (2025-05-09 is not today)', async () => {
    const popup = await open('popup.html');
    const items = popup.getByTestId('paper-item');
    await expect.poll(() => items.count()).toBe(entriesIn('2025/05/09.md'));
    const body = (await popup.locator('body').textContent()) ?? '';
    expect(body).toContain('2025-05-09');
    expect(body).not.toContain(en.popup_today.message.replace('$1', '2025-05-09'));
    const votes = (await items.getByTestId('vote-count').allTextContents()).map((v) => (v === '–' ? -1 : Number(v)));
    expect(votes.length).toBe(entriesIn('2025/05/09.md'));
    expect(votes).toEqual([...votes].sort((a, b) => b - a));

    await popup.getByTestId('prev-day').click();
    await expect.poll(() => popup.locator('body').textContent()).toContain('2025-05-08');
    await expect.poll(() => items.count()).toBe(entriesIn('2025/05/08.md'));
    await popup.close();
  });

  it('searches every synced paper as you type and opens the abstract page', async () => {
    const popup = await open('popup.html');
    await popup.getByTestId('search-input').fill('Adam-mini');
    const first = popup.getByTestId('paper-item').first();
    await expect.poll(() => first.textContent()).toContain('Adam-mini');
    await popup.getByTestId('search-input').fill('옵티마이저 메모리');
    await expect.poll(() => popup.getByTestId('paper-item').count()).toBeGreaterThan(1);

    await popup.getByTestId('search-input').fill('Adam-mini');
    await expect.poll(() => first.textContent()).toContain('Adam-mini');
    const [tab] = await Promise.all([l.context.waitForEvent('page'), first.click()]);
    // The tab's own URL, as the browser shows it (the page itself is whatever the route serves).
    const tabUrls = () =>
      popup.evaluate(async () => (await chrome.tabs.query({})).map((t) => t.pendingUrl ?? t.url ?? ''));
    await expect.poll(tabUrls).toContain('https://arxiv.org/abs/2406.16793');
    await tab.close();
    await popup.close();
  });

  it('reader: days newest first, one day in full, one paper by deep link', async () => {
    const reader = await open('reader.html');
    const days = reader.getByTestId('day-link');
    await expect.poll(() => days.count()).toBe(311);
    expect(await days.first().textContent()).toContain('2025-05-09');

    await reader.goto(`${extensionUrl(l, 'reader.html')}#/2024-06-27`);
    await expect.poll(() => reader.getByTestId('paper-card').count()).toBe(entriesIn('2024/06/27.md'));

    await reader.goto(`${extensionUrl(l, 'reader.html')}#/paper/2406.16793`);
    const view = reader.getByTestId('paper-view');
    await expect.poll(() => view.textContent()).toContain("새로운 옵티마이저 'Adam-mini'가 소개되었습니다.");
    expect(await view.getByTestId('vote-count').first().textContent()).toBe('22');
    await reader.close();
  });

  it('reader: the same search, with results as you type', async () => {
    const reader = await open('reader.html');
    await reader.getByTestId('search-input').fill('Adam-mini');
    await expect.poll(() => reader.getByTestId('search-view').textContent()).toContain('Adam-mini');
    expect(reader.url()).toMatch(/#\/search\/Adam-mini$/);
    await reader.close();
  });

  it('options: the default source is shown and a bad URL is refused with a message', async () => {
    const options = await open('options.html');
    const field = options.getByTestId('source-url');
    await expect.poll(() => field.inputValue()).toBe('https://raw.githubusercontent.com/l-yohai/daily_papers_ko/main/');
    await field.fill('javascript:alert(1)');
    await options.getByTestId('save-source').click();
    await expect.poll(() => field.getAttribute('aria-invalid')).toBe('true');
    expect((await options.locator('p.error[role="status"]').first().textContent())?.length).toBeGreaterThan(5);
    await options.reload();
    await expect
      .poll(() => options.getByTestId('source-url').inputValue())
      .toBe('https://raw.githubusercontent.com/l-yohai/daily_papers_ko/main/');
    await options.close();
  });

  it('every page reads offline after a sync', async () => {
    await l.context.setOffline(true);
    try {
      const popup = await open('popup.html');
      await expect.poll(() => popup.getByTestId('paper-item').count()).toBe(entriesIn('2025/05/09.md'));
      const reader = await open('reader.html#/paper/2406.16793');
      await expect.poll(() => reader.getByTestId('paper-view').textContent()).toContain('Adam-mini');
      const options = await open('options.html');
      await expect.poll(() => options.getByTestId('storage-info').textContent()).toMatch(/4,?671/);
      for (const p of [popup, reader, options]) await p.close();
    } finally {
      await l.context.setOffline(false);
    }
  });

  // Last in this file: it empties the database on purpose (and fills it again).
  it('options: export, clear (after a confirmation), a bad import changes nothing, the export restores everything', async () => {
    const options = await open('options.html');
    const info = options.getByTestId('storage-info');
    await expect.poll(() => info.textContent()).toMatch(/4,?671/);

    const [download] = await Promise.all([
      options.waitForEvent('download'),
      options.getByTestId('export-data').click(),
    ]);
    const exported = readFileSync((await download.path()) as string, 'utf8');
    const file = JSON.parse(exported) as { papers: { arxivId: string }[]; digests: unknown[] };
    expect(file.papers).toHaveLength(4671);
    expect(file.digests).toHaveLength(311);

    await options.getByTestId('clear-data').click();
    await expect.poll(() => options.getByTestId('clear-confirmation').isVisible()).toBe(true);
    await options.getByTestId('clear-confirm').click();
    await expect.poll(() => ask(options, 'getSyncStatus', {}).then((r) => r.status.paperCount)).toBe(0);

    const broken = { ...file, papers: [...file.papers, { arxivId: 'javascript:alert(1)' }] };
    await options.getByTestId('import-file').setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(broken)),
    });
    await expect.poll(() => options.locator('p.error[role="status"]').count()).toBeGreaterThan(0);
    expect((await ask(options, 'getSyncStatus', {})).status.paperCount).toBe(0);

    await options.getByTestId('import-file').setInputFiles({
      name: 'export.json',
      mimeType: 'application/json',
      buffer: Buffer.from(exported),
    });
    await expect.poll(() => ask(options, 'getSyncStatus', {}).then((r) => r.status.paperCount)).toBe(4671);
    const { paper } = await ask(options, 'getPaper', { arxivId: '2406.16793' });
    expect(paper?.votes).toBe(22);
    expect((await ask(options, 'getDigest', { date: '2024-06-27' })).papers).toHaveLength(entriesIn('2024/06/27.md'));
    await options.close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    it.each(['popup.html', 'reader.html', 'reader.html#/2024-06-27', 'options.html'])(
      `%s has no axe violations (${scheme})`,
      async (path) => {
        const page = await l.context.newPage();
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(extensionUrl(l, path));
        await page.waitForLoadState('load');
        await expect.poll(() => page.locator('main, [role="main"]').count()).toBeGreaterThan(0);
        await page.waitForTimeout(300);
        const { violations } = await runAxe(page);
        expect(violations.map((v) => `${v.id}: ${v.help} ${JSON.stringify(v.nodes.map((n) => n.target))}`)).toEqual([]);
        await page.close();
      },
    );
  }
});
