/**
 * The user journeys every browser build must pass, defined once and run by chromium-journeys.test.ts and
 * firefox-journeys.test.ts: the first sync from a custom source saved in the options (a real server on 127.0.0.1),
 * the panel on abstract and HTML pages (also `/abs?id=`, browse.arxiv.org, and HTML papers whose abstract lost its
 * class or has no anchor at all), the panel driven by the user but not by the page's script (the thumbnail asked for
 * only on the user's click or key), listing and search badges (also this month, the month form, catch-up), the
 * popup's list and search, a failed sync worded in Korean with the Korean UI pinned, the reader, the panel with the network off, a dark colour scheme, the options'
 * Korean-summaries section saving and testing the loopback model endpoint (test/support/model-server.ts), a Korean
 * summary made by it for a paper no digest covers, that summary in the reader's and the popup's views until the user
 * removes it, and the popup's "Today on Hugging Face" (huggingface.co answered from test/fixtures/hf,
 * support/hf-routes.ts) put into Korean by that endpoint. Small fixtures only (test/fixtures): runs without ../shared.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addDays } from '../../../lib/dates';
import { INDEX_PATH } from '../../../lib/sync/source';
import { type CorpusServer, dayFile, startCorpusServer } from '../../support/corpus-server';
import { type ModelServer, SAMPLE_MODEL, startModelServer } from '../../support/model-server';
import { LOCAL_FIXTURES_DIR } from '../../support/shared';
import type { Driver, Tab } from './driver';
import { type HfRoutes, type HfServer, hfFixture, hfRoutes, setUpDays, startHfServer } from './hf-routes';
import { pressEveryPanelButton } from './page-script';

const fixture = (...parts: string[]) => join(LOCAL_FIXTURES_DIR, ...parts);

/**
 * arXiv URL paths (the query is not looked at) and their fixture pages (test/fixtures/arxiv/README.md); `journeys`
 * adds GEN_PATH.
 */
const JOURNEY_PAGES: Record<string, string> = {
  '/abs/2407.00101v3': fixture('arxiv', 'abs-2407.00101v3.html'),
  // `/abs?id=<id>`: arXiv answers the legacy query form with the abstract page itself.
  '/abs': fixture('arxiv', 'abs-2407.00101v3.html'),
  '/html/2407.00101v3': fixture('arxiv', 'html-2407.00101v3.html'),
  '/html/2407.00101v4': fixture('arxiv', 'html-2407.00101v4-no-ltx-abstract.html'),
  '/html/2407.00101v5': fixture('arxiv', 'html-2407.00101v5-no-abstract-anchor.html'),
  '/list/cs.CL/new': fixture('arxiv', 'list-cs.CL-new-small.html'),
  '/list/cs.CL/current': fixture('arxiv', 'list-cs.CL-2024-07.html'),
  // The archive page's month form, `/list/?archive=…&year=…&month=…`.
  '/list/': fixture('arxiv', 'list-cs.CL-2024-07.html'),
  '/catchup/cs.CL/2024-07-01': fixture('arxiv', 'catchup-cs.CL-2024-07-01.html'),
  '/search/': fixture('arxiv', 'search-results.html'),
};

const WHATS_NEW = '토큰마다 일부 어텐션 헤드로만 라우팅하는 방법을 제안합니다.';
/** The thumbnail of 2407.00101 in NEWEST: asked for only when the user wants it. */
const THUMB = 'https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2407.00101.png';
const DETAILS = '라우터는 레이어마다 학습됩니다.';

/** The newest day: the two papers of the local arXiv fixtures (listing and search). */
const NEWEST = `## Daily Papers (2024-07-01)

### [Sparse Token Routing for Long-Context Decoders](https://arxiv.org/abs/2407.00101)

![](https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2407.00101.png)

Vote: 7

Authors: Kim Minji, Park Jisoo

- ***What's New***: ${WHATS_NEW}
- ***Technical Details***: ${DETAILS}

### [Second Paper Without Votes](https://arxiv.org/abs/2407.00202)

Vote: -

- 투표 수가 없는 두 번째 논문입니다.
`;

