/**
 * `npm run screenshots`: regenerates the README screenshots (docs/screenshots/*.png) from the fixtures: the built
 * extension in Chromium, the corpus routed as the upstream source, arXiv fixture pages under their real URLs.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ARXIV_PAGES } from '../test/browser/support/arxiv-pages';
import { extensionUrl, launchWithExtension, ROOT } from '../test/browser/support/launch';
import { waitForSync } from '../test/browser/support/messages';
import { routeArxiv, routeCorpus } from '../test/browser/support/routes';
import { CORPUS_DIR, hasShared } from '../test/support/shared';

const OUT = join(ROOT, 'docs', 'screenshots');

if (!hasShared) {
  console.error('screenshots need ../shared (the digest corpus and arXiv fixtures)');
  process.exit(1);
}
mkdirSync(OUT, { recursive: true });
const l = await launchWithExtension();
try {
  await routeCorpus(l.context, CORPUS_DIR);
  await routeArxiv(l.context, ARXIV_PAGES);
  const page = await l.context.newPage();
  await page.goto(extensionUrl(l, 'popup.html'));
  await waitForSync(page, 311, 120_000);

  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width: 1100, height: 900 });
    await page.goto('https://arxiv.org/abs/2406.16793');
    const panel = page.locator('arxiv-ko-digest-panel');
    await panel.getByTestId('digest-panel').waitFor();
    await panel.screenshot({ path: join(OUT, `panel-${scheme}.png`) });
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('https://arxiv.org/list/cs.CL/new');
  await page.getByTestId('listing-badge').first().waitFor();
  await page
    .locator('dl')
    .first()
    .screenshot({ path: join(OUT, 'listing.png') });

  await page.setViewportSize({ width: 400, height: 600 });
  await page.goto(extensionUrl(l, 'popup.html'));
  await page.getByTestId('paper-item').first().waitFor();
  // The popup shows its list first; the sync status and the Hugging Face section follow.
  await page.getByTestId('hf-today').waitFor();
  await page.getByTestId('sync-status').getByText(/\d/).first().waitFor();
  await page.screenshot({ path: join(OUT, 'popup.png') });

  await page.setViewportSize({ width: 1100, height: 800 });
  await page.goto(`${extensionUrl(l, 'reader.html')}#/2024-06-27`);
  await page.getByTestId('paper-card').first().waitFor();
  await page.screenshot({ path: join(OUT, 'reader.png') });

  await page.goto(extensionUrl(l, 'options.html'));
  await page.getByTestId('source-url').waitFor();
  await page.screenshot({ path: join(OUT, 'options.png'), fullPage: true });
  console.log(`screenshots written to ${OUT}`);
} finally {
  await l.close();
}
