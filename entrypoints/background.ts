import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { badgeTextFor } from '../lib/background/action-badge';
import { dbHandle } from '../lib/background/db-handle';
import { serveGenPort } from '../lib/background/gen-port';
import { createHandlers } from '../lib/background/handlers';
import { memo } from '../lib/background/memo';
import { latestDigestAnswer } from '../lib/background/paper-handlers';
import { providerFactory } from '../lib/background/provider-factory';
import { readerTabOpener } from '../lib/background/reader-tab';
import { createSearchCache } from '../lib/background/search-cache';
import { migrateLegacySettings } from '../lib/background/settings-migration';
import { openDigestDb } from '../lib/db/open';
import { getPaper } from '../lib/db/queries';
import { getSettings } from '../lib/db/settings-store';
import { createOffscreenClient, type OffscreenEnv } from '../lib/gen/chrome-ai/offscreen-client';
import { createGenService } from '../lib/gen/service';
import { HF_HOST_PERMISSION } from '../lib/hf/api';
import { originPattern, PORTS_IN_PATTERNS } from '../lib/host-permission';
import { GEN_PORT } from '../lib/messages';
import { createSyncRunner } from '../lib/sync/runner';
import { rescheduleAt } from '../lib/sync/schedule';

const SYNC_ALARM = 'sync';
/** While a run is going, an alarm this far ahead resumes it if the worker is killed mid-sync. */
const RESUME_GUARD_MS = 2 * 60_000;
const WARM_DELAY_MS = 1_500;

export default defineBackground(() => {
  const originPermitted = (origin: string) =>
    browser.permissions.contains({ origins: [originPattern(origin, PORTS_IN_PATTERNS)] });
  // Privileged settings live in the database, never trusted from storage.local (lib/setting-defaults.ts); an older
  // version's are moved there once, as part of opening. A failed open (a newer version's database) is retried.
  const db = dbHandle(async () => {
    const opened = await openDigestDb();
    await migrateLegacySettings(opened, browser.storage.local, originPermitted).catch(() => undefined);
    return opened;
  });
  const searchCache = createSearchCache(db);
  const latest = memo(async () => latestDigestAnswer(await db()));
  /** The stored data changed (a day written, an import, a clear): answers kept in memory are dropped. */
  const dataChanged = () => {
    searchCache.invalidate();
    latest.invalidate();
  };

  const runner = createSyncRunner(
    async () => {
      await browser.alarms.create(SYNC_ALARM, { when: Date.now() + RESUME_GUARD_MS });
      const database = await db();
      const settings = await getSettings(database);
      return {
        db: database,
        fetch: (url, init) => fetch(url, init),
        baseUrl: settings.sourceUrl,
        intervalHours: settings.syncIntervalHours,
        onProgress: dataChanged,
      };
    },
    {
      onFinish: async (report) => {
        dataChanged();
        await browser.alarms.create(SYNC_ALARM, { when: report.nextRun });
      },
    },
  );

  // Chrome's on-device APIs run in an offscreen document (workers do not have them); Firefox has neither.
  const chromeApi = (globalThis as { chrome?: OffscreenEnv }).chrome;
  const offscreen = chromeApi?.offscreen ? createOffscreenClient(chromeApi) : null;
  const provider = providerFactory({
    db,
    fetch: (url, init) => fetch(url, init),
    online: () => navigator.onLine,
    chromeAi: () => offscreen,
  });
  // A new summary changes only what search finds among summaries (not the digest index, ~1 s to rebuild).
  const gen = createGenService({ db, provider, onStored: () => searchCache.invalidateSummaries() });

  const handlers = createHandlers({
    db,
    runner,
    search: (query, limit) => searchCache.search(query, limit),
    openTab: readerTabOpener(browser, browser.runtime.getURL('/reader.html')),
    openOptions: () => browser.runtime.openOptionsPage(),
    onDataChanged: dataChanged,
    onSummariesChanged: () => searchCache.invalidateSummaries(),
    latestDigest: latest.get,
    hf: {
      fetch: (url, init) => fetch(url, init),
      online: () => navigator.onLine,
      permitted: () => browser.permissions.contains({ origins: [HF_HOST_PERMISSION] }),
    },
    originPermitted,
    provider,
    onSettingsChanged: async (before, after) => {
      // A new source: the run against the old one must not go on.
      if (after.sourceUrl !== before.sourceUrl) void runner.restart();
      else if (after.syncIntervalHours !== before.syncIntervalHours && !runner.running) {
        const when = await rescheduleAt(await db(), Date.now(), after.syncIntervalHours);
        await browser.alarms.create(SYNC_ALARM, { when });
      }
    },
  });
  const senderContext = { extensionId: browser.runtime.id, extensionOrigin: browser.runtime.getURL('/') };
  browser.runtime.onMessage.addListener((raw, sender) => {
    // The popup or reader just opened: build the search index once their first requests are answered, so a search
    // typed a moment later does not wait for it (built in this thread in slices, other messages answered between).
    if ((raw as { type?: unknown } | null)?.type === 'getLatestDigest') {
      searchCache.warmSoon(WARM_DELAY_MS, () => !runner.running);
    }
    return handlers.handleMessage(raw, sender, senderContext);
  });

  browser.runtime.onConnect.addListener((port) => {
    if (port.name === GEN_PORT) serveGenPort(port, gen, senderContext);
  });

  browser.runtime.onInstalled.addListener(() => void runner.run());
  browser.runtime.onStartup.addListener(() => void runner.run());
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) void runner.run();
  });

  // MV3 (Chrome) has `action`, the MV2 Firefox build `browserAction`.
  const action = browser.action ?? browser.browserAction;
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.url === undefined && change.status !== 'loading') return;
    badgeTextFor(tab.url, async (id) => getPaper(await db(), id))
      .then((text) => action.setBadgeText({ tabId, text }))
      .catch(() => undefined); // the tab may be gone by now
  });
});
