// @vitest-environment happy-dom
/**
 * "Today on Hugging Face" in Korean (the popup, `send` mocked, the generate ports faked): stored summaries at once,
 * one action for the shown papers without a digest, progress, cancel, errors per paper and for the whole batch.
 */
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import axe from 'axe-core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { HfDailyItem } from '../../lib/hf/api';
import type { Res } from '../../lib/messages';
import { PopupApp } from '../../lib/pages/popup/app';
import { send } from '../../lib/send';
import type { SummaryProvider } from '../../lib/setting-defaults';
import en from '../../public/_locales/en/messages.json';
import ko from '../../public/_locales/ko/messages.json';
import { FakePort, fakeSummary } from '../support/fake-gen-port';
import { applyLanguage } from '../support/language';
import { answerWith, MAY9, privileged, resetPrivileged, syncedHandlers } from './pages-fixtures';

vi.mock('../../lib/send', () => ({ send: vi.fn() }));

const item = (n: number, upvotes: number): HfDailyItem => ({
  arxivId: `2507.${String(n).padStart(5, '0')}`,
  title: `English title ${n}`,
  upvotes,
  authors: [],
  aiSummary: `Hugging Face says ${n}.`,
  abstract: `We propose method ${n}.`,
  aiKeywords: [],
  githubRepo: null,
  numComments: null,
  publishedAt: null,
  submittedOnDailyAt: null,
});

/** Six papers: 2507.00001 has a stored summary, MAY9[0] a digest, four have neither. */
const digestPaper = MAY9[0] as (typeof MAY9)[number];
function hfToday(): Res<'getHfToday'> {
  return {
    state: 'fresh',
    error: null,
    retryAt: null,
    list: {
      date: '2025-07-01',
      fetchedAt: Date.now() - 60_000,
      items: [
        item(1, 60),
        { ...item(0, 50), arxivId: digestPaper.arxivId },
        item(2, 40),
        item(3, 30),
        item(4, 20),
        item(5, 10),
      ],
    },
    digestPapers: [digestPaper],
    summaries: [fakeSummary('2507.00001', { titleKo: '저장된 한국어 제목' })],
  };
}

let ports: FakePort[];
const open = () => ports.filter((p) => !p.disconnected);
const entry = (id: string) => screen.getAllByTestId('hf-item').find((e) => e.getAttribute('data-arxiv-id') === id);

