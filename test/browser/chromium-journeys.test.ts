/**
 * The Chrome build (.output/chrome-mv3) in real Chromium through the user journeys every build must pass
 * (support/journeys.ts; firefox-journeys.test.ts runs the same in Firefox). One browser for the whole file.
 */
import { describe } from 'vitest';
import { launchChromium } from './support/chromium-driver';
import { journeys } from './support/journeys';

describe('the Chrome build in real Chromium', () => {
  journeys(async ({ source, model, pages }) => {
    const session = await launchChromium([new URL(source.baseUrl).origin, model.origin], pages);
    return { driver: session, close: session.close };
  }).define();
});
