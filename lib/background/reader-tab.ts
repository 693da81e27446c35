/**
 * Opening the offline reader (`openReader` from a panel or a badge): one reader tab, not one per click. A tab that
 * already shows the reader is sent to the route and brought to the front with its window; only when there is none
 * is a tab opened. Requests run one after another, so two quick ones cannot both find no reader and open two.
 *
 * The tabs and windows APIs are passed in (browser.tabs / browser.windows in the worker, fakes in tests). An
 * extension sees the URLs of its own pages in `tabs.query` without the "tabs" permission.
 */

/** The fields of a `tabs.Tab` used here. */
export interface TabInfo {
  id?: number;
  windowId?: number;
  url?: string;
  /** Chrome: the URL a tab is on its way to (a reader opened a moment ago may have no `url` yet). */
  pendingUrl?: string;
  lastAccessed?: number;
}

export interface ReaderTabApi {
  tabs: {
    query(query: Record<string, never>): Promise<TabInfo[]>;
    update(tabId: number, props: { url: string; active: boolean }): Promise<unknown>;
    create(props: { url: string }): Promise<unknown>;
  };
  /** Absent where there are no windows (Firefox for Android). */
  windows?: { update(windowId: number, props: { focused: boolean }): Promise<unknown> };
}

/** Whether `url` is the reader page (`readerUrl`, any route or query), not merely a URL starting with its text. */
export function isReaderUrl(url: string, readerUrl: string): boolean {
  if (!url.startsWith(readerUrl)) return false;
  const next = url.charAt(readerUrl.length);
  return next === '' || next === '#' || next === '?';
}

/** The reader tab the user saw last, if any. */
function findReader(tabs: readonly TabInfo[], readerUrl: string): (TabInfo & { id: number }) | null {
  let best: (TabInfo & { id: number }) | null = null;
  for (const tab of tabs) {
    if (tab.id === undefined || !isReaderUrl(tab.pendingUrl || tab.url || '', readerUrl)) continue;
    if (!best || (tab.lastAccessed ?? 0) > (best.lastAccessed ?? 0)) best = { ...tab, id: tab.id };
  }
  return best;
}

/** `open(hash)` shows the reader at `hash` (a reader route such as `#/paper/<id>`) in the one reader tab. */
export function readerTabOpener(api: ReaderTabApi, readerUrl: string): (hash: string) => Promise<void> {
  const open = async (hash: string) => {
    const url = readerUrl + hash;
    const tab = findReader(await api.tabs.query({}), readerUrl);
    if (tab) {
      const moved = await api.tabs.update(tab.id, { url, active: true }).then(
        () => true,
        () => false, // closed since the query: open a new one
      );
      if (moved) {
        if (tab.windowId !== undefined) await api.windows?.update(tab.windowId, { focused: true });
        return;
      }
    }
    await api.tabs.create({ url });
  };
  let queue: Promise<unknown> = Promise.resolve();
  return (hash) => {
    const run = queue.then(() => open(hash));
    queue = run.catch(() => undefined);
    return run;
  };
}
