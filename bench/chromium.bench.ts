/**
 * Figures measured in real Chromium with the built extension (.output/chrome-mv3; `npm run bench` builds it):
 * - sync.backfill: seconds for the whole corpus from loopback (an HTTPS server on 127.0.0.1 that Chromium resolves
 *   raw.githubusercontent.com to) into IndexedDB, and its bytes;
 * - sync.noop: an unchanged re-sync, and its bytes;
 * - panel.visible_after_dcl: ms from DOMContentLoaded to the panel in the page, median of ≥ 20 loads, with the
 *   corpus stored, and again with 100,000 synthetic papers stored;
 * - popup.first_render: ms from navigation start to the first paper-item, median of 11 opens with the search index
 *   built (and the part of it after DOMContentLoaded, i.e. without the browser's own page start-up);
 * - content.bundle_gzip: kB of the arXiv paper-page content script (the panel), gzipped; and of the other two
 *   (listing badges, Hugging Face paper pages);
 * - gen.first_text_ms: a Korean summary made on an arXiv page (test/fixtures/arxiv, no digest) from the loopback model
 *   server as an OpenAI-compatible endpoint: ms from the endpoint's first body byte (the server's `firstBodyAt`) to the
 *   first Korean text in the panel, median of 11 runs (both clocks are epoch ms on this machine);
 * - gen.cached_panel_after_dcl: ms from DOMContentLoaded to the panel of a stored summary, median of ≥ 20 loads, on
 *   the real arXiv abstract page of a paper no digest covers (../shared/fixtures/arxiv/abs-2501.00001-notindigest.html,
 *   the kind of page panel.visible_after_dcl is timed on); gen.cached_panel_after_dcl_small on the 3.5 kB fixture page,
 *   whose DOMContentLoaded comes before the content script's first answers from the browser (storage.local and the
 *   worker both answer it 20–30 ms after it starts at document_start, against 3 ms from an extension page), so that
 *   figure is mostly Chromium's start-up messaging. Without ../shared only the small-page figure is taken.
 * The gen figures need no ../shared. The panel of hostile papers is timed in bench/hostile.bench.ts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { ARXIV_PAGES } from '../test/browser/support/arxiv-pages';
import { EXT_DIR, extensionUrl, type Launched, launchWithExtension } from '../test/browser/support/launch';
import { startLoopbackUpstream } from '../test/browser/support/loopback-upstream';
import { ask, waitForSync } from '../test/browser/support/messages';
import { routeArxiv } from '../test/browser/support/routes';
import { SAMPLE_ANSWER, SAMPLE_MODEL, startModelServer } from '../test/support/model-server';
import { CORPUS_DIR, hasShared, LOCAL_FIXTURES_DIR } from '../test/support/shared';
import { median, panelAfterDcl } from './panel-timing';
import type { Report } from './run';

/** Writes `n` synthetic papers straight into the extension's database from an extension page. */
async function storeSynthetic(page: Page, n: number): Promise<void> {
  await page.evaluate(async (count) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('arxiv-ko-digest');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const batch = 5000;
    for (let start = 0; start < count; start += batch) {
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction('papers', 'readwrite');
        const store = tx.objectStore('papers');
        for (let i = start; i < Math.min(count, start + batch); i++) {
          const yymm = 2600 + (i % 12) + 1;
          const arxivId = `${yymm}.${String(10000 + i).padStart(5, '0')}`;
          store.put({
            arxivId,
            title: `Synthetic paper ${i} on efficient attention`,
            votes: i % 200,
            authors: ['A. Author', 'B. Author'],
            media: null,
            sections: [
              { label: "What's New", text: `합성 논문 ${i}: 효율적인 어텐션을 위한 새로운 방법을 제안합니다.` },
            ],
            date: '2026-01-01',
            dates: ['2026-01-01'],
          });
        }
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
    }
    db.close();
  }, n);
}

/** Main-world probe: the time the first paper-item entered the popup's document. */
const POPUP_PROBE = `
  window.__akdItem = null;
  new MutationObserver((_, obs) => {
    if (document.querySelector('[data-testid="paper-item"]')) {
      window.__akdItem = performance.now();
      obs.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
`;

