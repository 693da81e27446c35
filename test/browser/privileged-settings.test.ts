/**
 * Privileged settings cannot be changed from a content script's world: the test writes into storage.local from the
 * content script's own isolated world on an arXiv page (through the DevTools protocol), then syncs, and checks that
 * the source, interval and Hugging Face features are unchanged and that no other source was fetched. Runs in a
 * plain clone (its digest is written here).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRIVILEGED_DEFAULTS } from '../../lib/setting-defaults';
import { LOCAL_FIXTURES_DIR } from '../support/shared';
import { extensionUrl, type Launched, launchWithExtension } from './support/launch';
import { ask, waitForSync } from './support/messages';
import { routeArxiv, routeCorpus, UPSTREAM } from './support/routes';

const DIGEST = `## Daily Papers (2024-07-01)

### [Sparse Token Routing for Long-Context Decoders](https://arxiv.org/abs/2407.00101)

Vote: 7

- ***What's New***: 토큰마다 일부 어텐션 헤드로만 라우팅하는 방법을 제안합니다.
`;

/** Evaluates `expression` in the extension's content-script world of `page` (Chromium's isolated world). */
async function inContentScriptWorld(page: Page, extensionId: string, expression: string): Promise<unknown> {
  const cdp = await page.context().newCDPSession(page);
  const contexts: { id: number; origin: string; auxData?: { type?: string } }[] = [];
  cdp.on('Runtime.executionContextCreated', (e) => contexts.push(e.context));
  await cdp.send('Runtime.enable');
  const world = contexts.find((c) => c.auxData?.type === 'isolated' && c.origin.includes(extensionId));
  if (!world) throw new Error(`no content-script world among ${JSON.stringify(contexts)}`);
  const r = await cdp.send('Runtime.evaluate', {
    expression,
    contextId: world.id,
    awaitPromise: true,
    returnByValue: true,
  });
  await cdp.detach();
  if (r.exceptionDetails) throw new Error(JSON.stringify(r.exceptionDetails));
  return r.result.value;
}

describe('privileged settings and the content scripts', () => {
  let l: Launched;
  let dir: string;
  const requested: string[] = [];
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'akd-priv-'));
    mkdirSync(join(dir, 'paper_logs', '2024', '07'), { recursive: true });
    writeFileSync(join(dir, 'paper_logs', '2024', '07', '01.md'), DIGEST);
    writeFileSync(
      join(dir, 'paper_logs', 'papers_list.csv'),
      'date,title,url\n2024-07-01,Sparse Token Routing,https://arxiv.org/abs/2407.00101\n',
    );
    l = await launchWithExtension();
    l.context.on('request', (r) => requested.push(r.url()));
    await routeCorpus(l.context, dir);
    await routeArxiv(l.context, {
      '/abs/2407.00101v3': join(LOCAL_FIXTURES_DIR, 'arxiv', 'abs-2407.00101v3.html'),
    });
    const popup = await l.context.newPage();
    await popup.goto(extensionUrl(l, 'popup.html'));
    await waitForSync(popup, 1);
    await popup.close();
  });
  afterAll(async () => {
    await l?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('writes from the content script world change nothing privileged, and no other source is fetched', async () => {
    const page = await l.context.newPage();
    await page.goto('https://arxiv.org/abs/2407.00101v3');
    await expect.poll(() => page.getByTestId('digest-panel').count()).toBe(1);
    const evil = 'https://raw.githubusercontent.com/attacker/daily_papers_ko/main/';
    const wrote = await inContentScriptWorld(
      page,
      l.extensionId,
      `chrome.storage.local.set({ sourceUrl: ${JSON.stringify(evil)}, syncIntervalHours: 1, hfDaily: true,
        hfLiveVotes: true }).then(() => chrome.storage.local.get(null))`,
    );
    expect(wrote).toMatchObject({ sourceUrl: evil, hfLiveVotes: true }); // the write itself went through
    const popup = await l.context.newPage();
    await popup.goto(extensionUrl(l, 'popup.html'));
    await ask(popup, 'syncNow', {});
    await waitForSync(popup, 1);
    expect((await ask(popup, 'getSettings', {})).settings).toEqual(PRIVILEGED_DEFAULTS);
    // The panel still links to the real source and asks for no live votes.
    expect(await ask(popup, 'getLiveVotes', { arxivId: '2407.00101' })).toEqual({ state: 'off', live: null });
    expect(requested.filter((u) => u.includes('attacker'))).toEqual([]);
    expect(requested.some((u) => u.startsWith(UPSTREAM))).toBe(true);
    await Promise.all([page.close(), popup.close()]);
  });

  it('a content script cannot send setSettings', async () => {
    const page = await l.context.newPage();
    await page.goto('https://arxiv.org/abs/2407.00101v3');
    await expect.poll(() => page.getByTestId('digest-panel').count()).toBe(1);
    const reply = await inContentScriptWorld(
      page,
      l.extensionId,
      `chrome.runtime.sendMessage({ channel: 'arxiv-ko-digest/v1', type: 'setSettings',
        payload: { patch: { syncIntervalHours: 1 } } })`,
    );
    expect(reply).toMatchObject({ ok: false, error: expect.stringContaining('not allowed from a content script') });
    await page.close();
  });
});
