/**
 * The Chrome build (.output/chrome-mv3) in real Chromium through the user journeys every build must pass
 * (support/journeys.ts; firefox-journeys.test.ts runs the same in Firefox), then what only Chromium checks here
 * (axe runs through playwright). One browser for the whole file.
 */
import { describe, expect, it } from 'vitest';
import { runAxe } from './support/axe';
import { type ChromiumSession, launchChromium } from './support/chromium-driver';
import { journeys } from './support/journeys';
import { extensionUrl } from './support/launch';

describe('the Chrome build in real Chromium', () => {
  const j = journeys<ChromiumSession>(async ({ source, model, pages, hf }) => {
    const session = await launchChromium([new URL(source.baseUrl).origin, model.origin], pages, hf);
    return { driver: session, close: session.close };
  });
  j.define();

  it('the options’ Korean-summaries section with an endpoint chosen has no axe violations', async () => {
    const { launched } = j.get().driver;
    const page = await launched.context.newPage();
    await page.goto(extensionUrl(launched, 'options.html'));
    // The journeys left an endpoint saved: its fields, key hint and test button are shown.
    await page.getByTestId('provider-base-url').waitFor();
    const { violations } = await runAxe(page);
    expect(violations.map((v) => `${v.id}: ${v.help} ${JSON.stringify(v.nodes.map((n) => n.target))}`)).toEqual([]);
    await page.close();
  });
});
