// @vitest-environment happy-dom
import { act, cleanup, renderHook } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { type ActionState, type Feedback, useAction } from '../../lib/pages/options/use-action';
import { applyLanguage } from '../support/language';

/** An action that waits until the test lets it answer (or fail). */
function held() {
  let answer!: (f: Feedback) => void;
  let fail!: (e: unknown) => void;
  const promise = new Promise<Feedback>((res, rej) => {
    answer = res;
    fail = rej;
  });
  return { action: () => promise, answer, fail };
}

/** Starts `action` as a click would; `done` resolves (inside act) once its line is shown. */
function start(hook: { current: ActionState }, action: () => Promise<Feedback>, pending?: Feedback | null) {
  let shown!: Promise<Feedback>;
  act(() => {
    shown = hook.current.run(action, pending);
  });
  return {
    done: async () => {
      let line!: Feedback;
      await act(async () => {
        line = await shown;
      });
      return line;
    },
  };
}

const OK: Feedback = { kind: 'ok', text: 'saved' };

afterEach(() => {
  cleanup();
  applyLanguage('auto');
});

describe('useAction', () => {
  it('is busy while the action runs, then shows what it answered', async () => {
    const { result } = renderHook(() => useAction());
    const step = held();
    const run = start(result, step.action);
    expect(result.current.busy).toBe(true);
    expect(result.current.feedback).toBeNull();
    step.answer(OK);
    expect(await run.done()).toEqual(OK);
    expect(result.current.busy).toBe(false);
    expect(result.current.feedback).toEqual(OK);
  });

  it('starts the action before run returns, so a permission request keeps the click', () => {
    const { result } = renderHook(() => useAction());
    let started = false;
    act(() => {
      void result.current.run(async () => {
        started = true;
        return OK;
      });
      expect(started).toBe(true);
    });
  });

  it.each([
    ['ko', '문제가 생겼습니다: server down'],
    ['en', 'Something went wrong: server down'],
  ] as const)('turns a thrown error into a failure line in the UI language (%s)', async (lang, text) => {
    applyLanguage(lang);
    const { result } = renderHook(() => useAction());
    const step = held();
    const run = start(result, step.action);
    step.fail(new Error('server down'));
    expect(await run.done()).toEqual({ kind: 'error', text });
    expect(result.current.feedback).toEqual({ kind: 'error', text });
    expect(result.current.busy).toBe(false);
  });

  it('reports an action that throws before its first await the same way', async () => {
    applyLanguage('en');
    const { result } = renderHook(() => useAction());
    const run = start(result, () => {
      throw new Error('bad input');
    });
    expect(await run.done()).toEqual({ kind: 'error', text: 'Something went wrong: bad input' });
    expect(result.current.busy).toBe(false);
  });

  it('shows a pending line while running; null clears the last line, nothing keeps it', async () => {
    const { result } = renderHook(() => useAction());
    act(() => result.current.setFeedback(OK));
    const keep = held();
    const kept = start(result, keep.action);
    expect(result.current.feedback).toEqual(OK);
    keep.answer({ kind: 'error', text: 'refused' });
    await kept.done();

    const clear = held();
    const cleared = start(result, clear.action, null);
    expect(result.current.feedback).toBeNull();
    clear.answer(OK);
    await cleared.done();

    const working: Feedback = { kind: 'ok', text: 'working' };
    const slow = held();
    const pending = start(result, slow.action, working);
    expect(result.current.feedback).toEqual(working);
    slow.answer({ kind: 'ok', text: 'done' });
    await pending.done();
    expect(result.current.feedback).toEqual({ kind: 'ok', text: 'done' });
  });

  it('stays busy until every action it started has answered', async () => {
    const { result } = renderHook(() => useAction());
    const first = held();
    const second = held();
    const a = start(result, first.action);
    const b = start(result, second.action);
    first.answer({ kind: 'ok', text: 'first' });
    await a.done();
    expect(result.current.busy).toBe(true);
    second.answer({ kind: 'ok', text: 'second' });
    await b.done();
    expect(result.current.busy).toBe(false);
    expect(result.current.feedback?.text).toBe('second');
  });
});
