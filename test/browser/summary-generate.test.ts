/**
 * Korean summaries on arXiv pages no digest covers, in real Chromium, without ../shared: a digest source (routed under
 * the default upstream URL) with one paper, the small arXiv fixtures (copies under other ids for the papers without a
 * digest), and the loopback model server as the OpenAI-compatible endpoint, its origin granted as after the user
 * accepted the prompt. Settings and the key are set from an extension page, as the options page does.
 * The journey: offer → click → the panel fills while the answer streams → done → reload offline → the stored summary.
 * Also: the endpoint saw the title and abstract and the key, nothing else; nothing is sent before the click, and a click
 * the page's own script makes sends nothing; a 401 and a cancel store nothing; a digest paper shows its digest with the
 * made summary folded below it; axe finds nothing in the offer or the panel.
 */

declare const chrome: {
  runtime: {
    connect(info: { name: string }): {
      postMessage(m: unknown): void;
      onMessage: { addListener(cb: (m: { type: string }) => void): void };
    };
  };
};

import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPrompt } from '../../lib/gen/prompt';
import { GEN_PORT } from '../../lib/messages';
import {
  type ModelServer,
  type RecordedRequest,
  SAMPLE_ANSWER,
  SAMPLE_MODEL,
  startModelServer,
} from '../support/model-server';
import { LOCAL_FIXTURES_DIR } from '../support/shared';
import { runAxe } from './support/axe';
import { extensionUrl, type Launched, launchWithExtension } from './support/launch';
import { ask, waitForSync } from './support/messages';
import { routeArxiv, routeCorpus } from './support/routes';

const fixture = (name: string) => join(LOCAL_FIXTURES_DIR, 'arxiv', name);

const DIGEST = `## Daily Papers (2024-07-01)

### [Second Paper Without Votes](https://arxiv.org/abs/2407.00202)

Vote: -

- ***What's New***: 다이제스트에 있는 논문입니다.
`;

/** What the page shows (test/fixtures/arxiv/abs-2407.00101v3.html), as it must reach the endpoint. */
const TITLE = 'Sparse Token Routing for Long-Context Decoders';
const ABSTRACT =
  'We route each token to a small subset of attention heads chosen by a learned $k$-sparse gate, so that decoding ' +
  'cost grows with $k$ rather than with the number of heads. On long-context benchmarks the routed decoder keeps its ' +
  'accuracy while using a third of the attention compute.';
const KEY = 'sk-loopback-test-key-0123456789';
const LINES = SAMPLE_ANSWER.split('\n');
const WAIT = { timeout: 30_000, interval: 100 };