beforeEach(() => {
  fakeBrowser.reset();
  resetPrivileged();
  applyLanguage('en');
  vi.mocked(send).mockReset();
  vi.spyOn(browser.tabs, 'query').mockImplementation((async () => []) as never);
  ports = [];
  vi.spyOn(browser.runtime, 'connect').mockImplementation(((info: { name: string }) => {
    const port = new FakePort(info.name);
    ports.push(port);
    return port;
  }) as never);
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

async function renderPopup(provider: SummaryProvider = 'openai') {
  privileged.current = { ...privileged.current, summaryProvider: provider };
  answerWith(send, { ...syncedHandlers(), getHfToday: hfToday });
  render(<PopupApp />);
  await waitFor(() => expect(screen.getAllByTestId('hf-item')).toHaveLength(6));
}

const action = () => screen.getByTestId('hf-translate-all');
const progress = () => screen.getByTestId('hf-translate-progress');

async function noAxeViolations() {
  const result = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } });
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`)).toEqual([]);
}

describe('Today on Hugging Face in Korean', () => {
  it('shows a stored summary at once, marked as machine-generated, without asking anything', async () => {
    await renderPopup();
    const stored = entry('2507.00001') as HTMLElement;
    expect(within(stored).getByTestId('hf-ko-title').textContent).toBe('저장된 한국어 제목');
    expect(within(stored).getByTestId('hf-en-title').textContent).toBe('English title 1');
    const box = stored.parentElement as HTMLElement;
    expect(within(box).getByTestId('ai-generated').textContent).toBe(
      en.popup_hfKoGenerated.message.replace('$1', 'gpt-test'),
    );
    expect(within(box).getByTestId('hf-ko-summary').textContent).toBe(
      '새로운 옵티마이저를 제안합니다. 메모리를 절반으로 줄입니다.',
    );
    // The English stays available under the full summary.
    expect(within(box).getByTestId('hf-ai-summary').textContent).toContain('Hugging Face says 1.');
    expect(entry(digestPaper.arxivId)?.getAttribute('data-korean')).toBe('true');
    expect(browser.runtime.connect).not.toHaveBeenCalled();
    // The action covers only the four papers with neither a digest nor a summary.
    await waitFor(() => expect(action()).toBeTruthy());
    expect(screen.getByText(en.popup_hfKoActionHelp.message.replace('$1', '4'))).toBeTruthy();
    await noAxeViolations();
  });

  it('one click asks 3 at a time, shows progress, then each Korean title and summary', async () => {
    await renderPopup();
    await waitFor(() => expect(action()).toBeTruthy());
    act(() => action().focus());
    fireEvent.click(action());
    expect(open().map((p) => p.arxivId)).toEqual(['2507.00002', '2507.00003', '2507.00004']);
    expect(progress().getAttribute('role')).toBe('status');
    expect(progress().textContent).toBe('Korean summaries: 0 of 4 done');
    // The action turns into cancel where it is: the focus stays on it.
    expect(document.activeElement).toBe(screen.getByTestId('hf-translate-cancel'));
    expect(entry('2507.00002')?.parentElement?.textContent).toContain(en.popup_hfKoRunning.message);
    await noAxeViolations();

    act(() => (ports[0] as FakePort).done());
    expect(progress().textContent).toBe('Korean summaries: 1 of 4 done');
    expect(open()).toHaveLength(3);
    expect(within(entry('2507.00002') as HTMLElement).getByTestId('hf-ko-title').textContent).toBe(
      '새로운 옵티마이저를 제안합니다.',
    );
    act(() => {
      for (const p of open()) p.done();
    });
    expect(ports).toHaveLength(4);
    expect(progress().textContent).toBe('Korean summaries done: 4 of 4.');
    expect(screen.getAllByTestId('ai-generated')).toHaveLength(5);
    expect(screen.queryByTestId('hf-translate-all')).toBeNull();
    expect(screen.queryByTestId('hf-translate-cancel')).toBeNull();
    // The button went away with the focus: the focus goes to the outcome.
    await waitFor(() => expect(document.activeElement).toBe(progress()));
    await noAxeViolations();
  });

  it('cancel closes every open request and keeps nothing partial', async () => {
    await renderPopup();
    await waitFor(() => expect(action()).toBeTruthy());
    fireEvent.click(action());
    act(() => (ports[1] as FakePort).reply({ type: 'partial', titleKo: null, sections: [] }));
    const live = open();
    fireEvent.click(screen.getByTestId('hf-translate-cancel'));
    for (const p of live) {
      expect(p.sent.at(-1)).toEqual({ type: 'cancel' });
      expect(p.disconnected).toBe(true);
    }
    expect(progress().textContent).toBe('Cancelled after 0 of 4. Nothing partial was stored.');
    expect(screen.getAllByTestId('ai-generated')).toHaveLength(1);
    expect(screen.queryByText(en.popup_hfKoRunning.message)).toBeNull();
    // Asked again, all four are asked again.
    fireEvent.click(action());
    expect(ports).toHaveLength(6);
  });

  it('an error stays with its paper; a bad key stops the batch and points to the options', async () => {
    await renderPopup();
    await waitFor(() => expect(action()).toBeTruthy());
    fireEvent.click(action());
    act(() => (ports[0] as FakePort).fail('malformed'));
    const error = within(entry('2507.00002')?.parentElement as HTMLElement).getByTestId('summary-error');
    expect(error.textContent).toBe(en.gen_error_malformed.message);
    expect(open()).toHaveLength(3);
    act(() => (ports[1] as FakePort).fail('badKey'));
    expect(open()).toHaveLength(0);
    expect(ports).toHaveLength(4);
    expect(progress().textContent).toContain(`Stopped: ${en.gen_error_badKey.message}`);
    const openOptions = vi.spyOn(browser.runtime, 'openOptionsPage').mockResolvedValue(undefined);
    fireEvent.click(within(progress()).getByRole('button', { name: en.popup_openOptions.message }));
    expect(openOptions).toHaveBeenCalled();
    await noAxeViolations();
  });

  it('429 says when to retry and the action waits until then', async () => {
    await renderPopup();
    await waitFor(() => expect(action()).toBeTruthy());
    fireEvent.click(action());
    act(() => (ports[0] as FakePort).fail('rateLimited', 30_000));
    expect(progress().textContent).toBe(`Stopped: ${en.gen_error_rateLimitedFor.message.replace('$1', '30')}`);
    expect((action() as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(action());
    expect(ports).toHaveLength(3);
  });

  it('without a provider: no action, a line that opens the options', async () => {
    await renderPopup('none');
    await waitFor(() => expect(screen.getByTestId('hf-ko-setup')).toBeTruthy());
    expect(screen.queryByTestId('hf-translate-all')).toBeNull();
    // A stored summary is still shown.
    expect(screen.getAllByTestId('ai-generated')).toHaveLength(1);
    const openOptions = vi.spyOn(browser.runtime, 'openOptionsPage').mockResolvedValue(undefined);
    fireEvent.click(screen.getByTestId('hf-ko-options'));
    expect(openOptions).toHaveBeenCalled();
  });

  it('speaks Korean when the UI does', async () => {
    applyLanguage('ko');
    await renderPopup();
    await waitFor(() => expect(action().textContent).toBe(ko.popup_hfKoAction.message));
    expect(ko.popup_hfKoAction.message).toBe('한국어로 요약');
    fireEvent.click(action());
    expect(progress().textContent).toBe('한국어 요약: 4편 중 0편 완료');
    applyLanguage('auto');
  });
});
