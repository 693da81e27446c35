/**
 * "Today on Hugging Face" for the popup: asks the background for the list, for the permission on request, and for
 * Korean summaries of the papers without a digest (./hf-korean.ts, over `GEN_PORT`).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { HF_HOST_PERMISSION } from '../../hf/api';
import { t } from '../../i18n';
import type { Res } from '../../messages';
import type { ShownSummary } from '../../records';
import { send } from '../../send';
import type { SummaryProvider } from '../../setting-defaults';
import { errorText } from '../page';
import {
  type Connect,
  createKoreanRunner,
  IDLE,
  type KoreanPaper,
  type KoreanRunner,
  type KoreanState,
} from './hf-korean';

export interface HfKoreanController {
  /** The chosen summary provider; null until known (or when the settings could not be read). */
  provider: SummaryProvider | null;
  /** Korean summaries by arXiv id: stored ones (from `getHfToday`) and those made in this popup. */
  summaries: ReadonlyMap<string, ShownSummary>;
  state: KoreanState;
  /** Asks for the papers' summaries (those with one are skipped). */
  start(papers: readonly KoreanPaper[]): void;
  cancel(): void;
}

export interface HfTodayController {
  data: Res<'getHfToday'> | null;
  /** The last request failed, or the permission request did. */
  error: string | null;
  /** Asks for the huggingface.co permission; call it straight from the click (the request needs the gesture). */
  allow(): void;
  korean: HfKoreanController;
}

/** setTimeout's largest delay (a longer one fires at once). */
const MAX_TIMER_MS = 2 ** 31 - 1;

const browserConnect: Connect = (name) => browser.runtime.connect({ name });

/**
 * Loads the list once on open (once `start` is true), and again after the permission is granted; then the summary
 * provider, when the list has papers. Closing the popup cancels a running batch (the ports close with it anyway).
 */
export function useHfToday(start = true, connect: Connect = browserConnect): HfTodayController {
  const [data, setData] = useState<Res<'getHfToday'> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [provider, setProvider] = useState<SummaryProvider | null>(null);
  const [state, setState] = useState<KoreanState>(IDLE);
  const runner = useRef<KoreanRunner | null>(null);
  runner.current ??= createKoreanRunner({ connect, onChange: setState });

  const load = useCallback(async () => {
    try {
      const d = await send('getHfToday', {});
      setData(d);
      setError(null);
      if (d.list && d.list.items.length > 0) {
        const r = await send('getSettings', {}).catch(() => null);
        setProvider(r?.settings.summaryProvider ?? null);
      }
    } catch (e) {
      setError(t('popup_hfError', errorText(e)));
    }
  }, []);
  useEffect(() => {
    if (start) void load();
  }, [load, start]);
  useEffect(() => () => runner.current?.cancel(), []);

  const allow = useCallback(() => {
    browser.permissions.request({ origins: [HF_HOST_PERMISSION] }).then(
      (granted) => {
        if (granted) void load();
        else setError(t('popup_hfDenied'));
      },
      (e: unknown) => setError(t('popup_hfError', errorText(e))),
    );
  }, [load]);

  const summaries = useMemo(() => {
    const m = new Map<string, ShownSummary>((data?.summaries ?? []).map((s) => [s.arxivId, s]));
    for (const [id, item] of state.items) if (item.kind === 'done') m.set(id, item.summary);
    return m;
  }, [data, state.items]);
  const startKorean = useCallback(
    (papers: readonly KoreanPaper[]) => void runner.current?.start(papers, new Set(summaries.keys())),
    [summaries],
  );
  const cancel = useCallback(() => runner.current?.cancel(), []);

  // After a 429 the action waits for its Retry-After: render again when that time has come.
  const [, setTick] = useState(0);
  useEffect(() => {
    if (state.retryAt === null) return;
    const wait = Math.min(MAX_TIMER_MS, Math.max(0, state.retryAt - Date.now()) + 50);
    const id = setTimeout(() => setTick((n) => n + 1), wait);
    return () => clearTimeout(id);
  }, [state.retryAt]);

  return { data, error, allow, korean: { provider, summaries, state, start: startKorean, cancel } };
}