describe('Korean summaries made on arXiv pages without a digest', () => {
  let dir: string;
  let l: Launched;
  let server: ModelServer;
  let settingsPage: Page;

  /** The abs fixture under another id and title (a paper no digest covers). */
  function absCopy(id: string, title: string): string {
    const file = join(dir, `abs-${id}.html`);
    const html = readFileSync(fixture('abs-2407.00101v3.html'), 'utf8').replaceAll('2407.00101', id);
    writeFileSync(file, html.replaceAll(TITLE, title));
    return file;
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'akd-gen-'));
    mkdirSync(join(dir, 'paper_logs', '2024', '07'), { recursive: true });
    writeFileSync(join(dir, 'paper_logs', '2024', '07', '01.md'), DIGEST);
    writeFileSync(
      join(dir, 'paper_logs', 'papers_list.csv'),
      'date,title,url\n2024-07-01,Second,https://arxiv.org/abs/2407.00202\n',
    );
    server = await startModelServer();
    l = await launchWithExtension({ grantHosts: [`${server.origin}/*`], allowOrigins: [server.origin] });
    await routeCorpus(l.context, dir);
    await routeArxiv(l.context, {
      '/abs/2407.00101v3': fixture('abs-2407.00101v3.html'),
      '/html/2407.00101v3': fixture('html-2407.00101v3.html'),
      '/abs/2407.00202': absCopy('2407.00202', 'Second Paper Without Votes'),
      '/abs/2407.00303': absCopy('2407.00303', 'A Paper Whose Key Is Refused'),
      '/abs/2407.00404': absCopy('2407.00404', 'A Paper Cancelled Mid-Stream'),
    });
    settingsPage = await l.context.newPage();
    await settingsPage.goto(extensionUrl(l, 'options.html'));
    await waitForSync(settingsPage, 1);
    await ask(settingsPage, 'setSettings', {
      patch: { summaryProvider: 'openai', providerBaseUrl: server.openaiBaseUrl, providerModel: SAMPLE_MODEL },
    });
    await ask(settingsPage, 'setProviderKey', { key: KEY });
  });
  afterAll(async () => {
    await l?.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const summaryOf = async (arxivId: string) => (await ask(settingsPage, 'getPaper', { arxivId })).summary;
  const sectionsText = (page: Page) => page.getByTestId('digest-panel').getByTestId('sections').textContent();

  async function openOffer(path: string): Promise<Page> {
    const page = await l.context.newPage();
    await page.goto(`https://arxiv.org${path}`);
    await expect.poll(() => page.getByTestId('summary-offer').count(), WAIT).toBe(1);
    return page;
  }

  it('offer → click → the panel fills as it streams → done → offline reload shows the stored summary', async () => {
    server.reset();
    // One line of the answer every 2.5 s, so the panel is seen mid-stream.
    server.enqueue({
      kind: 'answer',
      text: SAMPLE_ANSWER,
      chunks: LINES.map((s, i) => (i ? `\n${s}` : s)),
      delayMs: 2500,
    });
    const page = await openOffer('/abs/2407.00101v3');
    const offer = page.getByTestId('summary-offer');
    expect(await offer.textContent()).toContain(`Sends the title and abstract to ${new URL(server.origin).host}.`);
    // Nothing leaves before the click.
    await page.waitForTimeout(500);
    expect(server.requests).toHaveLength(0);
    expect(server.preflights).toBe(0);

    await page.getByTestId('generate-summary').click();
    const panel = page.getByTestId('digest-panel');
    await expect.poll(() => panel.getByTestId('cancel-summary').count(), WAIT).toBe(1);
    await expect.poll(() => sectionsText(page), WAIT).toContain('온라인 강화 학습');
    // Mid-stream: the first section is there, the last is not yet, and it says it is still being written.
    expect(await panel.getByTestId('cancel-summary').count()).toBe(1);
    expect(await sectionsText(page)).not.toContain('GenEval');
    expect(await panel.getByTestId('ai-generated').textContent()).toContain(`${SAMPLE_MODEL} · writing…`);

    await expect.poll(() => panel.getByTestId('regenerate-summary').count(), WAIT).toBe(1);
    expect(await sectionsText(page)).toContain('GenEval 정확도를 63%에서 95%로');
    expect(await panel.locator('dt').allTextContents()).toEqual([
      "What's New",
      'Technical Details',
      'Performance Highlights',
    ]);
    expect(await panel.getByTestId('ai-generated').textContent()).toMatch(
      new RegExp(`^Machine-generated summary: OpenAI-compatible API · ${SAMPLE_MODEL} · \\d{4}-\\d{2}-\\d{2}$`),
    );
    expect(await page.getByTestId('summary-offer').count()).toBe(0);

    // What the endpoint saw: one request, the key, and a prompt made of the page's title and abstract only.
    expect(server.requests).toHaveLength(1);
    const req = server.requests[0] as RecordedRequest;
    expect(req.path).toBe('/v1/chat/completions');
    expect(req.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(req.headers.cookie).toBeUndefined();
    const prompt = buildPrompt({ title: TITLE, abstract: ABSTRACT });
    expect((req.body as { messages: unknown }).messages).toEqual([
      { role: 'system', content: prompt.system },
      { role: 'user', content: prompt.user },
    ]);
    expect(req.rawBody).not.toContain('2407.00101');
    expect(req.rawBody).not.toContain('arxiv.org');

    const stored = await summaryOf('2407.00101');
    expect(stored?.model).toBe(SAMPLE_MODEL);
    expect(stored?.sections.map((s) => s.label)).toEqual(["What's New", 'Technical Details', 'Performance Highlights']);

    await l.context.setOffline(true);
    try {
      await page.reload();
      await expect.poll(() => sectionsText(page), WAIT).toContain('GenEval 정확도를 63%에서 95%로');
      expect(await panel.getByTestId('ai-generated').textContent()).toContain(SAMPLE_MODEL);
      expect(await page.getByTestId('summary-offer').count()).toBe(0);
    } finally {
      await l.context.setOffline(false);
    }
    expect(server.requests).toHaveLength(1);
    const { violations } = await runAxe(page, [['arxiv-ko-digest-panel']]);
    expect(violations.map((v) => `${v.id}: ${v.help} ${JSON.stringify(v.nodes.map((n) => n.target))}`)).toEqual([]);
    await page.close();
  });

  it('the HTML page of the same paper shows the stored summary at once, asking nothing', async () => {
    const before = server.requests.length;
    const page = await l.context.newPage();
    await page.goto('https://arxiv.org/html/2407.00101v3');
    await expect.poll(() => sectionsText(page), WAIT).toContain('온라인 강화 학습');
    expect(await page.getByTestId('ai-generated').count()).toBe(1);
    expect(server.requests).toHaveLength(before);
    await page.close();
  });

  it('a click the page’s script makes sends nothing; a 401 shows in summary-error and stores nothing', async () => {
    server.reset();
    server.enqueue({ kind: 'status', status: 401 });
    const page = await openOffer('/abs/2407.00303');
    const clicked = await page.evaluate(() => {
      const button = document
        .querySelector('arxiv-ko-digest-panel')
        ?.shadowRoot?.querySelector<HTMLElement>('[data-testid="generate-summary"]');
      button?.click();
      button?.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, composed: true }));
      button?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
      return button !== undefined && button !== null;
    });
    expect(clicked).toBe(true);
    // Control: in this time the real click below reaches the endpoint.
    await page.waitForTimeout(1000);
    expect(server.requests).toHaveLength(0);
    expect(await page.getByTestId('digest-panel').count()).toBe(0);
    const { violations } = await runAxe(page, [['arxiv-ko-digest-panel']]);
    expect(violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

    await page.getByTestId('generate-summary').click();
    await expect
      .poll(() => page.getByTestId('summary-error').textContent(), WAIT)
      .toBe('The API key was refused (401). Check the key in the options.');
    expect(server.requests).toHaveLength(1);
    expect(await page.getByTestId('generate-summary').count()).toBe(1);
    expect(await summaryOf('2407.00303')).toBeNull();
    await page.close();
  });

  it('cancel mid-stream closes the connection, says so, and stores nothing', async () => {
    server.reset();
    server.enqueue({ kind: 'answer', text: SAMPLE_ANSWER, chunks: LINES, stallAfterChunks: 1 });
    const page = await openOffer('/abs/2407.00404');
    await page.getByTestId('generate-summary').click();
    await expect.poll(() => sectionsText(page), WAIT).toContain('온라인 강화 학습');
    await page.getByTestId('cancel-summary').click();
    expect(await server.settled(0)).toBe('aborted');
    await expect
      .poll(() => page.getByTestId('summary-error').textContent(), WAIT)
      .toBe('Cancelled. Nothing was stored.');
    expect(await page.getByTestId('digest-panel').count()).toBe(0);
    expect(await summaryOf('2407.00404')).toBeNull();
    await page.close();
  });

  it('a paper with a digest shows the digest, and a summary made for it folded below', async () => {
    server.reset();
    const ended = await settingsPage.evaluate(
      ([name, title]) =>
        new Promise<string>((resolve) => {
          const port = chrome.runtime.connect({ name });
          port.onMessage.addListener((m) => {
            if (m.type === 'done' || m.type === 'error') resolve(m.type);
          });
          port.postMessage({ type: 'start', arxivId: '2407.00202', title, abstract: 'We vote.', regenerate: false });
        }),
      [GEN_PORT, 'Second Paper Without Votes'] as const,
    );
    expect(ended).toBe('done');
    const page = await l.context.newPage();
    await page.goto('https://arxiv.org/abs/2407.00202');
    const panel = page.getByTestId('digest-panel');
    await expect.poll(() => panel.count(), WAIT).toBe(1);
    expect(await panel.getByTestId('vote-count').textContent()).toBe('–');
    expect(await panel.getByTestId('sections').first().textContent()).toContain('다이제스트에 있는 논문입니다.');
    const folded = panel.getByTestId('generated-summary');
    expect(await folded.count()).toBe(1);
    expect(await folded.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    await folded.locator('summary').click();
    await expect.poll(() => folded.getByTestId('sections').textContent(), WAIT).toContain('온라인 강화 학습');
    expect(await page.getByTestId('summary-offer').count()).toBe(0);
    await page.close();
  });
});
