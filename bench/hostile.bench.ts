/**
 * hostile.panel_after_dcl: the panel of papers made of issue 10's hostile shapes (bench/hostile-shapes.ts: a 64 KB
 * line of `http://`, 512 KB of `vs. `, 1 MB of decreasing backtick runs, 128 KB of `](`), each carried in a title,
 * authors and sections of one day that the extension syncs from a loopback upstream like the other Chromium
 * figures. Whatever the parser's caps keep is stored; then each paper's arXiv page is loaded and the panel timed
 * (median of LOADS loads per paper); the figure is the slowest paper's median. Goal: ≤ 50 ms, like any panel.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXT_DIR, extensionUrl, launchWithExtension } from '../test/browser/support/launch';
import { startLoopbackUpstream } from '../test/browser/support/loopback-upstream';
import { ask, waitForSync } from '../test/browser/support/messages';
import { routeArxiv } from '../test/browser/support/routes';
import { abstractPageOf, HOSTILE_PAPERS, hostileDay, ORDINARY_ID } from './hostile-shapes';
import { panelAfterDcl } from './panel-timing';
import type { Report } from './run';

/**
 * An upstream layout holding only the hostile day, and under `pages/` an abstract page for each of its papers.
 */
function hostileUpstream(): string {
  const dir = mkdtempSync(join(tmpdir(), 'akd-hostile-bench-'));
  mkdirSync(join(dir, 'pages'));
  for (const id of [...HOSTILE_PAPERS.map((p) => p.id), ORDINARY_ID]) {
    writeFileSync(join(dir, 'pages', `${id}.html`), abstractPageOf(id));
  }
  mkdirSync(join(dir, 'paper_logs', '2024', '06'), { recursive: true });
  writeFileSync(join(dir, 'paper_logs', '2024', '06', '27.md'), hostileDay('2024-06-27'));
  writeFileSync(
    join(dir, 'paper_logs', 'papers_list.csv'),
    `date,title,url\n${HOSTILE_PAPERS.map((p) => `2024-06-27,Hostile,https://arxiv.org/abs/${p.id}`).join('\n')}\n`,
  );
  return dir;
}

export async function run(report: Report): Promise<void> {
  if (!existsSync(join(EXT_DIR, 'manifest.json'))) {
    console.error('hostile bench: no build at .output/chrome-mv3 (run npm run build); skipped');
    return;
  }
  const dir = hostileUpstream();
  const upstream = await startLoopbackUpstream(dir);
  const l = await launchWithExtension({ ...upstream.launch, interceptAll: false });
  try {
    const page = await l.context.newPage();
    await page.goto(extensionUrl(l, 'popup.html'));
    await waitForSync(page, 1, 120_000, 500);
    await routeArxiv(
      l.context,
      Object.fromEntries(
        [...HOSTILE_PAPERS.map((p) => p.id), ORDINARY_ID].map((id) => [`/abs/${id}`, join(dir, 'pages', `${id}.html`)]),
      ),
    );
    // The search index over them is built once now, so the panels are timed against an idle worker.
    await ask(page, 'search', { query: 'vs', limit: 1 });
    // The first loads of a session are slower (caches, code compiled): an ordinary paper's panel takes them.
    const ordinary = await panelAfterDcl(l, `https://arxiv.org/abs/${ORDINARY_ID}`);
    console.error(`hostile bench: an ordinary paper of the same day: ${ordinary.toFixed(1)} ms`);
    let slowest = 0;
    for (const p of HOSTILE_PAPERS) {
      const { paper } = await ask(page, 'getPaper', { arxivId: p.id });
      if (!paper) throw new Error(`hostile paper ${p.id} was not stored`);
      const ms = await panelAfterDcl(l, `https://arxiv.org/abs/${p.id}`);
      console.error(`hostile bench: ${p.name}: ${ms.toFixed(1)} ms`);
      slowest = Math.max(slowest, ms);
    }
    report('hostile.panel_after_dcl', slowest, 'ms');
    await page.close();
  } finally {
    await l.close();
    await upstream.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
