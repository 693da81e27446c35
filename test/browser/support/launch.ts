/**
 * Real Chromium (Debian's /usr/bin/chromium) with the built extension loaded, driven by playwright-core.
 * Every request leaving the browser is answered by routes: arXiv pages from fixtures, the default upstream
 * source from the digest corpus, everything else aborted (this machine has no network anyway).
 */
import { mkdtempSync, rmSync } from 'node:fs';
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

export async function launchWithExtension(): Promise<Launched> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'akd-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      `--disable-extensions-except=${EXT_DIR}`,
      `--load-extension=${EXT_DIR}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  // Registered first, so every more specific route added later wins over it.
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('chrome-extension://') || url.startsWith('data:')) return route.continue();
    return route.abort('internetdisconnected');
  });
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
