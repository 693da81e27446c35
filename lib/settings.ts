/**
 * Display settings, kept in browser.storage.local through WXT storage items (pages; content scripts read the same
 * keys in lib/content/settings.ts). Privileged settings are not here: see lib/setting-defaults.ts.
 */
import { storage } from 'wxt/utils/storage';
import { DISPLAY_DEFAULTS as D } from './setting-defaults';

export { DEFAULT_SOURCE_URL, DEFAULT_SYNC_HOURS, type UiLanguage } from './setting-defaults';

export const uiLanguageItem = storage.defineItem<(typeof D)['uiLanguage']>('local:uiLanguage', {
  fallback: D.uiLanguage,
});
/** Whether the panel starts collapsed on a new page; toggling the panel stores the choice here. */
export const panelCollapsedItem = storage.defineItem<boolean>('local:panelCollapsed', { fallback: D.panelCollapsed });
export const listingBadgesItem = storage.defineItem<boolean>('local:listingBadges', { fallback: D.listingBadges });
export const autoLoadMediaItem = storage.defineItem<boolean>('local:autoLoadMedia', { fallback: D.autoLoadMedia });
/** Set when the user dismissed the "no Korean digest" note on arXiv pages (shown while no summary provider is chosen). */
export const offerDismissedItem = storage.defineItem<boolean>('local:offerDismissed', { fallback: D.offerDismissed });