async function popupFirstRender(l: Launched): Promise<{ total: number; afterDcl: number }> {
  const times: number[] = [];
  const afterDcl: number[] = [];
  const page = await l.context.newPage();
  await page.addInitScript(POPUP_PROBE);
  for (let i = 0; i < 11; i++) {
    await page.goto(extensionUrl(l, 'popup.html'));
    await page.waitForFunction(() => (window as unknown as { __akdItem: number | null }).__akdItem !== null);
    const t = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      const item = (window as unknown as { __akdItem: number }).__akdItem;
      return { total: item - (nav?.startTime ?? 0), afterDcl: item - (nav?.domContentLoadedEventStart ?? 0) };
    });
    times.push(t.total);
    afterDcl.push(t.afterDcl);
  }
  await page.close();
  return { total: median(times), afterDcl: median(afterDcl) };
}

/**
 * Main-world probe for a summary being made: the epoch time (`performance.timeOrigin + now`, the model server's clock)
 * at which the panel's sections first hold Korean text, watched inside the panel's open shadow root.
 */
const GEN_PROBE = `
  window.__akdKo = null;
  new MutationObserver((_, outer) => {
    const root = document.querySelector('arxiv-ko-digest-panel')?.shadowRoot;
    if (!root) return;
    outer.disconnect();
    new MutationObserver((_, obs) => {
      const sections = root.querySelector('[data-testid="digest-panel"] [data-testid="sections"]');
      if (sections && /[\\uac00-\\ud7af]/.test(sections.textContent)) {
        window.__akdKo = performance.timeOrigin + performance.now();
        obs.disconnect();
      }
    }).observe(root, { childList: true, subtree: true, characterData: true });
  }).observe(document, { childList: true, subtree: true });
`;

const GEN_RUNS = 11;
const GEN_PAPER = '2407.00101';
const GEN_URL = `https://arxiv.org/abs/${GEN_PAPER}v3`;
/** The real abstract page of a paper no digest covers (../shared), for the stored summary's panel. */
const REAL_PAPER = '2501.00001';
const REAL_URL = `https://arxiv.org/abs/${REAL_PAPER}`;

/** gen.first_text_ms and gen.cached_panel_after_dcl, from the local fixture page and the loopback model server. */
async function genFigures(report: Report): Promise<void> {
  const server = await startModelServer();
  const l = await launchWithExtension({ grantHosts: [`${server.origin}/*`], interceptAll: false });
  try {
    await routeArxiv(l.context, {
      [`/abs/${GEN_PAPER}v3`]: join(LOCAL_FIXTURES_DIR, 'arxiv', 'abs-2407.00101v3.html'),
      ...(hasShared ? { [`/abs/${REAL_PAPER}`]: ARXIV_PAGES[`/abs/${REAL_PAPER}`] as string } : {}),
    });
    const ext = await l.context.newPage();
    await ext.goto(extensionUrl(l, 'options.html'));
    await ask(ext, 'setSettings', {
      patch: { summaryProvider: 'openai', providerBaseUrl: server.openaiBaseUrl, providerModel: SAMPLE_MODEL },
    });
    await ask(ext, 'setProviderKey', { key: 'sk-bench-loopback' });
    // The first line (the first Korean words) in the first chunk, as a model streams a line in a few tokens.
    const chunks = SAMPLE_ANSWER.split('\n').map((line, i) => (i ? `\n${line}` : line));
    const times: number[] = [];
    const page = await l.context.newPage();
    await page.addInitScript(GEN_PROBE);
    for (let i = 0; i < GEN_RUNS; i++) {
      await ask(ext, 'deleteSummaries', { arxivId: GEN_PAPER });
      server.enqueue({ kind: 'answer', text: SAMPLE_ANSWER, chunks });
      await page.goto(GEN_URL);
      await page.getByTestId('generate-summary').click();
      await page.waitForFunction(() => (window as unknown as { __akdKo: number | null }).__akdKo !== null);
      const koAt = await page.evaluate(() => (window as unknown as { __akdKo: number }).__akdKo);
      const firstBodyAt = server.requests.at(-1)?.firstBodyAt;
      if (firstBodyAt == null) throw new Error('the model server sent no body');
      times.push(koAt - firstBodyAt);
      await page.getByTestId('regenerate-summary').waitFor();
    }
    await page.close();
    report('gen.first_text_ms', median(times), 'ms');
    const small = await panelAfterDcl(l, GEN_URL);
    if (hasShared) {
      // One summary made on the real page, then its panel timed there.
      server.enqueue({ kind: 'answer', text: SAMPLE_ANSWER, chunks });
      const real = await l.context.newPage();
      await real.goto(REAL_URL);
      await real.getByTestId('generate-summary').click();
      await real.getByTestId('regenerate-summary').waitFor();
      await real.close();
      report('gen.cached_panel_after_dcl', await panelAfterDcl(l, REAL_URL), 'ms');
    } else {
      console.error('chromium bench: ../shared not found; gen.cached_panel_after_dcl taken on the small page only');
      report('gen.cached_panel_after_dcl', small, 'ms');
    }
    report('gen.cached_panel_after_dcl_small', small, 'ms');
    await ext.close();
  } finally {
    await l.close();
    await server.close();
  }
}

