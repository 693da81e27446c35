/**
 * Real Firefox ESR (Debian's /usr/bin/firefox-esr) with the built Firefox extension (.output/firefox-mv2) installed
 * as a temporary add-on, driven by puppeteer-core over WebDriver BiDi (../shared/STACK.md, "Real Firefox").
 *
 * What BiDi cannot do, and what this does instead:
 * - It does not see the background page's requests (page interception is per tab): digests come from a real server
 *   on 127.0.0.1 (test/support/corpus-server.ts) whose host permission the test copy of the build declares. Every
 *   other host goes to a dead proxy, so the install-time sync never reaches the real upstream.
 * - It cannot navigate a tab to moz-extension://: the test copy gets one more background script (test-hook.js) that
 *   opens popup.html in a tab; that page ("home") opens the others with `tabs.create` and sends protocol messages.
 * - It cannot emulate `prefers-color-scheme`: the test copy also gets the `browserSettings` permission, and home sets
 *   `browserSettings.overrideContentColorScheme` (the same switch as Firefox's own website appearance setting).
 * - A host the extension names in its code (https://huggingface.co) cannot be a server of the test's own: the test
 *   copy's hook redirects its requests there to a loopback server (`redirects`, through blocking webRequest).
 * The shipped build is never changed: all these additions exist only in a temporary copy.
 */

import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type HTTPRequest, type Page, type Target } from 'puppeteer-core';
import { isArxivHost } from '../../../lib/arxiv-hosts';
import { CHANNEL } from '../../../lib/messages';
import type { Driver, Tab } from './driver';
import { readers } from './driver';
import { ROOT } from './launch';

export const FIREFOX_BIN = process.env.FIREFOX_BIN ?? '/usr/bin/firefox-esr';
export const FIREFOX_EXT_DIR = join(ROOT, '.output', 'firefox-mv2');
/** The add-on id (manifest `browser_specific_settings.gecko.id`). */
export const GECKO_ID = 'arxiv-ko-digest@example.org';

declare const browser: {
  runtime: { getURL(path: string): string; sendMessage(message: unknown): Promise<unknown> };
  tabs: { create(props: { url: string }): Promise<unknown>; query(q: object): Promise<{ url?: string }[]> };
  browserSettings: { overrideContentColorScheme: { set(details: { value: string }): Promise<boolean> } };
};

const HOOK = 'test-hook.js';
const HOME = 'popup.html';

/** Everything but loopback goes to a closed port: nothing leaves the machine, 127.0.0.1 is reached directly. */
const PREFS: Record<string, unknown> = {
  'network.proxy.type': 1,
  'network.proxy.http': '127.0.0.1',
  'network.proxy.http_port': 9,
  'network.proxy.ssl': '127.0.0.1',
  'network.proxy.ssl_port': 9,
  'network.proxy.allow_hijacking_localhost': false,
};

export interface FirefoxOptions {
  /** Host permissions the test copy declares, as if accepted at install (Firefox ignores ports in patterns). */
  grantHosts?: string[];
  /** arXiv URL paths (`/abs/…`) and the fixture file each is answered with (a `.pdf` as a PDF, others as HTML). */
  arxivPages?: Record<string, string>;
  /** URL prefixes the extension's requests are sent to instead (`https://huggingface.co/` → a loopback server). */
  redirects?: [from: string, to: string][];
}

export interface FirefoxSession extends Driver {
  browser: Browser;
  /** The extension page the hook opened; it stays open. */
  home: Page;
  /** `moz-extension://<uuid>/` */
  origin: string;
  close(): Promise<void>;
}

/** The hook's redirects: each request under a `from` prefix goes to the same path under its `to`. */
function redirectHook(redirects: [string, string][]): string {
  if (redirects.length === 0) return '';
  const urls = redirects.map(([from]) => `${from}*`);
  return `const REDIRECTS = ${JSON.stringify(redirects)};
browser.webRequest.onBeforeRequest.addListener((d) => {
  const hit = REDIRECTS.find(([from]) => d.url.startsWith(from));
  return hit ? { redirectUrl: hit[1] + d.url.slice(hit[0].length) } : {};
}, { urls: ${JSON.stringify(urls)} }, ['blocking']);
`;
}

/** A copy of the build with the test additions (header comment). */
function testCopy(into: string, grantHosts: string[], redirects: [string, string][]): string {
  const dir = join(into, 'extension');
  cpSync(FIREFOX_EXT_DIR, dir, { recursive: true });
  const path = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as {
    permissions?: string[];
    background: { scripts: string[] };
  };
  const webRequest = redirects.length > 0 ? ['webRequest', 'webRequestBlocking'] : [];
  manifest.permissions = [...(manifest.permissions ?? []), ...grantHosts, 'browserSettings', ...webRequest];
  manifest.background.scripts = [HOOK, ...manifest.background.scripts];
  writeFileSync(path, JSON.stringify(manifest));
  writeFileSync(
    join(dir, HOOK),
    `${redirectHook(redirects)}browser.tabs.create({ url: browser.runtime.getURL(${JSON.stringify(HOME)}) });\n`,
  );
  return dir;
}

