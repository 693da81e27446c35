// @vitest-environment happy-dom
/**
 * The panel's place on a paper no digest covers, driven as the content script drives it, over a fake generate Port:
 * nothing is sent before the user's click (unless auto-summarize is on), the panel fills as partials arrive, the
 * stored answer replaces them, errors and cancel show in the UI language and the offer comes back, a stored summary
 * shows at once, the no-provider note is dismissed for good, and a click the page's script makes does nothing.
 */
import { act, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { GenPort } from '../../lib/content/gen-client';
import { PANEL_ELEMENT } from '../../lib/content/panel-host';
import { mountAfter } from '../../lib/content/shadow-ui';
import { SummaryHost, type SummaryHostProps } from '../../lib/content/summary-host';
import type { GenerationInfo, GenRequest, GenUpdate } from '../../lib/messages';
import type { ShownSummary } from '../../lib/records';
import { offerDismissedItem, panelCollapsedItem } from '../../lib/settings';
import { showSection } from '../../lib/show';
import { applyLanguage } from '../support/language';

const OPENAI: GenerationInfo = {
  provider: 'openai',
  model: 'gpt-4o-mini',
  host: 'api.openai.com',
  autoSummarize: false,
};
const NONE: GenerationInfo = { provider: 'none', model: '', host: null, autoSummarize: false };
const INPUT = { title: 'Sparse Token Routing for Long-Context Decoders', abstract: 'We route each token.' };
const NEW = showSection({ label: "What's New", text: '토큰마다 일부 어텐션 헤드로만 라우팅합니다.' });
const DETAILS = showSection({ label: 'Technical Details', text: '학습된 희소 게이트를 씁니다.' });
const STORED: ShownSummary = {
  arxivId: '2407.00101',
  title: INPUT.title,
  titleKo: null,
  sections: [NEW, DETAILS],
  provider: 'openai',
  model: 'loopback-model-1',
  promptVersion: 1,
  createdAt: Date.UTC(2026, 6, 1, 12),
  usage: null,
};

/** The background's end of each port the host opens. */
interface FakeEnd {
  sent: GenRequest[];
  disconnected: boolean;
  post(u: GenUpdate): void;
}

function fakeConnect() {
  const ends: FakeEnd[] = [];
  const connect = vi.fn((): GenPort => {
    const listeners: ((m: unknown) => void)[] = [];
    const end: FakeEnd = {
      sent: [],
      disconnected: false,
      post: (u) =>
        act(() => {
          for (const cb of listeners) cb(u);
        }),
    };
    ends.push(end);
    return {
      postMessage: (m) => end.sent.push(m),
      disconnect: () => {
        end.disconnected = true;
      },
      onMessage: { addListener: (cb) => listeners.push(cb) },
      onDisconnect: { addListener: () => undefined },
    };
  });
  return { connect, ends, last: () => ends.at(-1) as FakeEnd };
}

function host(over: Partial<SummaryHostProps> = {}) {
  const fake = fakeConnect();
  const props: SummaryHostProps = {
    arxivId: '2407.00101',
    readInput: () => INPUT,
    generation: OPENAI,
    stored: null,
    initiallyCollapsed: false,
    theme: 'auto',
    connect: fake.connect,
    ...over,
  };
  render(<SummaryHost {...props} />);
  return fake;
}

const q = (id: string) => screen.queryByTestId(id);
const text = (id: string) => screen.getByTestId(id).textContent;

beforeEach(() => {
  fakeBrowser.reset();
  applyLanguage('en');
});
afterEach(() => {
  applyLanguage('auto');
  document.body.replaceChildren();
});

describe('making a summary on a paper without a digest', () => {
  it('sends nothing before the click; the click reads and sends the title and abstract once', () => {
    const readInput = vi.fn(() => INPUT);
    const { connect, last } = host({ readInput });
    expect(q('summary-offer')).not.toBeNull();
    expect(connect).not.toHaveBeenCalled();
    expect(readInput).not.toHaveBeenCalled(); // the offer does no page text work
    fireEvent.click(screen.getByTestId('generate-summary'));
    expect(readInput).toHaveBeenCalledTimes(1);
    expect(connect).toHaveBeenCalledTimes(1);
    expect(last().sent).toEqual([{ type: 'start', arxivId: '2407.00101', ...INPUT, regenerate: false }]);
  });

  it('fills the panel as the answer streams, then shows the stored answer with regenerate', () => {
    const { connect, last } = host();
    fireEvent.click(screen.getByTestId('generate-summary'));
    expect(q('summary-offer')).toBeNull();
    expect(text('ai-generated')).toBe('Machine-generated summary: OpenAI-compatible API · gpt-4o-mini · writing…');
    last().post({ type: 'partial', titleKo: null, sections: [NEW] });
    expect(text('sections')).toContain('라우팅합니다');
    expect(q('cancel-summary')).not.toBeNull();
    last().post({ type: 'partial', titleKo: null, sections: [NEW, DETAILS] });
    expect(text('sections')).toContain('희소 게이트');
    last().post({ type: 'done', summary: STORED });
    expect(last().disconnected).toBe(true);
    expect(text('ai-generated')).toContain('loopback-model-1 · 2026-07-0');
    expect(q('cancel-summary')).toBeNull();
    fireEvent.click(screen.getByTestId('regenerate-summary'));
    expect(connect).toHaveBeenCalledTimes(2);
    expect(last().sent[0]).toMatchObject({ type: 'start', regenerate: true });
  });

  it('an error shows in the UI language, and the offer is back to try again', () => {
    applyLanguage('ko');
    const { last } = host();
    fireEvent.click(screen.getByTestId('generate-summary'));
    last().post({ type: 'partial', titleKo: null, sections: [NEW] });
    last().post({ type: 'error', code: 'badKey', retryAfterMs: null });
    expect(text('summary-error')).toBe('API 키가 거부되었습니다(401). 옵션에서 키를 확인하세요.');
    expect(q('digest-panel')).toBeNull();
    expect(q('generate-summary')).not.toBeNull();
  });

  it('a 429 that says how long to wait says it in seconds', () => {
    const { last } = host();
    fireEvent.click(screen.getByTestId('generate-summary'));
    last().post({ type: 'error', code: 'rateLimited', retryAfterMs: 29_500 });
    expect(text('summary-error')).toBe('Too many requests (429). Try again in 30 seconds.');
  });

  it('cancel leaves the run, says nothing was stored, and offers again', () => {
    const { last } = host();
    fireEvent.click(screen.getByTestId('generate-summary'));
    last().post({ type: 'partial', titleKo: null, sections: [NEW] });
    fireEvent.click(screen.getByTestId('cancel-summary'));
    expect(last().sent.at(-1)).toEqual({ type: 'cancel' });
    expect(last().disconnected).toBe(true);
    expect(text('summary-error')).toBe('Cancelled. Nothing was stored.');
    expect(q('digest-panel')).toBeNull();
    last().post({ type: 'done', summary: STORED });
    expect(q('digest-panel')).toBeNull();
  });

  it('regenerate that fails keeps the stored summary, with the error beside it', () => {
    const { last } = host({ stored: STORED });
    fireEvent.click(screen.getByTestId('regenerate-summary'));
    last().post({ type: 'error', code: 'server', retryAfterMs: null });
    expect(text('sections')).toContain('라우팅합니다');
    expect(text('summary-error')).toContain('(5xx)');
  });

  it('auto-summarize: starts as the panel shows, without a click', () => {
    const { connect, last } = host({ generation: { ...OPENAI, autoSummarize: true } });
    expect(connect).toHaveBeenCalledTimes(1);
    expect(last().sent[0]).toMatchObject({ type: 'start', regenerate: false });
    expect(q('summary-offer')).toBeNull();
    expect(q('cancel-summary')).not.toBeNull();
  });

  it('a stored summary shows at once, nothing asked; with no provider, no regenerate', () => {
    const { connect } = host({ stored: STORED, generation: { ...NONE, autoSummarize: false } });
    expect(text('sections')).toContain('라우팅합니다');
    expect(text('ai-generated')).toContain('OpenAI-compatible API · loopback-model-1');
    expect(q('regenerate-summary')).toBeNull();
    expect(connect).not.toHaveBeenCalled();
  });

  it('the collapse is remembered like the digest panel’s', async () => {
    host({ stored: STORED });
    fireEvent.click(screen.getByTestId('panel-toggle'));
    await vi.waitFor(async () => expect(await panelCollapsedItem.getValue()).toBe(true));
  });

  it('with no provider the note is dismissed for good', async () => {
    const { connect } = host({ generation: NONE });
    fireEvent.click(screen.getByTestId('dismiss-offer'));
    expect(q('summary-offer')).toBeNull();
    await vi.waitFor(async () => expect(await offerDismissedItem.getValue()).toBe(true));
    expect(connect).not.toHaveBeenCalled();
  });
});

describe('in the content script’s shadow root', () => {
  const ctx = { onInvalidated: () => undefined } as unknown as ContentScriptContext;

  it('a click the page’s script makes on generate sends nothing; the user’s click does', async () => {
    const fake = fakeConnect();
    const anchor = document.createElement('blockquote');
    document.body.append(anchor);
    const ui = mountAfter(
      ctx,
      PANEL_ELEMENT,
      anchor,
      <SummaryHost
        arxivId="2407.00101"
        readInput={() => INPUT}
        generation={OPENAI}
        stored={null}
        initiallyCollapsed={false}
        theme="auto"
        connect={fake.connect}
      />,
    );
    const button = ui.host.shadowRoot?.querySelector<HTMLElement>('[data-testid="generate-summary"]') as HTMLElement;
    await act(() => {
      button.click();
      button.dispatchEvent(new MouseEvent('click', { bubbles: true }));
      button.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    });
    expect(fake.connect).not.toHaveBeenCalled();
    const trusted = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true });
    Object.defineProperty(trusted, 'isTrusted', { value: true });
    await act(() => {
      button.dispatchEvent(trusted);
    });
    expect(fake.connect).toHaveBeenCalledTimes(1);
  });

  it('leaving the page (content script invalidated) cancels the run', async () => {
    let invalidate = () => {};
    const leaving = { onInvalidated: (cb: () => void) => (invalidate = cb) } as unknown as ContentScriptContext;
    const fake = fakeConnect();
    const anchor = document.createElement('blockquote');
    document.body.append(anchor);
    mountAfter(
      leaving,
      PANEL_ELEMENT,
      anchor,
      <SummaryHost
        arxivId="2407.00101"
        readInput={() => INPUT}
        generation={{ ...OPENAI, autoSummarize: true }}
        stored={null}
        initiallyCollapsed={false}
        theme="auto"
        connect={fake.connect}
      />,
    );
    // Effects run after the first paint.
    await vi.waitFor(() => expect(fake.connect).toHaveBeenCalledTimes(1));
    await act(() => invalidate());
    expect(fake.last().sent.at(-1)).toEqual({ type: 'cancel' });
    expect(fake.last().disconnected).toBe(true);
  });
});