export async function run(report: Report): Promise<void> {
  const scripts = join(EXT_DIR, 'content-scripts');
  const content = join(scripts, 'arxiv-paper.js');
  if (!existsSync(content)) {
    console.error('chromium bench: no build at .output/chrome-mv3 (run npm run build); skipped');
    return;
  }
  const gzipKb = (file: string) => gzipSync(readFileSync(join(scripts, file)), { level: 9 }).length / 1024;
  report('content.bundle_gzip', gzipKb('arxiv-paper.js'), 'kB');
  report('content.listing_bundle_gzip', gzipKb('arxiv-listing.js'), 'kB');
  report('content.hf_bundle_gzip', gzipKb('hf.js'), 'kB');
  await genFigures(report);
  if (!hasShared) {
    console.error('chromium bench: ../shared not found; sync, panel and popup figures skipped');
    return;
  }
  const upstream = await startLoopbackUpstream(CORPUS_DIR);
  // No request interception while sync and popup are timed: a Playwright route sends every request (the extension's
  // own files too) through this process. arXiv pages are routed only for the panel figures, after them.
  const l = await launchWithExtension({ ...upstream.launch, interceptAll: false });
  try {
    const page = await l.context.newPage();
    await page.goto(extensionUrl(l, 'popup.html'));
    // Whatever the install-time run did, start from an empty database.
    for (;;) {
      const { status } = await ask(page, 'getSyncStatus', {});
      if (!status.running) break;
      await page.waitForTimeout(100);
    }
    await ask(page, 'clearData', {});

    // Timed from just before "Sync now" to the run's own end time (the status's lastSuccess), so how often the
    // status is polled does not change the figure (each poll is work for the worker that is syncing).
    const timedSync = async (): Promise<{ seconds: number; bytes: number }> => {
      const bytes0 = upstream.bodyBytes;
      const t0 = Date.now();
      await ask(page, 'syncNow', {});
      const status = await waitForSync(page, 311, 120_000, 1000);
      if (status.lastSuccess === null || status.lastSuccess < t0) throw new Error(`sync failed: ${status.lastError}`);
      return { seconds: (status.lastSuccess - t0) / 1000, bytes: upstream.bodyBytes - bytes0 };
    };
    const backfill = await timedSync();
    report('sync.backfill', backfill.seconds, 's');
    report('sync.backfill_bytes', backfill.bytes, 'bytes');
    const noop = await timedSync();
    report('sync.noop', noop.seconds, 's');
    report('sync.noop_bytes', noop.bytes, 'bytes');

    // The worker builds its search index once after a popup opens (in slices, taking a core for ~1 s); a search
    // builds it now, so the popup opens below are timed against an idle worker, as a user's later opens are.
    await ask(page, 'search', { query: 'attention', limit: 1 });
    const popup = await popupFirstRender(l);
    report('popup.first_render', popup.total, 'ms');
    report('popup.first_render_after_dcl', popup.afterDcl, 'ms');
    await routeArxiv(l.context, ARXIV_PAGES);
    report('panel.visible_after_dcl', await panelAfterDcl(l), 'ms');
    await storeSynthetic(page, 100_000);
    report('panel.visible_after_dcl_100k', await panelAfterDcl(l), 'ms');
    await page.close();
  } finally {
    await l.close();
    await upstream.close();
  }
}
