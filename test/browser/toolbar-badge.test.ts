import { afterAll, beforeAll, expect, it } from 'vitest';
import { CORPUS_DIR, describeShared } from '../support/shared';
import { extensionUrl, type Launched, launchWithExtension } from './support/launch';
import { waitForSync } from './support/messages';
import { routeCorpus } from './support/routes';

declare const chrome: {
  tabs: { query(q: object): Promise<{ id: number; url?: string }[]> };
  action: { getBadgeText(d: { tabId: number }): Promise<string> };
};

/** A one-page PDF, so Chrome opens its viewer as it would for a real arXiv PDF. */
const PDF = Buffer.from(
  '%PDF-1.1\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

describeShared('the toolbar badge on PDFs and other arXiv pages', () => {
  let l: Launched;
  beforeAll(async () => {
    l = await launchWithExtension();
    await routeCorpus(l.context, CORPUS_DIR);
    await l.context.route(/^https:\/\/arxiv\.org\/(pdf|abs)\//, (route) =>
      route.request().url().includes('/pdf/')
        ? route.fulfill({ status: 200, contentType: 'application/pdf', body: PDF })
        : route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>abs</title>' }),
    );
    const page = await l.context.newPage();
    await page.goto(extensionUrl(l, 'popup.html'));
    await waitForSync(page, 311);
    await page.close();
  });
  afterAll(async () => l?.close());

  /** The badge text of the tab showing `url`, polled until `done` accepts it (or 2 s pass). */
  async function badgeOf(url: string, done: (text: string) => boolean): Promise<string> {
    const ext = await l.context.newPage();
    await ext.goto(extensionUrl(l, 'popup.html'));
    let text = '?';
    for (let i = 0; i < 20 && !done(text); i++) {
      if (i > 0) await ext.waitForTimeout(100);
      text = await ext.evaluate(async (u) => {
        const t = (await chrome.tabs.query({})).find((x) => x.url === u);
        return t ? chrome.action.getBadgeText({ tabId: t.id }) : '?';
      }, url);
    }
    await ext.close();
    return text;
  }

  async function badgeFor(url: string): Promise<string> {
    const tab = await l.context.newPage();
    await tab.goto(url).catch(() => undefined); // the PDF viewer may not report a normal load
    const text = await badgeOf(url, (t) => t !== '' && t !== '?');
    await tab.close();
    return text;
  }

  it.each([
    ['https://arxiv.org/pdf/2406.16793', '22'],
    ['https://arxiv.org/pdf/2406.16793v2.pdf', '22'],
    ['https://arxiv.org/abs/2406.18521', expect.stringMatching(/^\d+$/)],
  ])('%s shows %s', async (url, expected) => {
    expect(await badgeFor(url)).toEqual(expected);
  });

  it('clears the badge when the tab moves on to a paper without a digest', async () => {
    const tab = await l.context.newPage();
    await tab.goto('https://arxiv.org/pdf/2406.16793').catch(() => undefined);
    expect(await badgeOf('https://arxiv.org/pdf/2406.16793', (t) => t === '22')).toBe('22');
    await tab.goto('https://arxiv.org/pdf/2501.00001').catch(() => undefined);
    expect(await badgeOf('https://arxiv.org/pdf/2501.00001', (t) => t === '')).toBe('');
    await tab.close();
  });
});