/** Three days: the one above and two fixture digests (1 and 2 papers). */
const DAYS: { date: string; write(file: string): void; papers: [id: string, title: string][] }[] = [
  {
    date: '2024-07-01',
    write: (f) => writeFileSync(f, NEWEST),
    papers: [
      ['2407.00101', 'Sparse Token Routing for Long-Context Decoders'],
      ['2407.00202', 'Second Paper Without Votes'],
    ],
  },
  {
    date: '2024-06-27',
    write: (f) => copyFileSync(fixture('digests', 'gen-2024-06-labelled.md'), f),
    papers: [['2406.20001', 'Zeta: Labelled Bullets']],
  },
  {
    date: '2024-03-01',
    write: (f) => copyFileSync(fixture('digests', 'gen-2024-02-media.md'), f),
    papers: [
      ['2402.10001', 'Delta: Thumbnails Everywhere'],
      ['2402.10002', 'Epsilon: A Video Paper'],
    ],
  },
];
const PAPERS = DAYS.reduce((n, d) => n + d.papers.length, 0);

/** A paper no digest above covers: the abstract fixture under this id and title (its citation id matches the URL). */
const GEN_ID = '2407.00909';
const GEN_PATH = `/abs/${GEN_ID}`;
const GEN_TITLE = 'Loopback Summaries for Papers Without a Digest';
const KEY = 'sk-test-journeys-0123456789';
/** A phrase of SAMPLE_ANSWER (each of its three sections), as the panel shows it. */
const GENERATED = ['온라인 강화 학습', 'ODE-to-SDE 전략', 'GenEval 정확도를 63%에서 95%로'];

function writeGenPage(file: string): void {
  const html = readFileSync(JOURNEY_PAGES['/abs/2407.00101v3'] ?? '', 'utf8')
    .replaceAll('2407.00101', GEN_ID)
    .replaceAll('Sparse Token Routing for Long-Context Decoders', GEN_TITLE);
  writeFileSync(file, html);
}

function writeTree(dir: string): void {
  const rows = ['date,title,url'];
  for (const day of DAYS) {
    const file = join(dir, dayFile(day.date));
    mkdirSync(dirname(file), { recursive: true });
    day.write(file);
    for (const [id, title] of day.papers) rows.push(`${day.date},"${title}",https://arxiv.org/abs/${id}`);
  }
  writeFileSync(join(dir, 'paper_logs', 'papers_list.csv'), `${rows.join('\r\n')}\r\n`);
}

