/** User settings, kept in browser.storage.local through WXT storage items (shared by background, pages, content). */
import { storage } from 'wxt/utils/storage';

export const DEFAULT_SOURCE_URL = 'https://raw.githubusercontent.com/l-yohai/daily_papers_ko/main/';
export const DEFAULT_SYNC_HOURS = 6;

export type UiLanguage = 'auto' | 'ko' | 'en';

export const sourceUrlItem = storage.defineItem<string>('local:sourceUrl', { fallback: DEFAULT_SOURCE_URL });
export const syncIntervalHoursItem = storage.defineItem<number>('local:syncIntervalHours', {
  fallback: DEFAULT_SYNC_HOURS,
});
export const uiLanguageItem = storage.defineItem<UiLanguage>('local:uiLanguage', { fallback: 'auto' });
/** Whether the panel starts collapsed on a new page; toggling the panel stores the choice here. */
export const panelCollapsedItem = storage.defineItem<boolean>('local:panelCollapsed', { fallback: false });
export const listingBadgesItem = storage.defineItem<boolean>('local:listingBadges', { fallback: true });
