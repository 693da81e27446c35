// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import axe from 'axe-core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { dayHeading } from '../../components/popup/PopupView';
import { readStoredErrors } from '../../lib/db/sync-state';
import { appError } from '../../lib/errors';
import { PopupApp } from '../../lib/pages/popup/app';
import { send } from '../../lib/send';
import { applyLanguage } from '../support/language';
import { answerWith, digest, MAY9, sentTypes, syncedHandlers, syncStatus } from './pages-fixtures';

vi.mock('../../lib/send', () => ({ send: vi.fn() }));

let tabsCreate: ReturnType<typeof vi.fn>;

/** The active tab of the current window has `url` (null: no tab). */
function mockActiveTab(url: string | null) {
  vi.spyOn(browser.tabs, 'query').mockImplementation((async () => (url ? [{ url, active: true }] : [])) as never);
}

beforeEach(() => {
  fakeBrowser.reset();
  vi.mocked(send).mockReset();
  tabsCreate = vi.fn(async () => ({}) as never);
  vi.spyOn(browser.tabs, 'create').mockImplementation(tabsCreate as never);
  mockActiveTab(null);
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

const items = () => screen.getAllByTestId('paper-item');
const itemIds = () => items().map((el) => el.getAttribute('data-arxiv-id'));

async function renderSynced(handlers = syncedHandlers()) {
  answerWith(send, handlers);
  render(<PopupApp />);
  await waitFor(() => expect(screen.getAllByTestId('paper-item').length).toBeGreaterThan(0));
}

describe('popup: newest digest', () => {
  it('lists the papers by votes, most first, no count last', async () => {
    await renderSynced();
    expect(itemIds()).toEqual(['2505.04921', '2505.04620', '2505.05470', '2505.04588']);
    const first = items()[0] as HTMLElement;
    expect(first.textContent).toContain('Perception, Reason, Think, and Plan');
    expect(within(first).getByTestId('vote-count').textContent).toBe('75');
    // First Korean sentence only, markdown removed.
    expect(first.textContent).toContain('이 논문은 대규모 멀티모달 추론 모델의 발전을 종합적으로 검토합니다.');
    expect(first.textContent).not.toContain('새로운');
    expect(within(items()[3] as HTMLElement).getByTestId('vote-count').textContent).toBe('–');
  });

  it('does not call 2025-05-09 "today" on 2026-11-29, and says upstream has not published since', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-29T12:00:00Z'));
    await renderSynced();
    // Once the sync status (asked right after the list) confirms the last sync found nothing newer.
    await waitFor(() =>
      expect(screen.getByTestId('day-heading').textContent).toContain('upstream has not published since'),
    );
    const heading = screen.getByTestId('day-heading').textContent ?? '';
    expect(heading).toContain('2025-05-09');
    expect(heading.toLowerCase()).not.toContain('today');
  });

  it('calls the digest "today" when its date is today (UTC)', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2025-05-09T23:30:00Z'));
    await renderSynced();
    expect(screen.getByTestId('day-heading').textContent).toBe("Today's papers: 2025-05-09");
  });

  it.each([
    ['2025-05-09', '2025-05-09', 1, '2025-05-09T00:00:00Z', "Today's papers: 2025-05-09"],
    [
      '2025-05-09',
      '2025-05-09',
      1,
      '2026-11-29T12:00:00Z',
      'Newest digest: 2025-05-09 (upstream has not published since)',
    ],
    ['2025-05-09', '2025-05-09', null, '2026-11-29T12:00:00Z', 'Newest stored digest: 2025-05-09'],
    ['2025-05-08', '2025-05-09', 1, '2026-11-29T12:00:00Z', 'Digest of 2025-05-08'],
  ])('dayHeading(%s, newest %s, lastSuccess %s) at %s → %j', (date, newest, last, now, want) => {
    expect(dayHeading(date, newest, last, Date.parse(now))).toBe(want);
  });

  it('opens the arXiv abstract in a new tab on click and on Enter', async () => {
    await renderSynced();
    fireEvent.click(items()[1] as HTMLElement);
    expect(tabsCreate).toHaveBeenCalledWith({ url: 'https://arxiv.org/abs/2505.04620' });
    fireEvent.keyDown(items()[0] as HTMLElement, { key: 'Enter' });
    expect(tabsCreate).toHaveBeenLastCalledWith({ url: 'https://arxiv.org/abs/2505.04921' });
    expect(tabsCreate).toHaveBeenCalledTimes(2);
    // Items are real links: reachable with Tab, with the abstract URL as href.
    expect(items()[0]?.tagName).toBe('A');
    expect(items()[0]?.getAttribute('href')).toBe('https://arxiv.org/abs/2505.04921');
  });

  it('navigates to the previous and next digest day', async () => {
    await renderSynced();
    const prev = screen.getByTestId('prev-day') as HTMLButtonElement;
    const next = screen.getByTestId('next-day') as HTMLButtonElement;
    expect(next.disabled).toBe(true);
    fireEvent.click(prev);
    await waitFor(() => expect(screen.getByTestId('day-heading').textContent).toBe('Digest of 2025-05-08'));
    expect(itemIds()).toEqual(['2505.03335', '2505.03318']);
    expect(vi.mocked(send)).toHaveBeenCalledWith('getDigest', { date: '2025-05-08' });
    expect((screen.getByTestId('prev-day') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByTestId('next-day'));
    await waitFor(() => expect(screen.getByTestId('day-heading').textContent).toContain('Newest digest: 2025-05-09'));
  });

  it('opens the reader and the options page', async () => {
    const openOptions = vi.fn(async () => undefined);
    vi.spyOn(browser.runtime, 'openOptionsPage').mockImplementation(openOptions);
    await renderSynced();
    fireEvent.click(screen.getByTestId('open-reader'));
    // Through the background, which reuses an open reader tab (lib/background/reader-tab.ts).
    expect(vi.mocked(send)).toHaveBeenCalledWith('openReader', { hash: '#/' });
    expect(tabsCreate).not.toHaveBeenCalled();
    fireEvent.click(screen.getByTestId('open-options'));
    expect(openOptions).toHaveBeenCalledOnce();
  });
});

describe('popup: current tab', () => {
  it('shows the paper of the current arXiv tab first', async () => {
    mockActiveTab('https://arxiv.org/abs/2505.03318v2');
    await renderSynced();
    await waitFor(() => expect(screen.getByTestId('tab-paper')).toBeTruthy());
    expect(itemIds()[0]).toBe('2505.03318');
    expect(screen.getByTestId('tab-paper').textContent).toContain('Unified Multimodal Chain-of-Thought Reward Model');
    expect(vi.mocked(send)).toHaveBeenCalledWith('getPaper', { arxivId: '2505.03318' });
    expect(browser.tabs.query).toHaveBeenCalledWith({ active: true, currentWindow: true });
  });

  it('shows no such section for a non-arXiv tab or a paper without a summary', async () => {
    mockActiveTab('https://example.org/abs/2505.03318');
    await renderSynced();
    expect(screen.queryByTestId('tab-paper')).toBeNull();
    expect(sentTypes(send)).not.toContain('getPaper');
    cleanup();
    mockActiveTab('https://arxiv.org/abs/2401.00001');
    await renderSynced();
    await waitFor(() => expect(sentTypes(send)).toContain('getPaper'));
    expect(screen.queryByTestId('tab-paper')).toBeNull();
  });
});

describe('popup: search', () => {
  it('searches as you type (debounced) and shows the results', async () => {
    await renderSynced();
    const input = screen.getByTestId('search-input');
    fireEvent.input(input, { target: { value: 'f' } });
    fireEvent.input(input, { target: { value: 'fl' } });
    fireEvent.input(input, { target: { value: 'flow' } });
    await waitFor(() => expect(screen.getByTestId('search-results')).toBeTruthy());
    const searches = vi.mocked(send).mock.calls.filter((c) => c[0] === 'search');
    expect(searches).toEqual([['search', { query: 'flow', limit: 20 }]]);
    expect(screen.getByTestId('search-results').textContent).toContain('Search results (1)');
    expect(itemIds()).toEqual(['2505.05470']);
    fireEvent.input(input, { target: { value: 'no such paper' } });
    await waitFor(() => expect(screen.getByTestId('search-results').textContent).toContain('No stored paper matches'));
    fireEvent.input(input, { target: { value: '' } });
    await waitFor(() => expect(screen.getByTestId('day-section')).toBeTruthy());
  });
});

describe('popup: sync status', () => {
  it('shows the stored paper count, the last sync and starts a sync', async () => {
    const handlers = syncedHandlers();
    await renderSynced(handlers);
    await waitFor(() => expect(screen.getByTestId('paper-count').textContent).toBe('4671'));
    expect(screen.getByTestId('sync-status').textContent).toContain('Last successful sync: 5 minutes ago');
    fireEvent.click(screen.getByTestId('sync-now'));
    await waitFor(() => expect(screen.getByTestId('sync-status').textContent).toContain('Syncing… 0 / 311 days'));
    expect((screen.getByTestId('sync-now') as HTMLButtonElement).disabled).toBe(true);
  });

  it('shows the last error in plain words', async () => {
    const handlers = syncedHandlers();
    handlers.getSyncStatus = () => ({
      status: syncStatus({
        lastError: [appError('syncOffline'), appError('syncDaysLeft', { count: 12 })],
      }),
    });
    await renderSynced(handlers);
    await waitFor(() =>
      expect(screen.getByTestId('sync-status').textContent).toContain(
        'Last sync problem: could not connect to the server (offline?); 12 days left for the next run',
      ),
    );
  });
});

describe('popup: before the first sync', () => {
  function firstSync(progress: { done: number; total: number } | null, running = true) {
    let status = syncStatus({ running, progress, lastSuccess: null, paperCount: 0, digestCount: 0, newestDate: null });
    let stored = false;
    const handlers = {
      ...syncedHandlers(),
      getSyncStatus: () => ({ status }),
      getLatestDigest: () =>
        stored ? { digest: digest('2025-05-09', MAY9), papers: MAY9 } : { digest: null, papers: [] },
      listDates: () => ({ days: stored ? [{ date: '2025-05-09', paperCount: 4 }] : [] }),
    };
    return {
      handlers,
      set(next: Partial<typeof status>, nowStored = stored) {
        status = { ...status, ...next };
        stored = nowStored;
      },
    };
  }

  it('says what is happening while the first download runs, with progress, then shows the digest', async () => {
    const fx = firstSync({ done: 12, total: 311 });
    answerWith(send, fx.handlers);
    render(<PopupApp />);
    await waitFor(() =>
      expect(screen.getByTestId('empty-state').textContent).toContain('Downloading the digests… 12 / 311 days'),
    );
    expect(screen.getByTestId('sync-status').textContent).toContain('Syncing… 12 / 311 days');
    expect(screen.getByTestId('paper-count').textContent).toBe('0');
    expect(screen.queryAllByTestId('paper-item')).toEqual([]);
    // Progress is polled while running.
    fx.set({ progress: { done: 13, total: 311 } });
    await waitFor(() => expect(screen.getByTestId('sync-status').textContent).toContain('13 / 311'), {
      timeout: 2000,
    });
    fx.set(
      {
        running: false,
        progress: null,
        lastSuccess: Date.now(),
        paperCount: 4,
        digestCount: 1,
        newestDate: '2025-05-09',
      },
      true,
    );
    await waitFor(() => expect(screen.getAllByTestId('paper-item')).toHaveLength(4), { timeout: 2000 });
    expect(screen.queryByTestId('empty-state')).toBeNull();
  });

  it('before any sync started: tells the user to press Sync now', async () => {
    const fx = firstSync(null, false);
    answerWith(send, fx.handlers);
    render(<PopupApp />);
    await waitFor(() => expect(screen.getByTestId('empty-state').textContent).toContain('Press “Sync now”'));
  });

  it('when the first download failed: says so', async () => {
    const fx = firstSync(null, false);
    fx.set({ lastError: [appError('syncIndex', { cause: appError('fetchNotFound', { status: 404 }) })] });
    answerWith(send, fx.handlers);
    render(<PopupApp />);
    await waitFor(() =>
      expect(screen.getByTestId('empty-state').textContent).toContain(
        'The first download did not finish: could not download the day index: not found on the server (404)',
      ),
    );
  });
});

describe('popup: language', () => {
  afterEach(() => applyLanguage('auto'));
  it('renders in Korean when ko is pinned', async () => {
    applyLanguage('ko');
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-29T12:00:00Z'));
    await renderSynced();
    await waitFor(() =>
      expect(screen.getByTestId('day-heading').textContent).toBe(
        '최신 다이제스트: 2025-05-09 (이후 원본 저장소에 새 글이 없습니다)',
      ),
    );
    await waitFor(() => expect(screen.getByTestId('sync-status').textContent).toContain('마지막 동기화 성공: 5분 전'));
    expect(screen.getByTestId('sync-now').textContent).toBe('지금 동기화');
  });

  /** The sync block's error line, once shown. */
  async function syncErrorLine(): Promise<string> {
    const line = await waitFor(() => {
      const p = screen.getByTestId('sync-status').querySelector('p.error');
      if (!p) throw new Error('no error line yet');
      return p;
    });
    return line.textContent ?? '';
  }

  it('shows a failed sync (the day index answered 500) in Korean, with no English words', async () => {
    applyLanguage('ko');
    const handlers = syncedHandlers();
    const indexFailed = appError('syncIndex', { cause: appError('fetchServer', { status: 500 }) });
    handlers.getSyncStatus = () => ({ status: syncStatus({ lastError: [indexFailed] }) });
    await renderSynced(handlers);
    const text = await syncErrorLine();
    expect(text).toBe('마지막 동기화 문제: 날짜 목록을 내려받지 못했습니다: 서버 오류(500)');
    expect(text).not.toMatch(/[A-Za-z]{3,}/);
  });

  it('shows an error an older version stored as an English sentence generically, in Korean', async () => {
    applyLanguage('ko');
    const handlers = syncedHandlers();
    // What the background answers for a stored English sentence (lib/db/sync-state.ts readStoredErrors).
    handlers.getSyncStatus = () => ({
      status: syncStatus({ lastError: readStoredErrors('could not download the day index: server error (500)') }),
    });
    await renderSynced(handlers);
    const text = await syncErrorLine();
    expect(text).toContain('이전 버전의 확장 프로그램이 문제를 기록했습니다');
    expect(text).not.toMatch(/[A-Za-z]{3,}/);
  });
});

describe('popup: accessibility', () => {
  it('has no axe violations', async () => {
    mockActiveTab('https://arxiv.org/abs/2505.03318');
    await renderSynced();
    await waitFor(() => expect(screen.getByTestId('tab-paper')).toBeTruthy());
    const result = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } });
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`)).toEqual([]);
    expect(result.passes.length).toBeGreaterThan(10);
  });
});
