/**
 * Reader page routes in the URL hash. Pure: parse/format only.
 * `#/` (or empty) home: list of days · `#/YYYY-MM-DD` one day · `#/paper/<arXiv id>` one paper ·
 * `#/search/<query>` search (query URI-encoded) · `#/summaries` every Korean summary made on the user's side ·
 * `#/summary/<arXiv id>` one of them. Anything else parses as `notFound`.
 */

import { parseArxivId } from './arxiv-id';
import { isIsoDate } from './dates';

export type Route =
  | { kind: 'home' }
  | { kind: 'day'; date: string }
  | { kind: 'paper'; arxivId: string }
  | { kind: 'search'; query: string }
  | { kind: 'summaries' }
  | { kind: 'summary'; arxivId: string }
  | { kind: 'notFound'; hash: string };

/** Longest search query kept in a route (matches the `openReader` message check). */
export const MAX_ROUTE_QUERY = 200;

/** The arXiv id (normalised, no version) in a route's URI-encoded tail, or null. */
function idIn(tail: string): string | null {
  try {
    return parseArxivId(decodeURIComponent(tail))?.id ?? null;
  } catch {
    return null;
  }
}

export function parseRoute(hash: string): Route {
  const h = hash.startsWith('#') ? hash.slice(1) : hash;
  if (h === '' || h === '/') return { kind: 'home' };
  if (!h.startsWith('/')) return { kind: 'notFound', hash };
  const path = h.slice(1);
  if (isIsoDate(path)) return { kind: 'day', date: path };
  if (path === 'summaries') return { kind: 'summaries' };
  for (const kind of ['paper', 'summary'] as const) {
    if (!path.startsWith(`${kind}/`)) continue;
    const id = idIn(path.slice(kind.length + 1));
    return id ? { kind, arxivId: id } : { kind: 'notFound', hash };
  }
  if (path === 'search' || path.startsWith('search/')) {
    try {
      return { kind: 'search', query: decodeURIComponent(path.slice('search/'.length)).slice(0, MAX_ROUTE_QUERY) };
    } catch {
      return { kind: 'notFound', hash };
    }
  }
  return { kind: 'notFound', hash };
}

/** The hash for a route, including the leading `#`. Inverse of {@link parseRoute} for valid routes. */
export function formatRoute(route: Route): string {
  switch (route.kind) {
    case 'home':
      return '#/';
    case 'day':
      return `#/${route.date}`;
    case 'paper':
      // Old-style ids keep their `/` (`#/paper/hep-th/9901001`); nothing else in an id needs encoding.
      return `#/paper/${route.arxivId}`;
    case 'summaries':
      return '#/summaries';
    case 'summary':
      return `#/summary/${route.arxivId}`;
    case 'search':
      return `#/search/${encodeURIComponent(route.query.slice(0, MAX_ROUTE_QUERY))}`;
    case 'notFound':
      return route.hash;
  }
}
