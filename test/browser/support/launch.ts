/**
 * Real Chromium (Debian's /usr/bin/chromium) with the built extension loaded, driven by playwright-core.
 * Every request leaving the browser is answered by routes: arXiv pages from fixtures, the default upstream
 * source from the digest corpus, everything else aborted (this machine has no network anyway).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Worker } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '../../..');
export const EXT_DIR = join(ROOT, '.output', 'chrome-mv3');
export const CHROMIUM = process.env.CHROMIUM_BIN ?? '/usr/bin/chromium';

export interface Launched {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /**
   * Host permissions granted at install, as if the user had accepted them: the build is copied and these are added
   * to its manifest's `host_permissions` (headless Chromium cannot accept a `permissions.request` prompt).
   */
  grantHosts?: string[];
  /** More Chromium flags (e.g. from loopback-upstream.ts). */
  extraArgs?: string[];
  /** Origins whose requests really go out (to servers of the test's own on this machine) instead of being aborted. */
  allowOrigins?: string[];
  /**
   * Abort every request no route answers (default true). Benchmarks pass false: a Playwright route sends each
   * request of the browser, the extension's own files included, through the test process, which costs time a
   * user's browser does not spend.
   */
  interceptAll?: boolean;
}

/** A copy of the built extension with `hosts` added to `host_permissions`. */
function extensionWithHosts(hosts: string[], into: string): string {
  const dir = join(into, 'extension');
  cpSync(EXT_DIR, dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { host_permissions?: string[] };
  manifest.host_permissions = [...(manifest.host_permissions ?? []), ...hosts];
  writeFileSync(manifestPath, JSON.stringify(manifest));
  return dir;
}

export async function launchWithExtension(options: LaunchOptions = {}): Promise<Launched> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'akd-chromium-'));
  const extDir = options.grantHosts?.length ? extensionWithHosts(options.grantHosts, userDataDir) : EXT_DIR;
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      `--disable-extensions-except=${extDir}`,
      `--load-extension=${extDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      ...(options.extraArgs ?? []),
    ],
  });
  // Registered first, so every more specific route added later wins over it.
  if (options.interceptAll !== false) {
    await context.route('**/*', (route) => {
      const url = route.request().url();
      const allowed = (options.allowOrigins ?? []).some((origin) => url.startsWith(origin));
      if (allowed || url.startsWith('chrome-extension://') || url.startsWith('data:')) return route.continue();
      return route.abort('internetdisconnected');
    });
  }
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

export function extensionUrl(l: Launched, path: string): string {
  return `chrome-extension://${l.extensionId}/${path.replace(/^\//, '')}`;
}
