/**
 * `npm run screenshots`: regenerates the README screenshots (docs/screenshots/*.png) from the fixtures: the built
 * extension in Chromium, the corpus routed as the upstream source, arXiv fixture pages under their real URLs.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { abstractPageOf } from '../bench/hostile-shapes';
import { ARXIV_PAGES } from '../test/browser/support/arxiv-pages';
import { extensionUrl, launchWithExtension, ROOT } from '../test/browser/support/launch';
import { ask, waitForSync } from '../test/browser/support/messages';
import { routeArxiv, routeCorpus } from '../test/browser/support/routes';
import { SAMPLE_MODEL, startModelServer } from '../test/support/model-server';
import { CORPUS_DIR, hasShared } from '../test/support/shared';

const OUT = join(ROOT, 'docs', 'screenshots');

if (!hasShared) {
  console.error('screenshots need ../shared (the digest corpus and arXiv fixtures)');
  process.exit(1);
}
mkdirSync(OUT, { recursive: true });
// A loopback OpenAI-compatible endpoint for the generated-summary screenshot, its origin granted as after the prompt.
const model = await startModelServer();
const l = await launchWithExtension({ grantHosts: [`${model.origin}/*`], allowOrigins: [model.origin] });
/** A paper no digest covers (after the upstream stopped): the abs fixture under its id. */
const NEW_ID = '2511.01234';
const newPage = join(mkdtempSync(join(tmpdir(), 'akd-shots-')), 'abs.html');
writeFileSync(newPage, abstractPageOf(NEW_ID));
try {
  await routeCorpus(l.context, CORPUS_DIR);
  await routeArxiv(l.context, { ...ARXIV_PAGES, [`/abs/${NEW_ID}`]: newPage });
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

  // A Korean summary made for a paper no digest covers, marked as machine-generated.
  await page.goto(extensionUrl(l, 'options.html'));
  await ask(page, 'setSettings', {
    patch: { summaryProvider: 'openai', providerBaseUrl: model.openaiBaseUrl, providerModel: SAMPLE_MODEL },
  });
  await page.goto(`https://arxiv.org/abs/${NEW_ID}`);
  const host = page.locator('arxiv-ko-digest-panel');
  await host.getByTestId('generate-summary').click();
  await host.getByTestId('ai-generated').waitFor();
  await host.getByTestId('regenerate-summary').waitFor();
  await host.screenshot({ path: join(OUT, 'generated.png') });

  await page.goto(extensionUrl(l, 'options.html'));
  await page.getByTestId('source-url').waitFor();
  await page.screenshot({ path: join(OUT, 'options.png'), fullPage: true });
  console.log(`screenshots written to ${OUT}`);
} finally {
  await l.close();
  await model.close();
}
