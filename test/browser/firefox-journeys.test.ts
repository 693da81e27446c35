/**
 * The Firefox build (.output/firefox-mv2) in real Firefox ESR: it installs, then the user journeys every build must
 * pass (support/journeys.ts), then what differs in Firefox. One browser for the whole file.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../../public/_locales/en/messages.json';
import { launchFirefox } from './support/firefox';
import { journeys } from './support/journeys';

declare const browser: {
  runtime: { getManifest(): { manifest_version: number; name: string } };
  tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> };
  browserAction: { getBadgeText(d: { tabId: number }): Promise<string> };
};

/** A one-page PDF, so Firefox opens its PDF viewer as for a real arXiv PDF. */
const PDF =
  '%PDF-1.1\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
  '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n';
const PDF_URL = 'https://arxiv.org/pdf/2407.00101v3';

describe('the Firefox build in real Firefox ESR', () => {
  const j = journeys(async ({ pages, hfServer }) => {
    const dir = mkdtempSync(join(tmpdir(), 'akd-pdf-'));
    writeFileSync(join(dir, 'paper.pdf'), PDF);
    // Firefox match patterns take no port: this grants the loopback source and model endpoint on whatever ports they
    // got. huggingface.co as after the user's "Allow"; its requests go to the loopback copy of its answers.
    const ff = await launchFirefox({
      grantHosts: ['http://127.0.0.1/*', 'https://huggingface.co/*'],
      arxivPages: { ...pages, [new URL(PDF_URL).pathname]: join(dir, 'paper.pdf') },
      redirects: [['https://huggingface.co/', `${hfServer.base}/`]],
    });
    return {
      driver: ff,
      async close() {
        await ff.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  });

  it('installs as an MV2 add-on with its localized name, in a browser without Chrome’s on-device APIs', async () => {
    const { driver } = j.get();
    const manifest = await driver.home.evaluate(() => browser.runtime.getManifest());
    expect(manifest.manifest_version).toBe(2);
    expect(manifest.name).toBe('arXiv KO Digest');
    const translator = await driver.home.evaluate(() => typeof (globalThis as { Translator?: unknown }).Translator);
    expect(translator).toBe('undefined');
  });

  j.define();

  it('the toolbar button shows the vote count on an arXiv PDF (MV2 browserAction)', async () => {
    const { driver } = j.get();
    const tab = await driver.arxiv(new URL(PDF_URL).pathname);
    const badge = () =>
      driver.home.evaluate(async (url) => {
        const shown = (await browser.tabs.query({})).find((t) => t.url === url);
        return shown?.id === undefined ? '?' : browser.browserAction.getBadgeText({ tabId: shown.id });
      }, PDF_URL);
    await expect.poll(badge, { timeout: 30_000 }).toBe('7');
    await tab.close();
  });

  it('the options say Chrome’s on-device provider is unavailable here (no Translator, no offscreen documents), and the settings stay usable', async () => {
    const { driver } = j.get();
    // Not offered in Firefox; chosen anyway (as in settings carried over from Chrome).
    const { settings } = await driver.ask('setSettings', { patch: { summaryProvider: 'chrome-ai' } });
    expect(settings.summaryProvider).toBe('chrome-ai');
    expect(await driver.ask('testProvider', {})).toEqual({ ok: false, code: 'unavailable' });

    const options = await driver.extensionPage('options.html');
    await expect
      .poll(() => options.attributes('chrome-ai-status', 'data-status'), { timeout: 30_000 })
      .toEqual(['absent']);
    expect(await options.texts('chrome-ai-status')).toEqual([en.options_summaryStatus_absent.message]);
    expect(await options.texts('chrome-ai-download')).toEqual([]);
    await options.click('test-provider');
    await expect
      .poll(async () => (await options.texts('provider-test-message'))[0], { timeout: 30_000 })
      .toBe(en.options_summaryTestFailed.message.replace('$1', en.gen_error_unavailable.message));
    expect(await options.attributes('provider-test-message', 'class')).toEqual(['error']);

    await options.select('summary-provider', 'none');
    await options.click('save-provider');
    await expect.poll(async () => (await driver.ask('getSettings', {})).settings.summaryProvider).toBe('none');
    await options.close();
  });
});
