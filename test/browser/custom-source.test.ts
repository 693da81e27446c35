/**
 * Sync from a custom source: any host with the upstream layout serving raw files only (here a loopback server with
 * a generated tree, so this runs without ../shared). The URL is set in the real options page; the build used has
 * that origin's host permission granted, as after the user accepted the prompt (headless Chromium cannot).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CorpusServer,
  dayFile,
  digestMarkdown,
  indexCsv,
  type MiniDay,
  miniDays,
  startCorpusServer,
  writeMiniTree,
} from '../support/corpus-server';
import { extensionUrl, type Launched, launchWithExtension } from './support/launch';
import { ask } from './support/messages';

const DAYS = miniDays(6, 4, '2026-11-20');
const DISTINCT = 6 * 4 - 5;

describe('a custom source set in the options', () => {
  let dir: string;
  let server: CorpusServer;
  /** Another origin serving the same files: where a redirect would lead (reachable and permitted, were it followed). */
  let other: CorpusServer;
  let l: Launched;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'akd-custom-source-'));
    writeMiniTree(dir, DAYS);
    server = await startCorpusServer(dir);
    other = await startCorpusServer(dir);
    const origins = [server.baseUrl, other.baseUrl].map((u) => new URL(u).origin);
    l = await launchWithExtension({ grantHosts: origins.map((o) => `${o}/*`), allowOrigins: origins });
  });
  afterAll(async () => {
    await l?.close();
    await server?.close();
    await other?.close();
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

  it('refuses a redirect, a 200 MB file and a far-future day, keeping what is stored', async () => {
    const page = await l.context.newPage();
    await page.goto(extensionUrl(l, 'popup.html'));
    const [newest, second] = [DAYS.at(-1), DAYS.at(-2)] as [MiniDay, MiniDay];
    const before = await ask(page, 'getPaper', { arxivId: newest.runs[0]?.[1]?.id ?? '' });
    // Revalidating the newest days: one redirects to the other origin, one streams 200 MB.
    server.fault(dayFile(newest.date), {
      kind: 'redirect',
      status: 302,
      location: `${other.baseUrl}${dayFile(newest.date)}`,
    });
    server.fault(dayFile(second.date), { kind: 'huge', bytes: 200_000_000, contentLength: false });
    // The index gains a day in 2099 (its file exists).
    const far: MiniDay = { date: '2099-01-01', runs: [[{ id: '2611.99999', title: 'Far', votes: 1, authors: ['A'] }]] };
    const farFile = join(dir, dayFile(far.date));
    mkdirSync(dirname(farFile), { recursive: true });
    writeFileSync(farFile, digestMarkdown(far));
    server.override('paper_logs/papers_list.csv', indexCsv([...DAYS, far]));
    server.resetCounts();

    await ask(page, 'syncNow', {});
    await expect
      .poll(async () => (await ask(page, 'getSyncStatus', {})).status, { timeout: 30_000 })
      .toMatchObject({ running: false, digestCount: DAYS.length, newestDate: newest.date });
    const { status } = await ask(page, 'getSyncStatus', {});
    const errors = status.fileErrors.map((e) => [e.path, e.error] as const).sort(([a], [b]) => (a < b ? -1 : 1));
    expect(errors).toEqual([
      [dayFile(second.date), { code: 'fetchTooLarge', params: { size: 2 << 20 } }],
      [dayFile(newest.date), { code: 'fetchRedirect', params: {} }],
    ]);
    expect(status.lastError).toContainEqual({ code: 'syncFutureDays', params: { count: 1, dates: '2099-01-01' } });
    expect(other.total().requests).toBe(0);
    expect(server.stats(dayFile(far.date)).requests).toBe(0);
    const end = await server.streamed(dayFile(second.date));
    expect(end.complete).toBe(false);
    expect(end.sent).toBeLessThan(50_000_000);
    expect(await ask(page, 'getPaper', { arxivId: newest.runs[0]?.[1]?.id ?? '' })).toEqual(before);
    server.clearFaults();
    await page.close();
  });
});
