/** The shared journeys' Driver (driver.ts) over real Chromium with the built extension (launch.ts, routes.ts). */
import type { Page } from 'playwright-core';
import { type Driver, readers, type Scheme, type Tab } from './driver';
import { extensionUrl, type Launched, launchWithExtension } from './launch';
import { ask } from './messages';
import { routeArxiv } from './routes';

export interface ChromiumSession extends Driver {
  launched: Launched;
  close(): Promise<void>;
}

function tabOf(page: Page): Tab {
  return {
    ...readers((fn, arg) => page.evaluate(fn, arg)),
    click: (testId, nth = 0) => page.getByTestId(testId).nth(nth).click(),
    fill: (testId, text) => page.getByTestId(testId).first().fill(text),
    reload: async () => {
      await page.reload();
    },
    close: () => page.close(),
  };
}

/**
 * Chromium with `origins` granted (as if accepted at install) and reachable (servers of the test's own on this
 * machine: the digest source, the model endpoint), and `arxivPages` routed.
 */
export async function launchChromium(origins: string[], arxivPages: Record<string, string>): Promise<ChromiumSession> {
  const l = await launchWithExtension({ grantHosts: origins.map((o) => `${o}/*`), allowOrigins: origins });
  await routeArxiv(l.context, arxivPages);
  const home = await l.context.newPage();
  await home.goto(extensionUrl(l, 'popup.html'));
  let scheme: Scheme = 'light';

  const open = async (url: string, offline = false) => {
    const page = await l.context.newPage();
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
    return tabOf(page);
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
  };
}
