// @vitest-environment happy-dom
/** "Today on Hugging Face" in the popup, rendered from given data (no messaging). */
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type HfToday, HfTodayView } from '../../components/popup/HfToday';
import type { HfDailyItem } from '../../lib/hf/api';
import type { ShownPaper } from '../../lib/records';
import { showPaper } from '../../lib/show';
import en from '../../public/_locales/en/messages.json';

afterEach(cleanup);

const item = (arxivId: string, upvotes: number, extra: Partial<HfDailyItem> = {}): HfDailyItem => ({
  arxivId,
  title: `Title ${arxivId}`,
  upvotes,
  authors: [],
  aiSummary: null,
  abstract: null,
  aiKeywords: [],
  githubRepo: null,
  numComments: null,
  publishedAt: null,
  submittedOnDailyAt: null,
  ...extra,
});

const korean: ShownPaper = showPaper({
  arxivId: '2406.16793',
  title: 'Adam-mini',
  votes: 22,
  authors: [],
  media: null,
  sections: [{ label: null, text: '새로운 옵티마이저입니다. 둘째 문장.' }],
  date: '2024-06-27',
  dates: ['2024-06-27'],
});

const NOW = Date.parse('2025-07-03T09:00:00Z');
function data(over: Partial<HfToday> = {}): HfToday {
  return {
    state: 'fresh',
    error: null,
    retryAt: null,
    list: {
      date: '2025-07-01',
      fetchedAt: NOW - 5 * 60_000,
      items: [
        item('2507.00001', 3, { title: '<img src=x onerror=alert(1)>', aiSummary: '<b>English</b> summary' }),
        item('2406.16793', 57),
      ],
    },
    digestPapers: [korean],
    summaries: [],
    ...over,
  };
}

function show(d: HfToday | null, error: string | null = null) {
  const handlers = { onAllow: vi.fn(), onOpenKorean: vi.fn(), onOpenUrl: vi.fn() };
  render(<HfTodayView data={d} error={error} now={NOW} {...handlers} />);
  return handlers;
}

describe('HfTodayView', () => {
  it('lists by upvotes, marks the Korean entry and opens it in the reader', () => {
    const h = show(data());
    const entries = screen.getAllByTestId('hf-item');
    expect(entries.map((e) => e.getAttribute('data-arxiv-id'))).toEqual(['2406.16793', '2507.00001']);
    expect(entries[0]?.textContent).toContain(en.popup_hfKoMark.message);
    expect(entries[1]?.textContent).toContain(en.popup_hfEnMark.message);
    expect(entries[0]?.textContent).toContain('새로운 옵티마이저입니다.');
    fireEvent.click(entries[0] as HTMLElement);
    expect(h.onOpenKorean).toHaveBeenCalledWith('2406.16793');
    expect(screen.getByTestId('hf-fetched').textContent).toContain('2025-07-01');
  });

  it('renders Hugging Face text as text and links only to huggingface.co', () => {
    const h = show(data());
    const english = screen.getAllByTestId('hf-item')[1] as HTMLAnchorElement;
    expect(english.querySelector('img')).toBeNull();
    expect(english.querySelector('b')).toBeNull();
    expect(english.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(screen.getByTestId('hf-ai-summary').textContent).toBe('<b>English</b> summary');
    expect(english.getAttribute('href')).toBe('https://huggingface.co/papers/2507.00001');
    fireEvent.click(english);
    expect(h.onOpenUrl).toHaveBeenCalledWith('https://huggingface.co/papers/2507.00001');
  });

  it.each([
    ['offline', 'popup_hfOffline'],
    ['rateLimited', 'popup_hfRateLimited'],
    ['empty', 'popup_hfEmpty'],
  ] as const)('%s: says so and keeps the cached list', (state, key) => {
    show(data({ state }));
    expect(screen.getByTestId('hf-state').textContent).toBe(en[key].message);
    expect(screen.getAllByTestId('hf-item')).toHaveLength(2);
  });

  it('needs the permission: an Allow button', () => {
    const h = show(data({ state: 'needsPermission', list: null, digestPapers: [] }));
    fireEvent.click(screen.getByTestId('hf-allow'));
    expect(h.onAllow).toHaveBeenCalled();
    expect(screen.queryAllByTestId('hf-item')).toHaveLength(0);
  });

  it('off: nothing at all', () => {
    show(data({ state: 'off', list: null, digestPapers: [] }));
    expect(screen.queryByTestId('hf-today')).toBeNull();
  });
});
