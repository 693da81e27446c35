// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import axe from 'axe-core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadRoute } from '../../lib/pages/reader/use-reader';
import { send } from '../../lib/send';
import { autoLoadMediaItem } from '../../lib/settings';
import { answerWith, MAY8, MAY9, syncedHandlers, syncStatus } from './pages-fixtures';
import { go, start } from './reader-harness';

vi.mock('../../lib/send', () => ({ send: vi.fn() }));

beforeEach(() => {
  fakeBrowser.reset();
  vi.mocked(send).mockReset();
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('reader routes', () => {
  it('#/ lists the synced days, newest first, with paper counts (the total: distinct papers, as the popup says)', async () => {
    // One of the six listed papers is on both days: five papers are stored.
    start('#/', { ...syncedHandlers(), getSyncStatus: () => ({ status: syncStatus({ paperCount: 5 }) }) });
    const list = await screen.findByTestId('day-list');
    const links = within(list).getAllByTestId('day-link');
    expect(links.map((a) => a.textContent)).toEqual(['2025-05-09', '2025-05-08']);
    expect(links[0]?.getAttribute('href')).toBe('#/2025-05-09');
    expect(list.textContent).toContain('2025-05-09 4 papers');
    expect(list.textContent).toContain('2 days, 5 papers stored.');
  });

  it('#/YYYY-MM-DD shows the whole digest of that day (all papers, all sections, authors, links)', async () => {
    start('#/2025-05-09');
    const view = await screen.findByTestId('day-view');
    expect(within(view).getByRole('heading', { level: 2 }).textContent).toBe('Digest of 2025-05-09');
    const cards = within(view).getAllByTestId('paper-card');
    expect(cards.map((c) => c.getAttribute('data-arxiv-id'))).toEqual(MAY9.map((p) => p.arxivId));
    const first = cards[0] as HTMLElement;
    expect(
      within(first)
        .getAllByRole('term')
        .map((dt) => dt.textContent),
    ).toEqual(["What's New", 'Technical Details', 'Performance Highlights']);
    expect(first.textContent).toContain('Authors: Lanqing Hong, Zheng Zhang, Zhuotao Tian');
    expect(within(first).getByText('arXiv abstract').closest('a')?.getAttribute('href')).toBe(
      'https://arxiv.org/abs/2505.05470',
    );
    expect(within(first).getByText('Hugging Face paper page').closest('a')?.getAttribute('href')).toBe(
      'https://huggingface.co/papers/2505.05470',
    );
    // No thumbnail is requested until asked for: a button per paper says what it would load and from where.
    expect(view.querySelector('img, video')).toBeNull();
    const ask = within(first).getByTestId('load-media');
    expect(ask.textContent).toBe('Show thumbnail (cdn-thumbnails.huggingface.co)');
    fireEvent.click(ask);
    const img = await waitFor(() => first.querySelector('img') ?? Promise.reject(new Error('no image yet')));
    expect(img.getAttribute('src')).toBe(MAY9[0]?.media?.url);
    expect(img.getAttribute('loading')).toBe('lazy');
    expect(document.activeElement).toBe(within(first).getByTestId('media'));
    expect(view.querySelectorAll('img')).toHaveLength(1);
    expect(within(cards[1] as HTMLElement).getByTestId('load-media')).toBeTruthy();
    // Neighbouring days: only an earlier one is stored.
    expect(
      within(view)
        .getByRole('link', { name: /Previous day: 2025-05-08/ })
        .getAttribute('href'),
    ).toBe('#/2025-05-08');
    expect(within(view).queryByRole('link', { name: /Next day/ })).toBeNull();
  });

  it('follows hash changes (hashchange listener)', async () => {
    start('#/');
    await screen.findByTestId('day-list');
    go('#/2025-05-08');
    const view = await screen.findByTestId('day-view');
    expect(within(view).getAllByTestId('paper-card')).toHaveLength(MAY8.length);
    go('#/paper/2505.04921');
    const paper = await screen.findByTestId('paper-view');
    expect(within(paper).getByRole('heading', { level: 2 }).textContent).toContain('Perception, Reason, Think');
    go('#/');
    await screen.findByTestId('day-list');
  });

  it('#/paper/<id> shows one paper, and says so plainly when it is not stored', async () => {
    start('#/paper/2505.03335v1');
    const view = await screen.findByTestId('paper-view');
    expect(view.textContent).toContain('Absolute Zero');
    expect(view.textContent).toContain('2025-05-08');
    expect(vi.mocked(send)).toHaveBeenCalledWith('getPaper', { arxivId: '2505.03335' });
    go('#/paper/2401.00001');
    expect((await screen.findByTestId('paper-missing')).textContent).toContain(
      'Paper 2401.00001 is not in the stored digests.',
    );
  });

  it('a day without a stored digest and an unknown route say so', async () => {
    start('#/2024-01-01');
    expect((await screen.findByTestId('day-view')).textContent).toContain('There is no stored digest for 2024-01-01.');
    go('#/nonsense');
    expect((await screen.findByTestId('not-found')).textContent).toContain('does not point to a reader page');
  });

  it('#/search/<q> shows results; the search form writes the route', async () => {
    start('#/search/zero');
    const view = await screen.findByTestId('search-view');
    // Two digest papers, and apart the summary the user generated for one of them.
    expect(view.textContent).toContain('3 results for “zero”');
    expect(within(view).getAllByTestId('paper-card')).toHaveLength(2);
    expect(
      within(view)
        .getAllByTestId('summary-item')
        .map((e) => e.dataset.arxivId),
    ).toEqual(['2505.03335']);
    expect(vi.mocked(send)).toHaveBeenCalledWith('search', { query: 'zero', limit: 200 });
    const input = screen.getByTestId('search-input') as HTMLInputElement;
    expect(input.value).toBe('zero');
    fireEvent.input(input, { target: { value: 'flow matching' } });
    fireEvent.submit(input.closest('form') as HTMLFormElement);
    expect(location.hash).toBe('#/search/flow%20matching');
  });

  it('with "load thumbnails automatically" on, shows them without asking', async () => {
    await autoLoadMediaItem.setValue(true);
    start('#/2025-05-09');
    const view = await screen.findByTestId('day-view');
    await waitFor(() => expect(view.querySelectorAll('img')).toHaveLength(MAY9.length));
    expect(within(view).queryByTestId('load-media')).toBeNull();
  });

  it('hides remote media while offline', async () => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    start('#/paper/2505.04921');
    const view = await screen.findByTestId('paper-view');
    expect(within(view).queryByTestId('media')).toBeNull();
    expect(within(view).getByTestId('media-offline')).toBeTruthy();
  });

  it('shows an error when the background cannot answer', async () => {
    const handlers = syncedHandlers();
    handlers.listDates = () => {
      throw new Error('database unavailable');
    };
    start('#/', handlers);
    expect((await screen.findByRole('alert')).textContent).toBe('Could not load: database unavailable');
  });
});

describe('loadRoute', () => {
  it.each([
    [{ kind: 'home' as const }, 'home'],
    [{ kind: 'day' as const, date: '2025-05-09' }, 'day'],
    [{ kind: 'paper' as const, arxivId: '2505.04921' }, 'paper'],
    [{ kind: 'search' as const, query: '' }, 'search'],
    [{ kind: 'notFound' as const, hash: '#/x' }, 'notFound'],
  ])('%j → %s', async (route, kind) => {
    answerWith(send, syncedHandlers());
    expect((await loadRoute(route)).kind).toBe(kind);
  });
  it('an empty search asks nothing', async () => {
    answerWith(send, syncedHandlers());
    await loadRoute({ kind: 'search', query: '  ' });
    expect(vi.mocked(send)).not.toHaveBeenCalled();
  });
});

describe('reader accessibility', () => {
  it.each(['#/', '#/2025-05-09', '#/paper/2505.04921', '#/search/zero'])('%s has no axe violations', async (hash) => {
    start(hash);
    await waitFor(() => expect(document.querySelector('[data-focus-target]')).toBeTruthy());
    const result = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } });
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`)).toEqual([]);
  });
});
