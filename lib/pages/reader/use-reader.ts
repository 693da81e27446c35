/** The reader's controller: the route from `location.hash` (hashchange), and the data that route needs. */
import { useEffect, useState } from 'preact/hooks';
import { neighbours } from '../../dates';
import type { UsageTotals } from '../../db/summaries';
import type { DaySummary, ShownPaper, ShownSummary } from '../../records';
import { formatRoute, parseRoute, type Route } from '../../route';
import { send } from '../../send';
import { autoLoadMediaItem, DEFAULT_SOURCE_URL } from '../../settings';
import { errorText } from '../page';

/** Search results shown on the reader's search page. */
export const READER_SEARCH_LIMIT = 200;

export type ReaderData =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  /** `paperCount`: distinct papers, as the popup and options count them (a paper on two days is one paper). */
  | { kind: 'home'; days: DaySummary[]; paperCount: number }
  | { kind: 'day'; date: string; papers: ShownPaper[] | null; prev: string | null; next: string | null }
  /** A paper's digest entry and the Korean summary the user made for it, each null when there is none. */
  | { kind: 'paper'; arxivId: string; paper: ShownPaper | null; summary: ShownSummary | null }
  | { kind: 'search'; query: string; papers: ShownPaper[]; total: number; summaries: ShownSummary[] }
  /** Every generated summary, newest first, with the running token total. */
  | { kind: 'summaries'; summaries: ShownSummary[]; usage: UsageTotals }
  /** One generated summary; `hasDigest` when a digest entry exists for the paper too. */
  | { kind: 'summary'; arxivId: string; summary: ShownSummary | null; hasDigest: boolean }
  | { kind: 'notFound' };

/** Loads what one route shows. */
export async function loadRoute(route: Route): Promise<ReaderData> {
  switch (route.kind) {
    case 'home': {
      const [list, sync] = await Promise.all([send('listDates', {}), send('getSyncStatus', {})]);
      return { kind: 'home', days: list.days, paperCount: sync.status.paperCount };
    }
    case 'day': {
      const [r, list] = await Promise.all([send('getDigest', { date: route.date }), send('listDates', {})]);
      const { prev, next } = neighbours(
        list.days.map((d) => d.date),
        route.date,
      );
      return { kind: 'day', date: route.date, papers: r.digest ? r.papers : null, prev, next };
    }
    case 'paper': {
      const { paper, summary } = await send('getPaper', { arxivId: route.arxivId });
      return { kind: 'paper', arxivId: route.arxivId, paper, summary };
    }
    case 'search': {
      const q = route.query.trim();
      if (q === '') return { kind: 'search', query: '', papers: [], total: 0, summaries: [] };
      const r = await send('search', { query: q, limit: READER_SEARCH_LIMIT });
      return { kind: 'search', query: route.query, papers: r.papers, total: r.total, summaries: r.summaries };
    }
    case 'summaries': {
      const { summaries, usage } = await send('listSummaries', {});
      return { kind: 'summaries', summaries, usage };
    }
    case 'summary': {
      const { paper, summary } = await send('getPaper', { arxivId: route.arxivId });
      return { kind: 'summary', arxivId: route.arxivId, summary, hasDigest: paper !== null };
    }
    case 'notFound':
      return { kind: 'notFound' };
  }
}

/** Removes one generated summary (the user confirmed), then shows the list of the others. */
export async function deleteSummary(arxivId: string): Promise<void> {
  await send('deleteSummaries', { arxivId });
  location.hash = formatRoute({ kind: 'summaries' });
}

export function useHashRoute(): Route {
  const [route, setRoute] = useState<Route>(() => parseRoute(location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

export function useSourceBase(): string {
  const [base, setBase] = useState(DEFAULT_SOURCE_URL);
  useEffect(() => {
    send('getSettings', {}).then(
      (r) => setBase(r.settings.sourceUrl),
      () => undefined,
    );
  }, []);
  return base;
}

/** The `autoLoadMedia` setting; false (nothing loaded unasked) until it is read. */
export function useAutoLoadMedia(): boolean {
  const [on, setOn] = useState(false);
  useEffect(() => {
    autoLoadMediaItem.getValue().then(setOn, () => undefined);
  }, []);
  return on;
}

export function useReaderData(route: Route): ReaderData {
  const [data, setData] = useState<ReaderData>({ kind: 'loading' });
  useEffect(() => {
    let cancelled = false;
    setData({ kind: 'loading' });
    loadRoute(route).then(
      (d) => {
        if (!cancelled) setData(d);
      },
      (e: unknown) => {
        if (!cancelled) setData({ kind: 'error', message: errorText(e) });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [route]);
  return data;
}
