/** User settings, kept in browser.storage.local through WXT storage items (shared by background and pages). */
import { storage } from 'wxt/utils/storage';
import { SETTING_DEFAULTS as D, SETTING_KEYS as K, type UiLanguage } from './setting-defaults';

export { DEFAULT_SOURCE_URL, DEFAULT_SYNC_HOURS, type UiLanguage } from './setting-defaults';

export const sourceUrlItem = storage.defineItem<string>(`local:${K.sourceUrl}`, { fallback: D.sourceUrl });
export const syncIntervalHoursItem = storage.defineItem<number>(`local:${K.syncIntervalHours}`, {
  fallback: D.syncIntervalHours,
});
export const uiLanguageItem = storage.defineItem<UiLanguage>(`local:${K.uiLanguage}`, { fallback: D.uiLanguage });
/** Whether the panel starts collapsed on a new page; toggling the panel stores the choice here. */
export const panelCollapsedItem = storage.defineItem<boolean>(`local:${K.panelCollapsed}`, {
  fallback: D.panelCollapsed,
});
export const listingBadgesItem = storage.defineItem<boolean>(`local:${K.listingBadges}`, {
  fallback: D.listingBadges,
});
export const hfDailyItem = storage.defineItem<boolean>(`local:${K.hfDaily}`, { fallback: D.hfDaily });
export const hfLiveVotesItem = storage.defineItem<boolean>(`local:${K.hfLiveVotes}`, { fallback: D.hfLiveVotes });
/** Load thumbnails and videos as soon as they are shown, instead of on the user's click (off: see setting-defaults). */
export const autoLoadMediaItem = storage.defineItem<boolean>(`local:${K.autoLoadMedia}`, {
  fallback: D.autoLoadMedia,
});
