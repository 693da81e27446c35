/**
 * The content scripts on the small arXiv pages under test/fixtures/arxiv (abs, html, listing, search results) with a
 * digest written here: runs in a plain clone without ../shared.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_FIXTURES_DIR } from '../support/shared';
import { extensionUrl, type Launched, launchWithExtension } from './support/launch';
import { waitForSync } from './support/messages';
import { routeArxiv, routeCorpus } from './support/routes';

const page = (name: string) => join(LOCAL_FIXTURES_DIR, 'arxiv', name);

const DIGEST = `## Daily Papers (2024-07-01)

### [Sparse Token Routing for Long-Context Decoders](https://arxiv.org/abs/2407.00101)

Vote: 7

Authors: Kim Minji, Park Jisoo

- ***What's New***: 토큰마다 일부 어텐션 헤드로만 라우팅하는 방법을 제안합니다.

### [Second Paper Without Votes](https://arxiv.org/abs/2407.00202)

Vote: -

- 투표 수가 없는 두 번째 논문입니다.
`;

describe('content scripts on the local arXiv fixtures', () => {
  let l: Launched;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'akd-local-'));
    mkdirSync(join(dir, 'paper_logs', '2024', '07'), { recursive: true });
    writeFileSync(join(dir, 'paper_logs', '2024', '07', '01.md'), DIGEST);
    writeFileSync(
      join(dir, 'paper_logs', 'papers_list.csv'),
      'date,title,url\n2024-07-01,Sparse Token Routing,https://arxiv.org/abs/2407.00101\n2024-07-01,Second,https://arxiv.org/abs/2407.00202\n',
    );
    l = await launchWithExtension();
    await routeCorpus(l.context, dir);
    await routeArxiv(l.context, {
      '/abs/2407.00101v3': page('abs-2407.00101v3.html'),
      '/html/2407.00101v3': page('html-2407.00101v3.html'),
      '/list/cs.CL/new': page('list-cs.CL-new-small.html'),
      '/search/': page('search-results.html'),
    });
    const popup = await l.context.newPage();
    await popup.goto(extensionUrl(l, 'popup.html'));
    await waitForSync(popup, 1);
    await popup.close();
  });
  afterAll(async () => {
    await l?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it.each(['/abs/2407.00101v3', '/html/2407.00101v3'])('%s shows the panel with vote 7', async (path) => {
    const tab = await l.context.newPage();
    await tab.goto(`https://arxiv.org${path}`);
    const panel = tab.getByTestId('digest-panel');
    await expect.poll(() => panel.count()).toBe(1);
    expect(await panel.getByTestId('vote-count').textContent()).toBe('7');
    expect(await panel.textContent()).toContain('토큰마다 일부 어텐션 헤드로만 라우팅하는 방법을 제안합니다.');
    await tab.close();
  });

  it.each([
    ['the listing', '/list/cs.CL/new'],
    ['search results', '/search/?query=token+pruning&searchtype=all'],
  ])('%s get badges only for the digest papers, and a badge opens the summary', async (_name, path) => {
    const tab = await l.context.newPage();
    await tab.goto(`https://arxiv.org${path}`);
    const badges = tab.getByTestId('listing-badge');
    await expect.poll(() => badges.count()).toBe(2);
    expect(await badges.getByTestId('vote-count').allTextContents()).toEqual(['7', '–']);
    await badges.first().getByTestId('badge-toggle').click();
    await expect.poll(() => badges.first().getByTestId('badge-summary').textContent()).toContain('라우팅');
    await tab.close();
  });
});
