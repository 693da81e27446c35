/** The shared journeys' Driver (driver.ts) over real Chromium with the built extension (launch.ts, routes.ts). */
import type { Page } from 'playwright-core';
import { type Driver, readers, type Scheme, type Tab } from './driver';
import { HF_ORIGIN, type HfRoutes, routeHf } from './hf-routes';
import { extensionUrl, type Launched, launchWithExtension } from './launch';
import { ask } from './messages';
import { routeArxiv } from './routes';

export interface ChromiumSession extends Driver {
  launched: Launched;
  close(): Promise<void>;
}

/** A Tab over `page`, recording its requests from now on (call before it navigates). */
function tabOf(page: Page): Tab {
  const requested: string[] = [];
  page.on('request', (r) => requested.push(r.url()));
  return {
    ...readers((fn, arg) => page.evaluate(fn, arg)),
    click: (testId, nth = 0) => page.getByTestId(testId).nth(nth).click(),
    press: (testId, key, nth = 0) => page.getByTestId(testId).nth(nth).press(key),
    fill: (testId, text) => page.getByTestId(testId).first().fill(text),
    select: async (testId, value) => {
      await page.getByTestId(testId).first().selectOption(value);
    },
    // page.evaluate runs in the page's main world; the content script has an isolated world of its own.
    inPage: (fn) => page.evaluate(fn),
    requests: () => [...requested],
    reload: async () => {
      await page.reload();
    },
    close: () => page.close(),
  };
}

/**
 * Chromium with `origins` granted (as if accepted at install) and reachable (servers of the test's own on this
 * machine: the digest source, the model endpoint), and `arxivPages` routed; with `hf`, huggingface.co granted too
 * (as after the user's "Allow") and its API answered from that table.
 */
export async function launchChromium(
  origins: string[],
  arxivPages: Record<string, string>,
  hf?: HfRoutes,
): Promise<ChromiumSession> {
  const grantHosts = [...origins, ...(hf ? [HF_ORIGIN] : [])].map((o) => `${o}/*`);
  const l = await launchWithExtension({ grantHosts, allowOrigins: origins });
  await routeArxiv(l.context, arxivPages);
  if (hf) await routeHf(l.context, {}, hf);
  const home = await l.context.newPage();
  await home.goto(extensionUrl(l, 'popup.html'));
  let scheme: Scheme = 'light';

  const open = async (url: string, offline = false) => {
    const page = await l.context.newPage();
    const tab = tabOf(page);
    await page.emulateMedia({ colorScheme: scheme });
    if (offline) {
      // This tab only (routes still answer its page, as a cached page would be shown).
      const cdp = await l.context.newCDPSession(page);
      await cdp.send('Network.emulateNetworkConditions', {
        offline: true,
        latency: 0,
        downloadThroughput: -1,
        uploadThroughput: -1,
      });
    }
    await page.goto(url);
    return tab;
  };

  return {
    launched: l,
    close: () => l.close(),
    arxiv: (path, { offline = false, host = 'arxiv.org' } = {}) => open(`https://${host}${path}`, offline),
    extensionPage: (path) => open(extensionUrl(l, path)),
    ask: (type, payload) => ask(home, type, payload),
    async colorScheme(next) {
      scheme = next;
    },
    tabUrls: async () => l.context.pages().map((p) => p.url()),
  };
}
