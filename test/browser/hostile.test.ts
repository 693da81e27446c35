/**
 * Digest text is hostile until proven otherwise: a digest full of script, event handlers, javascript:/data: links,
 * HTML in titles and authors, megabyte-long fields and broken markdown is synced and shown on the arXiv page; so
 * are the shapes that once stalled the worker for seconds to minutes (issue 10, bench/hostile-shapes.ts), and a
 * link whose text names another host than its target.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { abstractPageOf, HOSTILE_PAPERS, hostileDay } from '../../bench/hostile-shapes';
import { MAX_AUTHORS, MAX_SECTION, MAX_TITLE } from '../../lib/digest/caps';
import { LOCAL_FIXTURES_DIR } from '../support/shared';
import { extensionUrl, type Launched, launchWithExtension } from './support/launch';
import { ask, waitForSync } from './support/messages';
import { routeArxiv, routeCorpus } from './support/routes';

const MB = 1024 * 1024;
const ABS_PAGE = join(LOCAL_FIXTURES_DIR, 'arxiv', 'abs-2407.00101v3.html');

function hostileCorpus(): string {
  const dir = mkdtempSync(join(tmpdir(), 'akd-hostile-'));
  mkdirSync(join(dir, 'paper_logs', '2024', '06'), { recursive: true });
  // Each field far above its cap, the file under the sync's 2 MiB download cap.
  const long = `${'가'.repeat(MB / 10)}<script>alert('long')</script>`;
  const bigEntry = [
    '',
    `### [${'T'.repeat(MB / 16)}](https://arxiv.org/abs/2406.18495)`,
    '',
    `Authors: ${Array.from({ length: 20_000 }, (_, i) => `Author ${i}`).join(', ')}`,
    '',
    `- **What's New**: ${long}`,
    '',
  ].join('\n');
  const digest = `${readFileSync(join(LOCAL_FIXTURES_DIR, 'hostile', 'digest.md'), 'utf8')}${bigEntry}\n`;
  writeFileSync(join(dir, 'paper_logs', '2024', '06', '27.md'), digest);
  // Issue 10's shapes, a day of their own (each day file under the 2 MiB cap).
  writeFileSync(join(dir, 'paper_logs', '2024', '06', '28.md'), hostileDay('2024-06-28'));
  mkdirSync(join(dir, 'pages'));
  for (const p of HOSTILE_PAPERS) writeFileSync(join(dir, 'pages', `${p.id}.html`), abstractPageOf(p.id));
  writeFileSync(
    join(dir, 'paper_logs', 'papers_list.csv'),
    'date,title,url\n2024-06-27,Sparse Token Routing,https://arxiv.org/abs/2407.00101\n2024-06-28,Shapes,https://arxiv.org/abs/2406.90001\n',
  );
  return dir;
}

describe('a hostile digest in real Chromium', () => {
  let l: Launched;
  let corpus: string;
  beforeAll(async () => {
    corpus = hostileCorpus();
    l = await launchWithExtension();
    await routeCorpus(l.context, corpus);
    await routeArxiv(l.context, {
      '/abs/2407.00101v3': ABS_PAGE,
      ...Object.fromEntries(HOSTILE_PAPERS.map((p) => [`/abs/${p.id}`, join(corpus, 'pages', `${p.id}.html`)])),
    });
    const page = await l.context.newPage();
    await page.goto(extensionUrl(l, 'popup.html'));
    await waitForSync(page, 2);
    // The megabyte entry was stored within the caps, and the day says what was cut.
    const { paper } = await ask(page, 'getPaper', { arxivId: '2406.18495' });
    expect(paper?.title.length).toBe(MAX_TITLE);
    expect(paper?.authors.join(', ').length).toBeLessThanOrEqual(MAX_AUTHORS);
    expect(paper?.sections[0]?.text.length).toBe(MAX_SECTION);
    const { digest } = await ask(page, 'getDigest', { date: '2024-06-27' });
    expect(digest?.diagnostics.map((d) => d.message)).toEqual(
      expect.arrayContaining([
        `title longer than ${MAX_TITLE} characters cut`,
        `section longer than ${MAX_SECTION} characters cut`,
        expect.stringMatching(/^authors longer than/),
      ]),
    );
    await page.close();
  });
  afterAll(async () => {
    await l?.close();
    if (corpus) rmSync(corpus, { recursive: true, force: true });
  });

  it('executes nothing, links nothing unsafe and leaves the page intact', async () => {
    const page = await l.context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto('https://arxiv.org/abs/2407.00101v3');
    const panel = page.getByTestId('digest-panel');
    await expect.poll(() => panel.count()).toBe(1);
    // The hostile markup is shown as text.
    expect(await panel.textContent()).toContain("<script>document.title='PWNED-section'</script>");
    await panel.hover();
    await page.mouse.move(5, 5);
    await page.waitForTimeout(300);

    const report = await page.evaluate(() => {
      const host = document.querySelector('arxiv-ko-digest-panel');
      const root = host?.shadowRoot;
      // Everything the panel rendered (WXT's own <style> for our CSS sits in the shadow root's <head>).
      const panel = root?.querySelector('[data-testid="digest-panel"]');
      const inside = panel ? [panel, ...panel.querySelectorAll('*')] : [];
      const fixture = document.querySelector('#abs');
      return {
        title: document.title,
        scripts: inside.filter((e) => ['SCRIPT', 'IFRAME', 'STYLE', 'SVG', 'OBJECT', 'EMBED'].includes(e.tagName))
          .length,
        handlers: inside.filter((e) => [...e.attributes].some((a) => a.name.startsWith('on'))).length,
        hrefs: inside.filter((e) => e.hasAttribute('href')).map((e) => e.getAttribute('href') ?? ''),
        srcs: inside.filter((e) => e.hasAttribute('src')).map((e) => e.getAttribute('src') ?? ''),
        autoplay: inside.filter((e) => e.hasAttribute('autoplay')).length,
        absChildren: fixture ? [...fixture.children].map((e) => e.tagName.toLowerCase()) : [],
        abstractStillThere: Boolean(document.querySelector('#abs blockquote.abstract')),
        bodyVisible: getComputedStyle(document.body).display !== 'none',
      };
    });
    expect(dialogs).toEqual([]);
    expect(report.title).not.toContain('PWNED');
    expect(report.scripts).toBe(0);
    expect(report.handlers).toBe(0);
    expect(report.autoplay).toBe(0);
    for (const url of [...report.hrefs, ...report.srcs]) expect(url).toMatch(/^https?:\/\//);
    expect(report.hrefs).toContain('https://example.org/safe');
    expect(report.abstractStillThere).toBe(true);
    expect(report.bodyVisible).toBe(true);
    expect(report.absChildren.filter((t) => t === 'arxiv-ko-digest-panel')).toHaveLength(1);
    await page.close();
  });

  it('the background sends the hostile paper already tokenized: links to http(s) only, markup as text', async () => {
    const page = await l.context.newPage();
    await page.goto(extensionUrl(l, 'popup.html'));
    const { paper } = await ask(page, 'getPaper', { arxivId: '2407.00101' });
    await page.close();
    const tokens = (paper?.sections ?? []).flatMap((s) => s.lines.flat());
    expect(tokens.filter((t) => t.type === 'link').map((t) => (t.type === 'link' ? t.href : ''))).toEqual([
      'https://example.org/safe',
    ]);
    expect(tokens).toContainEqual({ type: 'code', text: '<iframe src="javascript:alert(1)">' });
    expect(tokens.some((t) => t.type === 'text' && t.text.includes("<script>document.title='PWNED-section'"))).toBe(
      true,
    );
    expect(paper?.titleTokens.map((t) => t.text).join('')).toContain('Adam-mini');
  });

  it("issue 10's shapes: each paper's panel shows what the caps kept, and shows where a look-alike link goes", async () => {
    const page = await l.context.newPage();
    for (const p of HOSTILE_PAPERS) {
      await page.goto(`https://arxiv.org/abs/${p.id}`);
      const panel = page.getByTestId('digest-panel');
      await panel.waitFor();
      const text = (await panel.textContent()) ?? '';
      expect(text, p.name).toContain(p.text.slice(0, 1000));
      // `[https://arxiv.org/abs/ID](https://evil.example/ID)` shows the host it goes to.
      const link = panel.locator(`a[href="https://evil.example/${p.id}"]`);
      expect(await link.textContent(), p.name).toContain(`https://evil.example/${p.id}`);
    }
    await page.close();
  });
});
