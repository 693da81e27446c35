// @vitest-environment happy-dom
/**
 * The popup, the options page and the reader say how many papers are stored, all from the background's one count
 * (lib/db/queries.ts `counts`: distinct papers). Over a real database (fake-indexeddb) where one paper is on two
 * days: three papers stored, four listed over two days.
 */
import 'fake-indexeddb/auto';
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createHandlers } from '../../lib/background/handlers';
import { openDigestDb } from '../../lib/db/open';
import type { DigestDb } from '../../lib/db/schema';
import { writeDays } from '../../lib/db/write-day';
import type { Paper } from '../../lib/digest/types';
import { PopupApp } from '../../lib/pages/popup/app';
import { ReaderApp } from '../../lib/pages/reader/app';
import { send } from '../../lib/send';
import { dayWrite } from '../support/write-day';
import { answerWith } from './pages-fixtures';

vi.mock('../../lib/send', () => ({ send: vi.fn() }));

const paper = (arxivId: string, title: string): Paper => ({
  arxivId,
  title,
  votes: 3,
  authors: ['Kim'],
  media: null,
  sections: [{ label: "What's New", text: `${title}를 제안합니다.` }],
});

const DAYS = [
  { date: '2025-05-08', papers: [paper('2505.00001', 'Alpha'), paper('2505.00002', 'Beta')] },
  // Beta again: upstream listed it on both days.
  { date: '2025-05-09', papers: [paper('2505.00002', 'Beta'), paper('2505.00003', 'Gamma')] },
];

let db: DigestDb;
let dbCount = 0;

beforeEach(async () => {
  fakeBrowser.reset();
  vi.mocked(send).mockReset();
  vi.spyOn(browser.tabs, 'query').mockImplementation((async () => []) as never);
  db = await openDigestDb(`paper-counts-${dbCount++}`);
  await writeDays(
    db,
    DAYS.map(({ date, papers }) => dayWrite(date, papers)),
  );
  const handlers = createHandlers({
    db: () => db,
    runner: {
      run: vi.fn(),
      live: () => ({ running: false, progress: null }),
      paused: async (fn) => fn(),
    },
    search: async () => ({ papers: [], total: 0 }),
    openTab: async () => undefined,
    estimate: async () => ({ usage: 1000, quota: 100_000 }),
  });
  answerWith(send, handlers as never);
});

afterEach(() => {
  cleanup();
  db.close();
  vi.restoreAllMocks();
});

describe('stored paper counts agree', () => {
  it('the reader counts a paper listed on two days once, as the popup does', async () => {
    history.replaceState(null, '', '#/');
    render(<ReaderApp />);
    const list = await screen.findByTestId('day-list');
    expect(list.textContent).toContain('2 days, 3 papers stored.');
    // Each day still lists its own papers, Beta on both.
    expect(list.textContent).toContain('2025-05-09 2 papers');
    expect(list.textContent).toContain('2025-05-08 2 papers');
    cleanup();

    render(<PopupApp />);
    await waitFor(() => expect(screen.getByTestId('paper-count').textContent).toBe('3'));
  });
});