/** Relative luminance (WCAG) of a computed `rgb(…)` colour. */
function luminance(css: string | undefined): number {
  const [r, g, b] = (css?.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  if (r === undefined || g === undefined || b === undefined) throw new Error(`not a colour: ${css}`);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

const POLL = { timeout: 30_000, interval: 150 };

async function panelOn(tab: Tab): Promise<string> {
  await expect.poll(() => tab.texts('digest-panel').then((t) => t.length), POLL).toBe(1);
  return (await tab.texts('digest-panel'))[0] ?? '';
}

export interface Started<D extends Driver> {
  driver: D;
  source: CorpusServer;
  model: ModelServer;
  hf: HfRoutes;
}

/**
 * What `start` gets: the loopback servers (their hosts to grant), the arXiv pages to serve, and Hugging Face's
 * answers: `hf` for a browser that can answer the extension's own requests (Chromium: playwright routes), `hfServer`
 * the same table on a loopback port for one that cannot (Firefox: its test copy redirects there). huggingface.co is
 * granted in both, as after the user's "Allow".
 */
export interface Env {
  source: CorpusServer;
  model: ModelServer;
  pages: Record<string, string>;
  hf: HfRoutes;
  hfServer: HfServer;
}

export interface Journeys<D extends Driver> {
  /** The running browser and source (inside tests). */
  get(): Started<D>;
  /** Registers the journeys here, in order: the first one fills the database the others read. */
  define(): void;
}

/**
 * Before all tests of the calling `describe`: the loopback source and model endpoint, then `start` (the browser with
 * the extension, granting both servers' host permissions and serving `pages`; it returns the driver and how to close
 * it). A test file registers its own checks around `define()` with the same driver.
 */
export function journeys<D extends Driver>(
  start: (env: Env) => Promise<{ driver: D; close(): Promise<void> }>,
): Journeys<D> {
  let dir = '';
  let source: CorpusServer | undefined;
  let model: ModelServer | undefined;
  let hfServer: HfServer | undefined;
  const hf = hfRoutes();
  const hfDays = setUpDays(hf);
  let started: { driver: D; close(): Promise<void> } | undefined;
  const get = (): Started<D> => {
    if (!source || !model || !started) throw new Error('the browser did not start');
    return { driver: started.driver, source, model, hf };
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'akd-journeys-'));
    writeTree(dir);
    const genPage = join(dir, `abs-${GEN_ID}.html`);
    writeGenPage(genPage);
    source = await startCorpusServer(dir);
    model = await startModelServer();
    hfServer = await startHfServer(hf);
    started = await start({ source, model, pages: { ...JOURNEY_PAGES, [GEN_PATH]: genPage }, hf, hfServer });
  });
  afterAll(async () => {
    await started?.close();
    await hfServer?.close();
    await model?.close();
    await source?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const define = () => {
    it('first sync: a source saved in the options fills the database with every day and paper', async () => {
      const { driver, source } = get();
      const options = await driver.extensionPage('options.html');
      await options.fill('source-url', source.baseUrl);
      await options.click('save-source');
      await expect
        .poll(async () => (await driver.ask('getSyncStatus', {})).status, { ...POLL, timeout: 60_000 })
        .toMatchObject({ running: false, digestCount: DAYS.length, paperCount: PAPERS, newestDate: '2024-07-01' });
      expect(source.stats('paper_logs/papers_list.csv').requests).toBeGreaterThan(0);
      expect(source.stats(dayFile('2024-03-01')).ok).toBe(1);
      await options.close();
    });

    it.each(['/abs/2407.00101v3', '/html/2407.00101v3'])(
      'the panel on %s: vote count, Korean sections, the thumbnail on request',
      async (path) => {
        const tab = await get().driver.arxiv(path);
        const panel = await panelOn(tab);
        expect(await tab.texts('vote-count')).toEqual(['7']);
        expect(panel).toContain(WHATS_NEW);
        expect(panel).toContain(DETAILS);
        expect(await tab.texts('load-media')).toHaveLength(1);
        await tab.close();
      },
    );

    it('the panel obeys the user, not the page: the page’s script pressing every button does nothing; the user’s click and keys do, and only then is the thumbnail asked for', async () => {
      const { driver } = get();
      const tab = await driver.arxiv('/abs/2407.00101v3');
      await panelOn(tab);
      // What arxiv.org's own script could do: the shadow root is open, so it can reach every button.
      const pressed = await tab.inPage(pressEveryPanelButton);
      expect(pressed).toEqual(['panel-toggle', 'digest-date', 'load-media', 'open-reader']);
      // The user's click goes through the same handlers; once it has shown, the page's clicks would have too.
      await tab.click('panel-toggle');
      await expect.poll(() => tab.attributes('panel-toggle', 'aria-expanded'), POLL).toEqual(['false']);
      expect(await tab.texts('media')).toEqual([]);
      expect(await tab.texts('load-media')).toHaveLength(1);
      expect((await driver.tabUrls()).filter((u) => u.includes('reader.html'))).toEqual([]);
      expect(tab.requests().filter((u) => u.includes('cdn-thumbnails'))).toEqual([]);

      await tab.press('panel-toggle', 'Enter');
      await expect.poll(() => tab.attributes('panel-toggle', 'aria-expanded'), POLL).toEqual(['true']);
      await tab.press('load-media', 'Space');
      const thumbSrc = () =>
        tab.inPage(
          () =>
            document.querySelector('arxiv-ko-digest-panel')?.shadowRoot?.querySelector('img')?.getAttribute('src') ??
            null,
        );
      await expect.poll(thumbSrc, POLL).toBe(THUMB);
      await expect.poll(() => tab.requests().filter((u) => u.includes('cdn-thumbnails')), POLL).toEqual([THUMB]);
      expect(await tab.texts('load-media')).toEqual([]);
      await tab.close();
    });

    it.each([
      ['the panel on /abs?id=<id>', '/abs?id=2407.00101', 'arxiv.org', 'after blockquote'],
      ['the panel on browse.arxiv.org', '/html/2407.00101v3', 'browse.arxiv.org', 'after div'],
      [
        'an HTML paper without ltx_abstract: after its "Abstract" section',
        '/html/2407.00101v4',
        'arxiv.org',
        'after p#abstract.p2',
      ],
      ['an HTML paper with neither: at the top of the article', '/html/2407.00101v5', 'arxiv.org', 'first in article'],
    ] as const)('%s', async (_name, path, host, place) => {
      const tab = await get().driver.arxiv(path, { host });
      const panel = await panelOn(tab);
      expect(await tab.texts('vote-count')).toEqual(['7']);
      expect(panel).toContain(WHATS_NEW);
      expect(await tab.places('digest-panel')).toEqual([place]);
      await tab.close();
    });

    it.each([
      ['the listing', '/list/cs.CL/new', 'arxiv.org'],
      ['search results', '/search/?query=token+pruning&searchtype=all', 'arxiv.org'],
      ["this month's listing", '/list/cs.CL/current', 'arxiv.org'],
      ["the archive page's month form", '/list/?archive=cs&year=2024&month=07&submit=Go', 'arxiv.org'],
      ['catch-up on a past day', '/catchup/cs.CL/2024-07-01?abs=False', 'arxiv.org'],
      ['the listing on browse.arxiv.org', '/list/cs.CL/new', 'browse.arxiv.org'],
    ] as const)('%s: badges only on digest papers, and a badge opens its summary', async (_name, path, host) => {
      const tab = await get().driver.arxiv(path, { host });
      await expect.poll(() => tab.texts('listing-badge').then((t) => t.length), POLL).toBe(2);
      expect(await tab.texts('vote-count')).toEqual(['7', '–']);
      await tab.click('badge-toggle', 0);
      await expect.poll(async () => (await tab.texts('badge-summary'))[0], POLL).toContain(WHATS_NEW);
      await tab.close();
    });

    it('the popup: the newest day by votes, the paper count, search as you type', async () => {
      const popup = await get().driver.extensionPage('popup.html');
      await expect.poll(() => popup.texts('paper-item').then((t) => t.length), POLL).toBe(2);
      expect(await popup.texts('vote-count')).toEqual(['7', '–']);
      expect((await popup.texts('paper-item'))[0]).toContain('Sparse Token Routing');
      expect(await popup.texts('paper-count')).toEqual([String(PAPERS)]);
      await popup.fill('search-input', 'Thumbnails');
      await expect.poll(() => popup.texts('paper-item'), POLL).toEqual([expect.stringContaining('Delta')]);
      await popup.close();
    });

    it('the popup opens the reader in one tab: a second open goes to the same reader tab', async () => {
      const { driver } = get();
      const readers = async () => (await driver.tabUrls()).filter((u) => u.includes('/reader.html'));
      expect(await readers()).toEqual([]);
      const popup = await driver.extensionPage('popup.html');
      await expect.poll(() => popup.texts('paper-item').then((t) => t.length), POLL).toBe(2);
      await popup.click('open-reader');
      await expect.poll(readers, POLL).toEqual([expect.stringMatching(/\/reader\.html#\/$/)]);
      await popup.click('open-reader');
      await new Promise((r) => setTimeout(r, 500)); // room for a second tab, were one opened
      expect(await readers()).toHaveLength(1);
      // The reader tab is the background's, not the driver's: the popup closes it for the journeys after this one.
      await popup.inPage(async () => {
        type TabsApi = {
          query(q: object): Promise<{ id?: number; url?: string }[]>;
          remove(ids: number[]): Promise<void>;
        };
        const g = globalThis as unknown as { browser?: { tabs: TabsApi }; chrome: { tabs: TabsApi } };
        const tabs = (g.browser ?? g.chrome).tabs;
        const open = await tabs.query({});
        await tabs.remove(open.filter((t) => t.url?.includes('/reader.html')).map((t) => t.id as number));
      });
      await expect.poll(readers, POLL).toEqual([]);
      await popup.close();
    });

    it('in Korean: a failed sync reads in Korean in the popup and the options, no English sentence, and clears on the next sync', async () => {
      const { driver, source } = get();
      const options = await driver.extensionPage('options.html');
      await options.select('ui-language', 'ko');
      await expect.poll(() => options.values('ui-language'), POLL).toEqual(['ko']);
      source.fault(INDEX_PATH, { kind: 'status', status: 500 });
      const problem = '마지막 동기화 문제: 날짜 목록을 내려받지 못했습니다: 서버 오류(500)';
      try {
        const popup = await driver.extensionPage('popup.html');
        await expect.poll(() => popup.texts('paper-item').then((t) => t.length), POLL).toBe(2);
        await popup.click('sync-now');
        await expect.poll(() => popup.texts('sync-status'), POLL).toEqual([expect.stringContaining(problem)]);
        const status = (await popup.texts('sync-status'))[0] ?? '';
        expect(status).not.toMatch(/could not|server error|download/i);
        // Nothing stored was lost by the failed run.
        expect(await popup.texts('paper-count')).toEqual([String(PAPERS)]);
        await popup.close();
        await options.reload();
        await expect.poll(() => options.texts('sync-status'), POLL).toEqual([expect.stringContaining(problem)]);
      } finally {
        source.clearFaults();
      }
      await options.click('sync-now');
      await expect
        .poll(() => options.texts('sync-status'), { ...POLL, timeout: 60_000 })
        .toEqual([expect.not.stringContaining('마지막 동기화 문제')]);
      await options.select('ui-language', 'auto');
      await options.close();
    });

    it('the reader: every day newest first, a day opened from the list, a paper by deep link', async () => {
      const { driver } = get();
      const reader = await driver.extensionPage('reader.html');
      await expect.poll(() => reader.texts('day-link').then((t) => t.length), POLL).toBe(DAYS.length);
      const days = await reader.texts('day-link');
      expect(DAYS.map((d, i) => days[i]?.includes(d.date))).toEqual(DAYS.map(() => true));
      await reader.click('day-link', 2);
      await expect.poll(() => reader.texts('paper-card').then((t) => t.length), POLL).toBe(2);
      await reader.close();

      const paper = await driver.extensionPage('reader.html#/paper/2402.10001');
      await expect
        .poll(async () => (await paper.texts('paper-view'))[0], POLL)
        .toContain('델타는 썸네일을 가진 논문입니다.');
      expect((await paper.texts('vote-count'))[0]).toBe('51');
      await paper.close();
    });

    it('with the network off: the source unreachable, the tab offline, the panel still shown from stored data', async () => {
      const { driver, source } = get();
      source.goOffline();
      try {
        await driver.ask('syncNow', {});
        await expect
          .poll(async () => (await driver.ask('getSyncStatus', {})).status, POLL)
          .toMatchObject({
            running: false,
            digestCount: DAYS.length,
            lastError: [expect.objectContaining({ code: 'syncIndex' })],
          });
        const tab = await driver.arxiv('/abs/2407.00101v3', { offline: true });
        expect(await tab.onLine()).toBe(false);
        const panel = await panelOn(tab);
        expect(await tab.texts('vote-count')).toEqual(['7']);
        expect(panel).toContain(WHATS_NEW);
        // Remote media is not offered offline.
        expect(await tab.texts('load-media')).toEqual([]);
        await tab.close();
      } finally {
        source.goOnline();
      }
    });

    it('a dark colour scheme: the panel and the popup turn dark, and light again', async () => {
      const { driver } = get();
      const look = async (scheme: 'light' | 'dark') => {
        await driver.colorScheme(scheme);
        const tab = await driver.arxiv('/abs/2407.00101v3');
        await panelOn(tab);
        const panelBg = luminance((await tab.styles('digest-panel', 'background-color'))[0]);
        await tab.close();
        const popup = await driver.extensionPage('popup.html');
        await expect.poll(() => popup.texts('paper-item').then((t) => t.length), POLL).toBe(2);
        const itemFg = luminance((await popup.styles('paper-item', 'color'))[0]);
        await popup.close();
        return { panelBg, itemFg };
      };
      const dark = await look('dark');
      const light = await look('light');
      expect(dark.panelBg).toBeLessThan(0.1);
      expect(light.panelBg).toBeGreaterThan(0.8);
      expect(dark.itemFg).toBeGreaterThan(0.6);
      expect(light.itemFg).toBeLessThan(0.1);
    });

    it('options, Korean summaries: an endpoint saved with its key (only its hint shows again), tested in plain words', async () => {
      const { driver, model } = get();
      model.reset();
      const options = await driver.extensionPage('options.html');
      const offered = () =>
        options.inPage(() =>
          [...(document.querySelector<HTMLSelectElement>('[data-testid="summary-provider"]')?.options ?? [])].map(
            (o) => o.value,
          ),
        );
      // Chrome's on-device choice only where the browser has Chrome's Translator (Firefox has none).
      const hasTranslator = await options.inPage(() => 'Translator' in globalThis);
      await expect
        .poll(offered, POLL)
        .toEqual(hasTranslator ? ['none', 'chrome-ai', 'openai', 'anthropic'] : ['none', 'openai', 'anthropic']);

      await options.select('summary-provider', 'openai');
      await options.fill('provider-base-url', model.openaiBaseUrl);
      await options.fill('provider-api-key', KEY);
      await options.fill('provider-model', SAMPLE_MODEL);
      await options.click('save-provider');
      // The line is there (empty) before the answer: wait for its words.
      await expect
        .poll(async () => (await options.texts('provider-message'))[0], POLL)
        .toContain(new URL(model.origin).host);
      expect(await options.attributes('provider-message', 'class')).toEqual(['ok']);
      expect(await options.values('provider-api-key')).toEqual(['']);
      expect(await options.attributes('provider-api-key', 'placeholder')).toEqual([`••••${KEY.slice(-4)}`]);
      expect(await options.inPage(() => document.documentElement.outerHTML)).not.toContain(KEY);
      expect((await driver.ask('getSettings', {})).settings).toMatchObject({
        summaryProvider: 'openai',
        providerBaseUrl: model.openaiBaseUrl,
        providerModel: SAMPLE_MODEL,
      });
      expect((await driver.ask('exportData', {})).json).not.toContain(KEY);

      await options.click('test-provider');
      await expect
        .poll(async () => (await options.texts('provider-test-message'))[0], { ...POLL, timeout: 60_000 })
        .toContain(SAMPLE_MODEL);
      expect(await options.attributes('provider-test-message', 'class')).toEqual(['ok']);
      expect(model.requests.at(-1)?.headers.authorization).toBe(`Bearer ${KEY}`);

      model.enqueue({ kind: 'status', status: 401 });
      await options.click('test-provider');
      await expect
        .poll(async () => (await options.texts('provider-test-message'))[0], { ...POLL, timeout: 60_000 })
        .toMatch(/401/);
      expect(await options.attributes('provider-test-message', 'class')).toEqual(['error']);

      await options.reload();
      await expect.poll(() => options.values('summary-provider'), POLL).toEqual(['openai']);
      expect(await options.values('provider-base-url')).toEqual([model.openaiBaseUrl]);
      expect(await options.attributes('provider-api-key', 'placeholder')).toEqual([`••••${KEY.slice(-4)}`]);
      expect(await options.values('provider-api-key')).toEqual(['']);
      expect(await options.inPage(() => document.documentElement.outerHTML)).not.toContain(KEY);

      // Plain http to a host on the internet is refused: nothing asked, nothing saved.
      const before = (await driver.ask('getSettings', {})).settings;
      await options.select('summary-provider', 'anthropic');
      await options.fill('provider-base-url', 'http://models.example.com/v1');
      await options.click('save-provider');
      await expect.poll(() => options.attributes('provider-message', 'class'), POLL).toEqual(['error']);
      expect((await options.texts('provider-message'))[0]).toMatch(/http/);
      expect((await driver.ask('getSettings', {})).settings).toEqual(before);
      await options.close();
    });

    it('a generated summary from the loopback model endpoint: offer, a real click, the Korean panel, stored for a reload', async () => {
      const { driver, model } = get();
      await driver.ask('setSettings', {
        patch: { summaryProvider: 'openai', providerBaseUrl: model.openaiBaseUrl, providerModel: SAMPLE_MODEL },
      });
      await driver.ask('setProviderKey', { key: KEY });
      model.reset();
      const tab = await driver.arxiv(GEN_PATH);
      await expect.poll(() => tab.texts('generate-summary').then((t) => t.length), POLL).toBe(1);
      expect(await tab.texts('summary-offer')).toHaveLength(1);
      expect(await tab.texts('digest-panel')).toEqual([]);
      expect(model.requests).toHaveLength(0);

      await tab.click('generate-summary');
      await expect.poll(() => tab.texts('regenerate-summary').then((t) => t.length), POLL).toBe(1);
      const panel = (await tab.texts('digest-panel'))[0] ?? '';
      for (const phrase of GENERATED) expect(panel).toContain(phrase);
      expect((await tab.texts('ai-generated'))[0]).toContain(SAMPLE_MODEL);
      expect(await tab.texts('summary-offer')).toEqual([]);

      // What the endpoint saw: one request with the key, asking about this page's title.
      expect(model.requests).toHaveLength(1);
      const req = model.requests[0];
      expect(req?.path).toBe('/v1/chat/completions');
      expect(req?.headers.authorization).toBe(`Bearer ${KEY}`);
      expect(req?.rawBody).toContain(GEN_TITLE);

      await tab.reload();
      const again = await panelOn(tab);
      for (const phrase of GENERATED) expect(again).toContain(phrase);
      expect((await tab.texts('ai-generated'))[0]).toContain(SAMPLE_MODEL);
      expect(await tab.texts('summary-offer')).toEqual([]);
      expect(model.requests).toHaveLength(1);
      await tab.close();
    });

    it('the generated summary in the reader (marked, listed, on its own and in the paper view) and the popup’s search, until the user removes it', async () => {
      const { driver } = get();
      const reader = await driver.extensionPage('reader.html');
      await expect.poll(() => reader.texts('summaries-link').then((t) => t.length), POLL).toBe(1);
      await reader.click('summaries-link');
      await expect.poll(() => reader.attributes('summary-item', 'data-arxiv-id'), POLL).toEqual([GEN_ID]);
      expect((await reader.texts('summary-item'))[0]).toContain(GEN_TITLE);
      expect((await reader.texts('ai-generated'))[0]).toContain(SAMPLE_MODEL);
      await reader.close();

      // The paper view of a paper no digest covers: the summary alone, linking to its own view.
      const paper = await driver.extensionPage(`reader.html#/paper/${GEN_ID}`);
      await expect.poll(() => paper.texts('summary-card').then((t) => t.length), POLL).toBe(1);
      expect(await paper.texts('paper-card')).toEqual([]);
      await paper.click('summary-link');
      await expect.poll(async () => (await paper.texts('summary-view'))[0] ?? '', POLL).toContain(GENERATED[0]);
      const view = (await paper.texts('summary-view'))[0] ?? '';
      for (const phrase of GENERATED) expect(view).toContain(phrase);
      expect((await paper.texts('ai-generated'))[0]).toContain(SAMPLE_MODEL);

      const popup = await driver.extensionPage('popup.html');
      await popup.fill('search-input', 'Loopback');
      await expect.poll(() => popup.attributes('summary-item', 'data-arxiv-id'), POLL).toEqual([GEN_ID]);
      expect((await popup.texts('summary-item'))[0]).toContain(SAMPLE_MODEL);
      await popup.close();

      // Removing asks first.
      await paper.click('delete-summary');
      await paper.click('delete-summary-cancel');
      expect(await paper.texts('summary-view')).toHaveLength(1);
      await paper.click('delete-summary');
      await paper.click('delete-summary-confirm');
      await expect.poll(() => paper.texts('summary-list').then((t) => t.length), POLL).toBe(1);
      expect(await paper.texts('summary-item')).toEqual([]);
      expect((await driver.ask('search', { query: 'Loopback', limit: 5 })).summaries).toEqual([]);
      await paper.close();
    });

    it('the popup’s “Today on Hugging Face”: the newest day with papers by upvotes, then all of it in Korean from the model endpoint', async () => {
      const { driver, model, hf } = get();
      model.reset();
      const popup = await driver.extensionPage('popup.html');
      // Walked back over a day not open yet (400) and an empty one; most upvotes first.
      await expect
        .poll(() => popup.attributes('hf-item', 'data-arxiv-id'), POLL)
        .toEqual(['2406.16793', '2507.00994', '2507.01006', '2406.18521']);
      expect(await popup.texts('hf-upvotes')).toEqual(['57', '41', '17', '9']);
      expect(hf.requests.filter((u) => u.includes('/api/daily_papers')).slice(0, 3)).toEqual(
        [hfDays.today, addDays(hfDays.today, -1), hfDays.listDay].map(
          (d) => `https://huggingface.co/api/daily_papers?date=${d}`,
        ),
      );
      // None of them is in this browser's digests: all four English, each with Hugging Face's own summary.
      expect(await popup.texts('hf-en-mark')).toHaveLength(4);
      expect(await popup.texts('hf-ko-mark')).toEqual([]);

      await popup.click('hf-translate-all');
      await expect
        .poll(() => popup.attributes('hf-item', 'data-korean'), { ...POLL, timeout: 90_000 })
        .toEqual(['generated', 'generated', 'generated', 'generated']);
      const marks = await popup.texts('ai-generated');
      expect(marks).toHaveLength(4);
      for (const mark of marks) expect(mark).toContain(SAMPLE_MODEL);
      const shorts = await popup.texts('hf-ko-summary');
      expect(shorts).toHaveLength(4);
      // A line of the model's Korean answer under each (which line the preview takes is the popup's choice).
      for (const short of shorts) expect(GENERATED.filter((phrase) => short.includes(phrase))).toHaveLength(1);
      // One request per paper, each with the key, each about its paper's title.
      expect(model.requests).toHaveLength(4);
      for (const req of model.requests) expect(req.headers.authorization).toBe(`Bearer ${KEY}`);
      const titles = (JSON.parse(hfFixture('daily-2025-07-01.json')) as { paper: { title: string } }[]).map((x) =>
        JSON.stringify(x.paper.title).slice(1, -1),
      );
      expect(titles.map((title) => model.requests.filter((r) => r.rawBody.includes(title)).length)).toEqual([
        1, 1, 1, 1,
      ]);
      await popup.close();
    });
  };
  return { get, define };
}
