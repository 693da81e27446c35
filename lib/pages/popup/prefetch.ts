/**
 * The popup's first questions, asked as early as the page allows: a classic script in the popup's <head>
 * (entrypoints/popup-prefetch.ts) asks for the newest digest and reads the UI language while the page's modules are
 * still loading, and the popup's start takes both answers. The two scripts are separate bundles; the requests are
 * handed over in a property of the page's global object.
 */
import type { Res } from '../../messages';
import { send } from '../../send';
import type { UiLanguage } from '../../setting-defaults';
import { readUiLanguage } from '../../ui-language';

export type Latest = Res<'getLatestDigest'>;

/** A request for the newest digest and, once it has answered, its answer. */
export interface LatestRequest {
  promise: Promise<Latest>;
  value?: Latest;
}

interface Prefetched {
  latest?: LatestRequest | undefined;
  language?: Promise<UiLanguage> | undefined;
  /** The popup has started: a <head> script that runs only now (it is async) has nothing left to do. */
  started?: boolean;
}

const SLOT = '__arxivKoDigestPrefetch';
type Global = { [SLOT]?: Prefetched };

function slot(): Prefetched {
  const g = globalThis as Global;
  g[SLOT] ??= {};
  return g[SLOT];
}

function askLatest(): LatestRequest {
  const request: LatestRequest = { promise: send('getLatestDigest', {}) };
  request.promise.then(
    (v) => {
      request.value = v;
    },
    () => {}, // Not an unhandled rejection: whoever takes the request sees the error.
  );
  return request;
}

/** Asks for the newest digest and reads the UI language, unless that was done already on this page. */
export function prefetchPopup(): void {
  const s = slot();
  if (s.started) return;
  s.latest ??= askLatest();
  if (!s.language) {
    const language = readUiLanguage();
    language.catch(() => {});
    s.language = language;
  }
}

/** The prefetched newest-digest request once (the popup's first load), a fresh request after that. */
export function takeLatest(): LatestRequest {
  const s = slot();
  s.started = true;
  const r = s.latest ?? askLatest();
  s.latest = undefined;
  return r;
}

/** The prefetched UI language once, a fresh read after that. */
export function takeLanguage(): Promise<UiLanguage> {
  const s = slot();
  const l = s.language ?? readUiLanguage();
  s.language = undefined;
  return l;
}

/** Forgets what was asked, as a newly opened popup page has (tests run many popups in one page). */
export function forgetPrefetch(): void {
  (globalThis as Global)[SLOT] = {};
}