async function until<T>(what: string, probe: () => Promise<T | null | undefined>, timeoutMs = 60_000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = await probe().catch(() => null);
    if (value) return value;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The page of `target` once its document is `url` (puppeteer keeps about:blank for moz-extension navigations). */
async function pageAt(target: Target, url: (href: string) => boolean): Promise<Page> {
  const page = await until('the page of a new tab', () => target.page());
  await until(`a tab's document to load`, () =>
    page
      .evaluate(() => [location.href, document.readyState] as const)
      .then(([href, state]) => url(href) && state === 'complete'),
  );
  return page;
}

/** A Tab over `page`, recording its requests from now on (call before it navigates). */
function tabOf(page: Page): Tab {
  const requested: string[] = [];
  page.on('request', (req: HTTPRequest) => {
    requested.push(req.url());
  });
  const handle = async (testId: string, nth: number) => {
    const all = await page.$$(`>>> [data-testid="${testId}"]`);
    const el = all[nth];
    if (!el) throw new Error(`no element ${nth} with data-testid="${testId}" (found ${all.length})`);
    return el;
  };
  return {
    ...readers((fn, arg) => page.evaluate(fn, arg)),
    async click(testId, nth = 0) {
      await (await handle(testId, nth)).click();
    },
    async press(testId, key, nth = 0) {
      // WebDriver BiDi names the space bar by its character.
      await (await handle(testId, nth)).press(key === 'Space' ? ' ' : key);
    },
    async select(testId, value) {
      await (await handle(testId, 0)).select(value);
    },
    // Over WebDriver BiDi page.evaluate runs in the page's own realm; the content script runs in a sandbox.
    inPage: (fn) => page.evaluate(fn),
    requests: () => [...requested],
    async fill(testId, text) {
      const el = await handle(testId, 0);
      await el.evaluate((input) => {
        (input as HTMLInputElement).value = '';
      });
      await el.type(text);
    },
    reload: async () => {
      // page.url() stays about:blank for extension pages (see pageAt): ask the document.
      if ((await page.evaluate(() => location.protocol)) !== 'moz-extension:') {
        await page.reload();
        return;
      }
      // puppeteer does not see moz-extension navigations end (see pageAt): reload from the page, then wait for a
      // document without the mark left in the old one.
      await page.evaluate(() => {
        (window as { akdBeforeReload?: boolean }).akdBeforeReload = true;
        location.reload();
      });
      await until('the extension page to reload', () =>
        page.evaluate(
          () => !(window as { akdBeforeReload?: boolean }).akdBeforeReload && document.readyState === 'complete',
        ),
      );
    },
    close: () => page.close(),
  };
}

/** Answers the tab's arXiv requests from fixtures; fails everything else but the extension's own files. */
async function serveArxiv(page: Page, pages: Record<string, string>, offline: boolean): Promise<void> {
  await page.setRequestInterception(true);
  page.on('request', (req: HTTPRequest) => {
    void (async () => {
      const url = new URL(req.url());
      if (url.protocol === 'moz-extension:' || url.protocol === 'data:') return req.continue();
      if (!isArxivHost(url.hostname)) return req.abort('internetdisconnected');
      const file = pages[url.pathname];
      if (!file)
        return req.respond({ status: 404, contentType: 'text/html', body: '<!doctype html><title>404</title>' });
      // The tab goes offline while its page is on the way: the page arrives, nothing after it does.
      if (offline && req.isNavigationRequest()) await page.setOfflineMode(true);
      const contentType = file.endsWith('.pdf') ? 'application/pdf' : 'text/html; charset=utf-8';
      return req.respond({ status: 200, contentType, body: readFileSync(file) });
    })();
  });
}

export async function launchFirefox(options: FirefoxOptions = {}): Promise<FirefoxSession> {
  const tmp = mkdtempSync(join(tmpdir(), 'akd-firefox-'));
  const ext = testCopy(tmp, options.grantHosts ?? [], options.redirects ?? []);
  const ff = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_BIN,
    headless: true,
    extraPrefsFirefox: PREFS,
    // A loaded 2-core machine can take longer than the default 30 s to start Firefox.
    timeout: 90_000,
  });
  const close = async () => {
    await ff.close().catch(() => undefined);
    rmSync(tmp, { recursive: true, force: true });
  };
  try {
    const known = new Set(ff.targets());
    const opened = ff.waitForTarget((t) => t.type() === 'page' && !known.has(t), { timeout: 60_000 });
    opened.catch(() => undefined); // awaited below; not an unhandled rejection when the install fails first
    await ff.installExtension(ext);
    const home = await pageAt(await opened, (href) => href.startsWith('moz-extension://') && href.endsWith(HOME));
    const origin = await home.evaluate(() => browser.runtime.getURL('/'));

    const session: FirefoxSession = {
      browser: ff,
      home,
      origin,
      close,
      async arxiv(path, { offline = false, host = 'arxiv.org' } = {}) {
        const page = await ff.newPage();
        const tab = tabOf(page);
        await serveArxiv(page, options.arxivPages ?? {}, offline);
        await page.goto(`https://${host}${path}`);
        return tab;
      },
      async extensionPage(path) {
        const before = new Set(ff.targets());
        const created = ff.waitForTarget((t) => t.type() === 'page' && !before.has(t), { timeout: 60_000 });
        created.catch(() => undefined); // awaited below
        await home.evaluate((p) => browser.tabs.create({ url: browser.runtime.getURL(p) }).then(() => undefined), path);
        const url = `${origin}${path}`;
        return tabOf(await pageAt(await created, (href) => href === url));
      },
      async ask(type, payload) {
        const reply = (await home.evaluate(
          (channel, t, p) => browser.runtime.sendMessage({ channel, type: t, payload: p }),
          CHANNEL,
          type,
          payload as unknown,
        )) as { ok: boolean; data?: unknown; error?: string };
        if (!reply.ok) throw new Error(reply.error);
        return reply.data as never;
      },
      tabUrls: () => home.evaluate(async () => (await browser.tabs.query({})).map((t) => t.url ?? '')),
      async colorScheme(scheme) {
        await home.evaluate(
          (value) => browser.browserSettings.overrideContentColorScheme.set({ value }).then(() => undefined),
          scheme,
        );
      },
    };
    return session;
  } catch (e) {
    await close();
    throw e;
  }
}
