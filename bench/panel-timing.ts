/** How the Chromium benchmarks time the panel: from DOMContentLoaded to the panel in the page, median of loads. */
import type { Launched } from '../test/browser/support/launch';

export const LOADS = 21;

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
}

/** Main-world probe: DOMContentLoaded time and the time the panel host entered the document. */
const PANEL_PROBE = `
  window.__akd = { dcl: null, panel: null };
  document.addEventListener('DOMContentLoaded', () => { window.__akd.dcl = performance.now(); });
  new MutationObserver((_, obs) => {
    const host = document.querySelector('arxiv-ko-digest-panel');
    if (host && host.shadowRoot && host.shadowRoot.querySelector('[data-testid="digest-panel"]')) {
      window.__akd.panel = performance.now();
      obs.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
`;

/** Median ms from DOMContentLoaded to the panel over `loads` loads of `url` (an arXiv page routed to a fixture). */
export async function panelAfterDcl(
  l: Launched,
  url = 'https://arxiv.org/abs/2406.16793',
  loads = LOADS,
): Promise<number> {
  const times: number[] = [];
  const page = await l.context.newPage();
  await page.addInitScript(PANEL_PROBE);
  for (let i = 0; i < loads; i++) {
    await page.goto(url);
    await page.waitForFunction(() => (window as unknown as { __akd: { panel: number | null } }).__akd.panel !== null);
    const t = await page.evaluate(() => (window as unknown as { __akd: { dcl: number; panel: number } }).__akd);
    times.push(Math.max(0, t.panel - t.dcl));
  }
  await page.close();
  return median(times);
}
