/**
 * The service worker killed in the middle of the first sync (as Chrome does to idle or misbehaving workers): every
 * day written so far stays whole, and the next run completes the rest.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CORPUS_DIR, describeShared } from '../support/shared';
import { extensionUrl, type Launched, launchWithExtension } from './support/launch';
import { ask, waitForSync } from './support/messages';
import { routeCorpus } from './support/routes';

describeShared('the worker killed mid-sync', () => {
  let l: Launched;
  beforeAll(async () => {
    l = await launchWithExtension();
  });
  afterAll(async () => l?.close());

  it('keeps every day written before, and the next sync completes', async () => {
    const page = await l.context.newPage();
    await page.goto(extensionUrl(l, 'popup.html'));
    // Slow the upstream down so the run is surely in the middle when the worker is stopped.
    const counters = await routeCorpus(l.context, CORPUS_DIR, { delayMs: 50 });
    await ask(page, 'syncNow', {});
    await expect
      .poll(async () => (await ask(page, 'getSyncStatus', {})).status.digestCount, { timeout: 30_000 })
      .toBeGreaterThan(20);

    const cdp = await l.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');

    // The next message wakes a new worker; no run is going in it.
    const { status } = await ask(page, 'getSyncStatus', {});
    expect(status.running).toBe(false);
    expect(status.digestCount).toBeGreaterThan(20);
    expect(status.digestCount).toBeLessThan(311);
    const { days } = await ask(page, 'listDates', {});
    for (const day of days) {
      const { digest, papers } = await ask(page, 'getDigest', { date: day.date });
      expect(papers.map((p) => p.arxivId)).toEqual(digest?.paperIds);
    }

    const requested = counters.requests;
    await waitForSync(page, 311, 60_000);
    expect(counters.requests).toBeGreaterThan(requested);
    expect((await ask(page, 'getSyncStatus', {})).status).toMatchObject({ digestCount: 311, paperCount: 4671 });
    await page.close();
  });
});
