/**
 * Sync from a custom source: any host with the upstream layout serving raw files only (here a loopback server with
 * a generated tree, so this runs without ../shared). The URL is set in the real options page; the build used has
 * that origin's host permission granted, as after the user accepted the prompt (headless Chromium cannot).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CorpusServer, miniDays, startCorpusServer, writeMiniTree } from '../support/corpus-server';
import { extensionUrl, type Launched, launchWithExtension } from './support/launch';
import { ask } from './support/messages';

const DAYS = miniDays(6, 4, '2026-11-20');
const DISTINCT = 6 * 4 - 5;

describe('a custom source set in the options', () => {
  let dir: string;
  let server: CorpusServer;
  let l: Launched;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'akd-custom-source-'));
    writeMiniTree(dir, DAYS);
    server = await startCorpusServer(dir);
    const origin = new URL(server.baseUrl).origin;
    l = await launchWithExtension({ grantHosts: [`${origin}/*`], allowOrigins: [origin] });
  });
  afterAll(async () => {
    await l?.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('is validated, saved, and synced from: every day and paper of that host', async () => {
    const options = await l.context.newPage();
    await options.goto(extensionUrl(l, 'options.html'));
    const field = options.getByTestId('source-url');
    await field.fill('ftp://example.org/digests/');
    await options.getByTestId('save-source').click();
    await expect.poll(() => field.getAttribute('aria-invalid')).toBe('true');

    await field.fill(server.baseUrl);
    await options.getByTestId('save-source').click();
    await expect
      .poll(async () => (await ask(options, 'getSyncStatus', {})).status, { timeout: 30_000 })
      .toMatchObject({ running: false, digestCount: DAYS.length, paperCount: DISTINCT });
    expect(server.stats('paper_logs/papers_list.csv').requests).toBeGreaterThan(0);
    const newest = DAYS.at(-1)?.runs[0]?.[1];
    const { paper } = await ask(options, 'getPaper', { arxivId: newest?.id ?? '' });
    expect(paper?.title).toBe(newest?.title);
    await options.reload();
    await expect.poll(() => options.getByTestId('source-url').inputValue()).toBe(server.baseUrl);
    await options.close();
  });
});
