/**
 * The on-device provider in the built extension: the production files carry none of the test fake, the Firefox build
 * neither asks for `offscreen` nor ships the page, and in real Chromium the service worker can create the offscreen
 * document with our reason and talk to its host over the Port protocol. (Debian's Chromium has the APIs but no
 * models: the Translator is `downloadable` there and can never be downloaded, so generating says `needsDownload`.)
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OFFSCREEN_JUSTIFICATION, OFFSCREEN_PATH, OFFSCREEN_REASONS } from '../../lib/gen/chrome-ai/offscreen-client';
import { GEN_PORT, parseHostReply } from '../../lib/gen/chrome-ai/wire';
import { FAKE_CHROME_AI_MARKERS } from '../support/fake-chrome-ai';
import { EXT_DIR, type Launched, launchWithExtension, ROOT } from './support/launch';

declare const chrome: {
  offscreen: { createDocument(p: { url: string; reasons: string[]; justification: string }): Promise<void> };
  runtime: {
    getURL(path: string): string;
    getContexts(filter: { contextTypes: string[]; documentUrls?: string[] }): Promise<unknown[]>;
    connect(info: { name: string }): {
      postMessage(m: unknown): void;
      disconnect(): void;
      onMessage: { addListener(f: (m: unknown) => void): void };
      onDisconnect: { addListener(f: () => void): void };
    };
    readonly lastError?: { message?: string };
  };
};

const FIREFOX_DIR = join(ROOT, '.output', 'firefox-mv2');

function scriptsUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return scriptsUnder(p);
    return /\.(js|html)$/.test(name) ? [p] : [];
  });
}

describe('the built files', () => {
  it('contain none of the on-device fake (and do contain the offscreen host)', () => {
    expect(existsSync(join(EXT_DIR, 'manifest.json')), 'run npx wxt build first').toBe(true);
    const files = [EXT_DIR, FIREFOX_DIR].filter(existsSync).flatMap(scriptsUnder);
    const texts = files.map((f) => [f, readFileSync(f, 'utf8')] as const);
    expect(texts.some(([, t]) => t.includes(GEN_PORT))).toBe(true);
    const found = texts.flatMap(([f, t]) =>
      FAKE_CHROME_AI_MARKERS.filter((m) => t.includes(m)).map((m) => `${f}: ${m}`),
    );
    expect(found).toEqual([]);
  });

  it('ask for `offscreen` and ship the page only for Chrome', () => {
    const chromeManifest = JSON.parse(readFileSync(join(EXT_DIR, 'manifest.json'), 'utf8')) as {
      permissions: string[];
    };
    expect(chromeManifest.permissions).toContain('offscreen');
    expect(existsSync(join(EXT_DIR, 'offscreen.html'))).toBe(true);
    expect(existsSync(join(FIREFOX_DIR, 'manifest.json')), 'run npm run build:firefox first').toBe(true);
    const ffManifest = JSON.parse(readFileSync(join(FIREFOX_DIR, 'manifest.json'), 'utf8')) as {
      permissions: string[];
    };
    expect(ffManifest.permissions).not.toContain('offscreen');
    expect(existsSync(join(FIREFOX_DIR, 'offscreen.html'))).toBe(false);
  });
});

describe('the offscreen document in Chromium', () => {
  let l: Launched;
  beforeAll(async () => {
    l = await launchWithExtension();
  });
  afterAll(async () => l?.close());

  it('is created with our reason and answers the worker over the Port protocol', async () => {
    const replies = await l.worker.evaluate(
      async ([path, reasons, justification, portName]) => {
        await chrome.offscreen.createDocument({ url: path, reasons, justification });
        const contexts = await chrome.runtime.getContexts({
          contextTypes: ['OFFSCREEN_DOCUMENT'],
          documentUrls: [chrome.runtime.getURL(path)],
        });
        const ask = (request: unknown) =>
          new Promise<unknown[]>((resolve) => {
            const port = chrome.runtime.connect({ name: portName });
            const got: unknown[] = [];
            port.onMessage.addListener((m) => {
              got.push(m);
              if ((m as { kind?: string }).kind !== 'partial') {
                port.disconnect();
                resolve(got);
              }
            });
            port.onDisconnect.addListener(() => resolve([...got, `closed: ${chrome.runtime.lastError?.message}`]));
            port.postMessage(request);
          });
        return {
          contexts: contexts.length,
          status: await ask({ kind: 'status' }),
          generate: await ask({
            kind: 'generate',
            input: { arxivId: '2406.16793', title: 'Adam-mini', abstract: 'We propose Adam-mini, an optimizer.' },
          }),
          invalid: await ask({ kind: 'generate', input: { arxivId: 'x', title: '', abstract: '' } }),
        };
      },
      [OFFSCREEN_PATH, [...OFFSCREEN_REASONS] as string[], OFFSCREEN_JUSTIFICATION, GEN_PORT] as const,
    );
    expect(replies.contexts).toBe(1);
    // The document has the Translator (the worker's status would say `absent` without one).
    expect(replies.status).toHaveLength(1);
    const status = parseHostReply(replies.status[0]);
    expect(status).toMatchObject({ kind: 'status' });
    expect(status).not.toEqual({ kind: 'status', status: 'absent' });
    // Every answer is a well-formed reply; without a downloadable model generation stops at needsDownload.
    const final = parseHostReply(replies.generate.at(-1));
    expect(typeof final).not.toBe('string');
    if (typeof status !== 'string' && status.kind === 'status' && status.status === 'downloadable') {
      expect(final).toEqual({ kind: 'error', code: 'needsDownload', message: null });
    }
    expect(replies.invalid[0]).toMatchObject({ kind: 'error', code: 'malformed' });
  });
});
