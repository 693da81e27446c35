/**
 * The content script's end of the generate Port, over a fake port: it sends one `start` with what it was given (the
 * paper's id, title and abstract, nothing else), hands partials on, ends at `done` or `error` (closing the port), turns
 * a port closed too early into a `network` error, and cancels by saying so and leaving at once.
 */
import { describe, expect, it, vi } from 'vitest';
import { type GenHandlers, type GenPort, runGeneration } from '../../lib/content/gen-client';
import type { GenRequest, GenUpdate } from '../../lib/messages';
import type { ShownSummary } from '../../lib/records';
import { showSection } from '../../lib/show';

function fakePort() {
  const onMessage: ((m: unknown) => void)[] = [];
  const onDisconnect: (() => void)[] = [];
  const port: GenPort & { sent: GenRequest[]; disconnected: number } = {
    sent: [],
    disconnected: 0,
    postMessage(m) {
      this.sent.push(m);
    },
    disconnect() {
      this.disconnected++;
    },
    onMessage: { addListener: (cb) => onMessage.push(cb) },
    onDisconnect: { addListener: (cb) => onDisconnect.push(cb) },
  };
  return {
    port,
    /** The background posts `u`. */
    post: (u: GenUpdate) => {
      for (const cb of onMessage) cb(u);
    },
    /** The background's end closes (worker stopped, extension reloaded). */
    close: () => {
      for (const cb of onDisconnect) cb();
    },
  };
}

function handlers() {
  return { partial: vi.fn(), done: vi.fn(), error: vi.fn() } satisfies GenHandlers;
}

const START = { arxivId: '2407.00101', title: 'Sparse Token Routing', abstract: 'We route tokens.', regenerate: false };
const SECTION = showSection({ label: "What's New", text: '토큰을 라우팅합니다.' });
const SUMMARY: ShownSummary = {
  arxivId: '2407.00101',
  title: 'Sparse Token Routing',
  titleKo: null,
  sections: [SECTION],
  provider: 'openai',
  model: 'loopback-model-1',
  promptVersion: 1,
  createdAt: 1_780_000_000_000,
  usage: null,
};

describe('the generate Port, content side', () => {
  it('sends one start with the id, title, abstract and regenerate flag only', () => {
    const { port } = fakePort();
    runGeneration(port, START, handlers());
    expect(port.sent).toEqual([{ type: 'start', ...START }]);
  });

  it('hands every partial on, then the stored summary, and closes the port', () => {
    const { port, post } = fakePort();
    const h = handlers();
    runGeneration(port, START, h);
    const partial: GenUpdate = { type: 'partial', titleKo: null, sections: [SECTION] };
    post(partial);
    post(partial);
    expect(h.partial).toHaveBeenCalledTimes(2);
    expect(h.partial).toHaveBeenLastCalledWith(partial);
    post({ type: 'done', summary: SUMMARY });
    expect(h.done).toHaveBeenCalledWith(SUMMARY);
    expect(port.disconnected).toBe(1);
    post(partial);
    expect(h.partial).toHaveBeenCalledTimes(2);
    expect(h.error).not.toHaveBeenCalled();
  });

  it('an error ends the run with its code and wait', () => {
    const { port, post, close } = fakePort();
    const h = handlers();
    runGeneration(port, START, h);
    post({ type: 'error', code: 'rateLimited', retryAfterMs: 20_000 });
    close();
    expect(h.error).toHaveBeenCalledTimes(1);
    expect(h.error).toHaveBeenCalledWith('rateLimited', 20_000);
    expect(port.disconnected).toBe(1);
  });

  it('a port closed before the end is a network error (the panel never waits forever)', () => {
    const { port, close } = fakePort();
    const h = handlers();
    runGeneration(port, START, h);
    close();
    expect(h.error).toHaveBeenCalledWith('network', null);
    expect(h.done).not.toHaveBeenCalled();
  });

  it('cancel says so and leaves at once; nothing that still arrives is shown', () => {
    const { port, post } = fakePort();
    const h = handlers();
    const cancel = runGeneration(port, START, h);
    cancel();
    expect(port.sent.at(-1)).toEqual({ type: 'cancel' });
    expect(port.disconnected).toBe(1);
    post({ type: 'partial', titleKo: null, sections: [SECTION] });
    post({ type: 'done', summary: SUMMARY });
    expect(h.partial).not.toHaveBeenCalled();
    expect(h.done).not.toHaveBeenCalled();
    cancel();
    expect(port.sent).toHaveLength(2);
  });

  it('cancel after the end sends nothing', () => {
    const { port, post } = fakePort();
    const cancel = runGeneration(port, START, handlers());
    post({ type: 'done', summary: SUMMARY });
    cancel();
    expect(port.sent.map((m) => m.type)).toEqual(['start']);
  });
});
