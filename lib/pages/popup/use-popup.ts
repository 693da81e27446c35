/**
 * Data for the popup: the shown digest day (newest by default), the list of days for previous/next navigation,
 * the paper of the current tab, and search as you type. All reads go through the background (`send`).
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { arxivIdFromUrl } from '../../arxiv-id';
import { neighbours } from '../../dates';
import type { DaySummary, ShownPaper, ShownSummary } from '../../records';
import { send } from '../../send';
import { sortByVotes } from '../../summary';
import { errorText } from '../page';
import { type Latest, type LatestRequest, takeLatest } from './prefetch';

/** Debounce of search as you type. */
export const SEARCH_DEBOUNCE_MS = 100;
/** Results shown in the popup; the reader shows more. */
export const POPUP_SEARCH_LIMIT = 20;

export interface DayView {
  date: string;
  /** Sorted by votes, most first, null last. */
  papers: ShownPaper[];
}

export interface SearchState {
  query: string;
  papers: ShownPaper[];
  total: number;
  /** Generated Korean summaries that match (shown apart, marked as machine-generated). */
  summaries: ShownSummary[];
}

export interface PopupData {
  /** null until the first load finishes. */
  days: DaySummary[] | null;
  view: DayView | null;
  loading: boolean;
  loadError: string | null;
  newestDate: string | null;
  prevDate: string | null;
  nextDate: string | null;
  goTo(date: string): void;
  tabPaper: ShownPaper | null;
  query: string;
  setQuery(q: string): void;
  search: SearchState | null;
  searchError: string | null;
}

/** The normalised arXiv id of the active tab's page, or null (no tab, no URL, not arXiv). */
export async function currentTabArxivId(): Promise<string | null> {
  try {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return tab?.url ? (arxivIdFromUrl(tab.url)?.id ?? null) : null;
  } catch {
    return null;
  }
}

function dayView(latest: Latest): DayView | null {
  return latest.digest ? { date: latest.digest.date, papers: sortByVotes(latest.papers) } : null;
}

/**
 * @param digestCount stored digest count from the sync status; when a sync finishes (`running` turns false) or the
 * first digests arrive, the days and the newest digest are loaded again.
 * @param first the popup's first request for the newest digest (./prefetch); shown at once when it has answered.
 */
export function usePopupData(digestCount: number | null, running: boolean, first?: LatestRequest): PopupData {
  const firstRef = useRef(first);
  const [days, setDays] = useState<DaySummary[] | null>(null);
  const [view, setView] = useState<DayView | null>(() => (first?.value ? dayView(first.value) : null));
  const [loading, setLoading] = useState(() => first?.value === undefined);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [tabPaper, setTabPaper] = useState<ShownPaper | null>(null);
  const [query, setQuery] = useState('');
  const [search, setSearch] = useState<SearchState | null>(null);
  const [searchError, setSearchError] = useState<string | null>(null);
  const loadSeq = useRef(0);
  const searchSeq = useRef(0);
  const viewRef = useRef<DayView | null>(null);
  viewRef.current = view;

  const loadLatest = useCallback(async () => {
    const seq = ++loadSeq.current;
    try {
      // The newest digest first and alone (it is what the popup shows; asked together the day list slows it down).
      const request = firstRef.current ?? takeLatest();
      firstRef.current = undefined;
      const latest = await request.promise;
      const listing = send('listDates', {});
      if (seq !== loadSeq.current) return;
      const newest = latest.digest?.date ?? null;
      const newestView = dayView(latest);
      // Keep an older day the user navigated to; otherwise show the newest.
      if (!viewRef.current || viewRef.current.date === newest) setView(newestView);
      setLoading(false);
      const list = await listing;
      if (seq !== loadSeq.current) return;
      setDays(list.days);
      const shown = viewRef.current;
      if (shown && !list.days.some((d) => d.date === shown.date)) setView(newestView);
      setLoadError(null);
    } catch (e) {
      if (seq === loadSeq.current) setLoadError(errorText(e));
    } finally {
      if (seq === loadSeq.current) setLoading(false);
    }
  }, []);

  const goTo = useCallback((date: string) => {
    const seq = ++loadSeq.current;
    setLoading(true);
    send('getDigest', { date })
      .then((r) => {
        if (seq !== loadSeq.current) return;
        setView(r.digest ? { date: r.digest.date, papers: sortByVotes(r.papers) } : { date, papers: [] });
        setLoadError(null);
      })
      .catch((e: unknown) => {
        if (seq === loadSeq.current) setLoadError(errorText(e));
      })
      .finally(() => {
        if (seq === loadSeq.current) setLoading(false);
      });
  }, []);

  // Layout effect: the first load starts with the first render, not a frame later (an effect waits for a paint).
  useLayoutEffect(() => {
    void loadLatest();
  }, [loadLatest]);

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const id = await currentTabArxivId();
      if (!id) return;
      try {
        const r = await send('getPaper', { arxivId: id });
        if (!cancelled) setTabPaper(r.paper);
      } catch {
        // No paper panel for this tab; the rest of the popup still works.
      }
    })();
    return () => {
      cancelled = true;
    };
  }, []);

  // Reload when a sync ends, and when the first digests of a first sync arrive.
  const wasRunning = useRef(running);
  useEffect(() => {
    const ended = wasRunning.current && !running;
    wasRunning.current = running;
    if (ended || (viewRef.current === null && (digestCount ?? 0) > 0 && !loading)) void loadLatest();
  }, [running, digestCount, loading, loadLatest]);

  useEffect(() => {
    const q = query.trim();
    const seq = ++searchSeq.current;
    if (q === '') {
      setSearch(null);
      setSearchError(null);
      return;
    }
    const timer = setTimeout(() => {
      send('search', { query: q, limit: POPUP_SEARCH_LIMIT })
        .then((r) => {
          if (seq !== searchSeq.current) return;
          setSearch({ query: q, papers: r.papers, total: r.total, summaries: r.summaries });
          setSearchError(null);
        })
        .catch((e: unknown) => {
          if (seq === searchSeq.current) setSearchError(errorText(e));
        });
    }, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [query]);

  const dates = days?.map((d) => d.date) ?? [];
  const { prev, next } = view ? neighbours(dates, view.date) : { prev: null, next: null };
  return {
    days,
    view,
    loading,
    loadError,
    newestDate: dates.reduce<string | null>((a, b) => (a === null || b > a ? b : a), null) ?? view?.date ?? null,
    prevDate: prev,
    nextDate: next,
    goTo,
    tabPaper,
    query,
    setQuery,
    search,
    searchError,
  };
}
