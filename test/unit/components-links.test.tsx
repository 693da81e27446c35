// @vitest-environment happy-dom
/**
 * lib/links.ts: every URL a component links to is http(s) or absent; reader routes match the message check. And a
 * digest link whose text names another host shows, once rendered, where it goes (issue 10, 8b).
 */
import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { InlineText } from '../../components/InlineText';
import { digestSourceUrl, hfPaperUrl, readerDateHash, readerPaperHash, safeHttpUrl } from '../../lib/links';
import { DEFAULT_SOURCE_URL } from '../../lib/settings';
import { showSection } from '../../lib/show';
import { parseRequest } from '../support/requests';

describe('digestSourceUrl', () => {
  it.each([
    [DEFAULT_SOURCE_URL, '2024-06-25', 'https://github.com/l-yohai/daily_papers_ko/blob/main/paper_logs/2024/06/25.md'],
    [
      'https://raw.githubusercontent.com/l-yohai/daily_papers_ko/main',
      '2023-11-20',
      'https://github.com/l-yohai/daily_papers_ko/blob/main/paper_logs/2023/11/20.md',
    ],
    ['https://mirror.example.org/ko/', '2025-05-09', 'https://mirror.example.org/ko/paper_logs/2025/05/09.md'],
    ['https://mirror.example.org/ko', '2025-05-09', 'https://mirror.example.org/ko/paper_logs/2025/05/09.md'],
    [
      'https://raw.githubusercontent.com/someone/fork/dev/',
      '2024-01-02',
      'https://raw.githubusercontent.com/someone/fork/dev/paper_logs/2024/01/02.md',
    ],
    ['http://localhost:8080/', '2024-01-02', 'http://localhost:8080/paper_logs/2024/01/02.md'],
  ])('%s + %s → %s', (base, date, want) => {
    expect(digestSourceUrl(base, date)).toBe(want);
  });

  it.each([
    ['javascript:alert(1)//', '2024-06-25'],
    ['data:text/html,x/', '2024-06-25'],
    ['file:///home/x/', '2024-06-25'],
    ['', '2024-06-25'],
    ['not a url', '2024-06-25'],
    [DEFAULT_SOURCE_URL, '2024-6-25'],
    [DEFAULT_SOURCE_URL, '2024-10-18x'],
    [DEFAULT_SOURCE_URL, '../../etc'],
  ])('no link for base %j, date %j', (base, date) => {
    expect(digestSourceUrl(base, date)).toBeNull();
  });
});

describe('other links', () => {
  it('Hugging Face paper page', () => {
    expect(hfPaperUrl('2406.16793')).toBe('https://huggingface.co/papers/2406.16793');
  });

  it('safeHttpUrl accepts http(s) only', () => {
    expect(safeHttpUrl('https://a.example/x?y=1')).toBe('https://a.example/x?y=1');
    expect(safeHttpUrl('HTTP://A.example')).toBe('http://a.example/');
    for (const bad of [
      'javascript:alert(1)',
      ' JavaScript:alert(1)',
      'data:text/html,x',
      'ftp://x',
      '/rel',
      '',
      null,
    ]) {
      expect(safeHttpUrl(bad)).toBeNull();
    }
  });

  it('reader routes pass the openReader message check', () => {
    for (const hash of [
      readerDateHash('2024-06-25'),
      readerPaperHash('2406.16793'),
      readerPaperHash('hep-th/9901001'),
    ]) {
      expect(typeof parseRequest({ channel: 'arxiv-ko-digest/v1', type: 'openReader', payload: { hash } })).toBe(
        'object',
      );
    }
    expect(readerDateHash('2024-06-25')).toBe('#/2024-06-25');
    expect(readerPaperHash('2406.16793')).toBe('#/paper/2406.16793');
  });
});

describe('links in digest text, rendered', () => {
  afterEach(cleanup);
  const rendered = (text: string) =>
    render(<InlineText tokens={showSection({ label: null, text }).lines[0] ?? []} />).container;

  it('a link reading as another host shows the host it goes to', () => {
    const el = rendered('논문: [https://arxiv.org/abs/2406.16793](https://evil.example/login) 참고');
    const link = el.querySelector('a');
    expect(link?.getAttribute('href')).toBe('https://evil.example/login');
    expect(link?.textContent).toContain('evil.example');
    expect(el.textContent).not.toContain('arxiv.org');
  });

  it('an ordinary label, or a URL label of the same host, is shown as written', () => {
    expect(rendered('[코드 저장소](https://github.com/x/y)').querySelector('a')?.textContent).toContain('코드 저장소');
    const same = rendered('[https://github.com/x/y](https://github.com/x/y#readme)').querySelector('a');
    expect(same?.textContent).toContain('https://github.com/x/y');
    expect(same?.textContent).not.toContain('#readme');
  });
});
