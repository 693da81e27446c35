/**
 * Generated Korean summaries in the pages, in real Chromium with the built extension: brought in by an export file
 * through the options page, listed and shown in the reader (marked as machine-generated), found by the popup's
 * search (opening the reader's summary view), removed one by one after a confirmation, kept by "clear all data",
 * and exported without the API key. Runs in a plain clone without ../shared (a small digest is written here).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildExport, serializeExport } from '../../lib/export-format';
import type { StoredSummary } from '../../lib/records';
import { storedSummary } from '../support/summaries';
import { runAxe } from './support/axe';
import { extensionUrl, type Launched, launchWithExtension } from './support/launch';
import { ask, waitForSync } from './support/messages';
import { routeCorpus } from './support/routes';

const DIGEST = `## Daily Papers (2024-07-01)

### [Sparse Token Routing for Long-Context Decoders](https://arxiv.org/abs/2407.00101)

Vote: 7

Authors: Kim Minji, Park Jisoo

- ***What's New***: 토큰마다 일부 어텐션 헤드로만 라우팅하는 방법을 제안합니다.
`;

const created = Date.now() - 3 * 86_400_000;
const summary = (arxivId: string, title: string, over: Partial<StoredSummary> = {}): StoredSummary =>
  storedSummary(arxivId, title, {
    sections: [
      { label: "What's New", text: `${title}: **희소 보상** 학습을 다룹니다.` },
      { label: 'Technical Details', text: '정책 경사(policy gradient)를 씁니다.' },
      { label: 'Performance Highlights', text: '정확도가 4.2% 올랐습니다.' },
    ],
    createdAt: created,
    usage: { inputTokens: 800, outputTokens: 300 },
    ...over,
  });
const ALONE = summary('2507.00001', 'Agentic Reasoning with Sparse Rewards', { createdAt: created + 1000 });
const WITH_DIGEST = summary('2407.00101', 'Sparse Token Routing for Long-Context Decoders', {
  provider: 'anthropic',
  model: 'claude-3-5-haiku-latest',
});

describe('generated summaries in the popup, the reader and the options', () => {
  let l: Launched;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'akd-summaries-'));
    mkdirSync(join(dir, 'paper_logs', '2024', '07'), { recursive: true });
    writeFileSync(join(dir, 'paper_logs', '2024', '07', '01.md'), DIGEST);
    writeFileSync(
      join(dir, 'paper_logs', 'papers_list.csv'),
      'date,title,url\n2024-07-01,Sparse Token Routing,https://arxiv.org/abs/2407.00101\n',
    );
    l = await launchWithExtension();
    await routeCorpus(l.context, dir);
    const options = await l.context.newPage();
    await options.goto(extensionUrl(l, 'options.html'));
    await waitForSync(options, 1);
    const file = serializeExport(buildExport([], [], Date.now(), [ALONE, WITH_DIGEST]));
    await options.getByTestId('import-file').setInputFiles({
      name: 'summaries.json',
      mimeType: 'application/json',
      buffer: Buffer.from(file),
    });
    // Polled by hand: expect.poll is for tests, not hooks.
    for (let i = 0; (await ask(options, 'listSummaries', {})).summaries.length < 2; i++) {
      if (i > 200) throw new Error('the import did not store the summaries');
      await options.waitForTimeout(100);
    }
    await options.close();
  });
  afterAll(async () => {
    await l?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const open = async (path: string) => {
    const page = await l.context.newPage();
    await page.goto(extensionUrl(l, path));
    return page;
  };

  it('the reader lists them newest first, marked, with the token total, and shows each with its sections', async () => {
    const reader = await open('reader.html');
    await reader.getByTestId('summaries-link').click();
    const list = reader.getByTestId('summary-list');
    await expect.poll(() => list.getByTestId('summary-item').count()).toBe(2);
    expect(await list.getByTestId('summary-item').evaluateAll((els) => els.map((e) => e.dataset.arxivId))).toEqual([
      '2507.00001',
      '2407.00101',
    ]);
    expect(await list.getByTestId('ai-generated').count()).toBe(2);
    expect(await list.getByTestId('summary-usage').textContent()).toContain('1,600');
    await list.getByRole('link', { name: 'Agentic Reasoning with Sparse Rewards' }).click();
    const view = reader.getByTestId('summary-view');
    await expect.poll(() => view.getByTestId('ai-generated').textContent()).toContain('gpt-4o-mini');
    expect(await view.locator('dt').allTextContents()).toHaveLength(3);
    expect(await view.locator('strong').first().textContent()).toBe('희소 보상');
    expect(reader.url()).toMatch(/#\/summary\/2507\.00001$/);
    await reader.close();
  });

  it('a paper view shows the summary below its digest entry, or alone', async () => {
    const reader = await open('reader.html#/paper/2407.00101');
    const view = reader.getByTestId('paper-view');
    await expect.poll(() => view.getByTestId('summary-card').count()).toBe(1);
    expect(await view.getByTestId('paper-card').count()).toBe(1);
    expect(await view.getByTestId('summary-card').getByTestId('ai-generated').textContent()).toContain('claude');
    await reader.goto(extensionUrl(l, 'reader.html#/paper/2507.00001'));
    await expect.poll(() => reader.getByTestId('summary-card').count()).toBe(1);
    expect(await reader.getByTestId('paper-missing').count()).toBe(0);
    await reader.close();
  });

  it('the popup’s search finds one, marked, and opens the reader’s summary view', async () => {
    const popup = await open('popup.html');
    await popup.getByTestId('search-input').fill('agentic');
    const item = popup.getByTestId('search-results').getByTestId('summary-item');
    await expect.poll(() => item.count()).toBe(1);
    expect(await item.getByTestId('ai-generated').textContent()).toContain('gpt-4o-mini');
    const { violations } = await runAxe(popup);
    expect(violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`)).toEqual([]);
    const [tab] = await Promise.all([l.context.waitForEvent('page'), item.click()]);
    await tab.waitForLoadState();
    expect(tab.url()).toBe(extensionUrl(l, 'reader.html#/summary/2507.00001'));
    await expect.poll(() => tab.getByTestId('summary-view').count()).toBe(1);
    await tab.close();
    await popup.close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    it.each(['reader.html#/summaries', 'reader.html#/summary/2407.00101', 'reader.html#/paper/2407.00101'])(
      `%s has no axe violations (${scheme})`,
      async (path) => {
        const page = await l.context.newPage();
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(extensionUrl(l, path));
        await expect.poll(() => page.locator('[data-focus-target]').count()).toBeGreaterThan(0);
        const { violations } = await runAxe(page);
        expect(violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`)).toEqual([]);
        await page.close();
      },
    );
  }

  it('an export holds the summaries and not the API key; "clear all data" keeps them', async () => {
    const options = await open('options.html');
    await ask(options, 'setProviderKey', { key: 'sk-browser-test-Secret-9f3a' });
    const { json } = await ask(options, 'exportData', {});
    expect(json).not.toContain('Secret-9f3a');
    expect((JSON.parse(json) as { summaries: unknown[] }).summaries).toHaveLength(2);
    await options.getByTestId('clear-data').click();
    await options.getByTestId('clear-confirm').click();
    await expect.poll(() => ask(options, 'getSyncStatus', {}).then((r) => r.status.paperCount)).toBe(0);
    expect((await ask(options, 'listSummaries', {})).summaries).toHaveLength(2);
    expect((await ask(options, 'getSettings', {})).apiKeyHint).toBe('••••9f3a');
    await options.close();
  });

  it('removing one asks first, then it is gone from the list and from search', async () => {
    const reader = await open('reader.html#/summary/2507.00001');
    await reader.getByTestId('delete-summary').click();
    await reader.getByTestId('delete-summary-cancel').click();
    expect(await reader.getByTestId('summary-view').count()).toBe(1);
    await reader.getByTestId('delete-summary').click();
    await reader.getByTestId('delete-summary-confirm').click();
    await expect.poll(() => reader.url()).toMatch(/#\/summaries$/);
    const items = reader.getByTestId('summary-list').getByTestId('summary-item');
    await expect.poll(() => items.count()).toBe(1);
    expect(await ask(reader, 'search', { query: 'agentic', limit: 5 })).toMatchObject({ summaries: [] });
    await reader.close();
  });
});
