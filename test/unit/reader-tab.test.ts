/** One reader tab: `openReader` sends an open reader to the route and brings it forward instead of opening more. */
import { describe, expect, it } from 'vitest';
import { isReaderUrl, type ReaderTabApi, readerTabOpener, type TabInfo } from '../../lib/background/reader-tab';

const READER = 'chrome-extension://abcdef/reader.html';

/** Tabs in memory, as the browser keeps them; `create` answers only after the caller's next turn, as a real one. */
function fakeBrowser(initial: TabInfo[] = []) {
  const tabs: TabInfo[] = initial.map((t) => ({ ...t }));
  let nextId = 100;
  const focusedWindows: number[] = [];
  const active: number[] = [];
  const api: ReaderTabApi = {
    tabs: {
      query: async () => tabs.map((t) => ({ ...t })),
      update: async (id, { url, active: makeActive }) => {
        const tab = tabs.find((t) => t.id === id);
        if (!tab) throw new Error(`No tab with id: ${id}.`);
        tab.url = url;
        if (makeActive) active.push(id);
      },
      create: async ({ url }) => {
        await new Promise((r) => setTimeout(r, 0));
        tabs.push({ id: nextId++, windowId: 1, url });
      },
    },
    windows: {
      update: async (id) => {
        focusedWindows.push(id);
      },
    },
  };
  return { api, tabs, focusedWindows, active };
}

describe('the reader tab', () => {
  it('opens a reader tab when there is none', async () => {
    const b = fakeBrowser([{ id: 1, windowId: 1, url: 'https://arxiv.org/abs/2406.16793' }]);
    await readerTabOpener(b.api, READER)('#/paper/2406.16793');
    expect(b.tabs.map((t) => t.url)).toEqual(['https://arxiv.org/abs/2406.16793', `${READER}#/paper/2406.16793`]);
  });

  it('sends an open reader to the route, makes it the active tab and focuses its window', async () => {
    const b = fakeBrowser([
      { id: 1, windowId: 1, url: 'https://arxiv.org/abs/2406.16793' },
      { id: 7, windowId: 2, url: `${READER}#/2024-06-27` },
    ]);
    await readerTabOpener(b.api, READER)('#/paper/2406.16793');
    expect(b.tabs).toHaveLength(2);
    expect(b.tabs[1]?.url).toBe(`${READER}#/paper/2406.16793`);
    expect(b.active).toEqual([7]);
    expect(b.focusedWindows).toEqual([2]);
  });

  it('opening twice, even at once, leaves one reader tab showing the second route', async () => {
    const b = fakeBrowser();
    const open = readerTabOpener(b.api, READER);
    await Promise.all([open('#/paper/2406.16793'), open('#/2024-06-27')]);
    expect(b.tabs.map((t) => t.url)).toEqual([`${READER}#/2024-06-27`]);
    await open('');
    expect(b.tabs.map((t) => t.url)).toEqual([READER]);
  });

  it('finds a reader still loading by its pending URL', async () => {
    const b = fakeBrowser([{ id: 3, windowId: 1, url: '', pendingUrl: `${READER}#/paper/2406.16793` }]);
    await readerTabOpener(b.api, READER)('#/2024-06-27');
    expect(b.tabs).toHaveLength(1);
    expect(b.active).toEqual([3]);
  });

  it('of several readers, uses the one seen last', async () => {
    const b = fakeBrowser([
      { id: 1, windowId: 1, url: `${READER}#/a`, lastAccessed: 10 },
      { id: 2, windowId: 3, url: `${READER}#/b`, lastAccessed: 30 },
      { id: 4, windowId: 1, url: `${READER}#/c`, lastAccessed: 20 },
    ]);
    await readerTabOpener(b.api, READER)('#/x');
    expect(b.active).toEqual([2]);
    expect(b.focusedWindows).toEqual([3]);
  });

  it('opens a new one when the reader it found was closed meanwhile', async () => {
    const b = fakeBrowser();
    const gone: ReaderTabApi = { ...b.api, tabs: { ...b.api.tabs, query: async () => [{ id: 9, url: READER }] } };
    await readerTabOpener(gone, READER)('#/x');
    expect(b.tabs.map((t) => t.url)).toEqual([`${READER}#/x`]);
  });

  it('works without a windows API (Firefox for Android)', async () => {
    const b = fakeBrowser([{ id: 5, windowId: 1, url: READER }]);
    await readerTabOpener({ tabs: b.api.tabs }, READER)('#/y');
    expect(b.tabs.map((t) => t.url)).toEqual([`${READER}#/y`]);
  });

  it('a failed request does not stop the next one', async () => {
    const b = fakeBrowser();
    let fail = true;
    const flaky: ReaderTabApi = {
      ...b.api,
      tabs: {
        ...b.api.tabs,
        query: async () => {
          if (fail) {
            fail = false;
            throw new Error('worker shutting down');
          }
          return b.api.tabs.query({});
        },
      },
    };
    const open = readerTabOpener(flaky, READER);
    await expect(open('#/a')).rejects.toThrow('worker shutting down');
    await open('#/b');
    expect(b.tabs.map((t) => t.url)).toEqual([`${READER}#/b`]);
  });

  it.each([
    [READER, true],
    [`${READER}#/paper/2406.16793`, true],
    [`${READER}?x=1`, true],
    [`${READER}x`, false],
    ['chrome-extension://abcdef/popup.html', false],
    ['chrome-extension://other/reader.html', false],
    ['', false],
  ])('%j is the reader page: %s', (url, expected) => {
    expect(isReaderUrl(url, READER)).toBe(expected);
  });
});
