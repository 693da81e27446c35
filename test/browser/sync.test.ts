import { afterAll, beforeAll, expect, it } from 'vitest';
import { CORPUS_DIR, describeShared } from '../support/shared';
import { extensionUrl, type Launched, launchWithExtension } from './support/launch';
import { ask, waitForSync } from './support/messages';
import { type CorpusCounters, routeCorpus } from './support/routes';

describeShared('first sync from the routed upstream corpus', () => {
  let l: Launched;
  let counters: CorpusCounters;
  beforeAll(async () => {
    l = await launchWithExtension();
    counters = await routeCorpus(l.context, CORPUS_DIR);
  });
  afterAll(async () => l?.close());

  it('stores 311 digests and 4,671 papers and shows the count in the popup', async () => {
    const page = await l.context.newPage();
    await page.goto(extensionUrl(l, 'popup.html'));
    const status = await waitForSync(page, 311);
    expect(status.digestCount).toBe(311);
    expect(status.paperCount).toBe(4671);
    expect(status.newestDate).toBe('2025-05-09');
    await page.reload();
    await expect.poll(() => page.getByTestId('paper-count').first().textContent()).toMatch(/4,?671/);
  });

  it('downloads no digest body on a second sync', async () => {
    const page = await l.context.newPage();
    await page.goto(extensionUrl(l, 'popup.html'));
    const before = { ...counters };
    await ask(page, 'syncNow', {});
    await waitForSync(page, 311);
    const mdBodies = counters.bodyPaths.slice(before.bodyPaths.length).filter((p) => p.endsWith('.md'));
    expect(mdBodies).toEqual([]);
    expect(counters.requests).toBeGreaterThan(before.requests);
  });

  it('answers from stored data with the browser offline', async () => {
    await l.context.setOffline(true);
    const page = await l.context.newPage();
    await page.goto(extensionUrl(l, 'popup.html'));
    const { paper } = await ask(page, 'getPaper', { arxivId: '2406.16793' });
    expect(paper?.title).toContain('Adam-mini');
    const { days } = await ask(page, 'listDates', {});
    expect(days).toHaveLength(311);
    await l.context.setOffline(false);
  });
});
