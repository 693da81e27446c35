/**
 * The Chrome build (.output/chrome-mv3) in real Chromium through the user journeys every build must pass
 * (support/journeys.ts; firefox-journeys.test.ts runs the same in Firefox). One browser for the whole file.
 */
import { describe } from 'vitest';
import { launchChromium } from './support/chromium-driver';
import { JOURNEY_PAGES, journeys } from './support/journeys';

describe('the Chrome build in real Chromium', () => {
  journeys(async (source) => {
    const session = await launchChromium(source, JOURNEY_PAGES);
    return { driver: session, close: session.close };
  }).define();
});
