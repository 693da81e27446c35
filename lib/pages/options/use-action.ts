/**
 * One action with its feedback line: runs an async action, says busy while it runs, then shows what it returned (a
 * success or failure line in the UI language); an action that throws shows `options_error` with the reason. Every
 * section of the options page uses it for its saves and data actions.
 */
import { useCallback, useState } from 'preact/hooks';
import { t } from '../../i18n';
import { errorText } from '../page';

/** Outcome of an action, shown next to it. */
export interface Feedback {
  kind: 'ok' | 'error';
  text: string;
}

/** The line shown when an action threw instead of answering. */
export function failure(err: unknown): Feedback {
  return { kind: 'error', text: t('options_error', errorText(err)) };
}

export interface ActionState {
  /** True while any action started here runs. */
  busy: boolean;
  /** What the last finished action said (or what `run` / `setFeedback` put there); null: nothing to say. */
  feedback: Feedback | null;
  /**
   * Starts `action` at once (synchronously, so a permission request or download it makes first keeps the user
   * gesture), shows `pending` while it runs (undefined keeps the current line, null clears it), then its answer.
   * Resolves to the line shown; never rejects.
   */
  run(action: () => Promise<Feedback>, pending?: Feedback | null): Promise<Feedback>;
  setFeedback(feedback: Feedback | null): void;
}

export function useAction(): ActionState {
  const [running, setRunning] = useState(0);
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const run = useCallback((action: () => Promise<Feedback>, pending?: Feedback | null) => {
    setRunning((n) => n + 1);
    if (pending !== undefined) setFeedback(pending);
    let started: Promise<Feedback>;
    try {
      started = action();
    } catch (err) {
      started = Promise.reject(err);
    }
    return started
      .catch(failure)
      .then((shown) => {
        setFeedback(shown);
        return shown;
      })
      .finally(() => setRunning((n) => n - 1));
  }, []);
  return { busy: running > 0, feedback, run, setFeedback };
}
