/**
 * The Firefox build (.output/firefox-mv2) in real Firefox ESR: it installs, then the user journeys every build must
 * pass (support/journeys.ts), then what only Firefox lacks. One browser for the whole file.
 */
import { describe, expect, it } from 'vitest';
import { launchFirefox } from './support/firefox';
import { JOURNEY_PAGES, journeys } from './support/journeys';

declare const browser: { runtime: { getManifest(): { manifest_version: number; name: string } } };

describe('the Firefox build in real Firefox ESR', () => {
  const j = journeys(async () => {
    // Firefox match patterns take no port: this grants the loopback source on whatever port it got.
    const ff = await launchFirefox({ grantHosts: ['http://127.0.0.1/*'], arxivPages: JOURNEY_PAGES });
    return { driver: ff, close: ff.close };
  });

  it('installed as an MV2 add-on with its gecko id and localized name, without Chrome-only APIs', async () => {
    const { driver } = j.get();
    const manifest = await driver.home.evaluate(() => browser.runtime.getManifest());
    expect(manifest.manifest_version).toBe(2);
    expect(manifest.name).toBe('arXiv KO Digest');
    expect(await driver.home.evaluate(() => typeof (globalThis as { Translator?: unknown }).Translator)).toBe(
      'undefined',
    );
  });

  j.define();

  it('answers that the on-device provider is unavailable here (no offscreen documents), leaving settings usable', async () => {
    const { driver } = j.get();
    const { settings } = await driver.ask('setSettings', { patch: { summaryProvider: 'chrome-ai' } });
    expect(settings.summaryProvider).toBe('chrome-ai');
    expect(await driver.ask('testProvider', {})).toEqual({ ok: false, code: 'unavailable' });
    await driver.ask('setSettings', { patch: { summaryProvider: 'none' } });
  });
});
