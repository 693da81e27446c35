/**
 * Setting names and defaults, with no storage code attached: the content script reads these few values directly
 * (lib/content/settings.ts) so its bundle stays small; everything else uses the storage items in lib/settings.ts.
 */
export const DEFAULT_SOURCE_URL = 'https://raw.githubusercontent.com/l-yohai/daily_papers_ko/main/';
export const DEFAULT_SYNC_HOURS = 6;

export type UiLanguage = 'auto' | 'ko' | 'en';

/** Keys in browser.storage.local. */
export const SETTING_KEYS = {
  sourceUrl: 'sourceUrl',
  syncIntervalHours: 'syncIntervalHours',
  uiLanguage: 'uiLanguage',
  panelCollapsed: 'panelCollapsed',
  listingBadges: 'listingBadges',
  hfDaily: 'hfDaily',
  hfLiveVotes: 'hfLiveVotes',
  autoLoadMedia: 'autoLoadMedia',
} as const;

export const SETTING_DEFAULTS = {
  sourceUrl: DEFAULT_SOURCE_URL,
  syncIntervalHours: DEFAULT_SYNC_HOURS,
  uiLanguage: 'auto' as UiLanguage,
  panelCollapsed: false,
  listingBadges: true,
  /** "Today on Hugging Face" in the popup: the daily list says nothing about the user, so it is on by default. */
  hfDaily: true,
  /** Live votes in the panel: each request tells Hugging Face which paper is read, so off until the user opts in. */
  hfLiveVotes: false,
  /**
   * Thumbnails and videos load only when the user asks (a button per paper): their URLs on Hugging Face's CDN carry
   * the paper id, so loading one tells that CDN which paper is read. On: they load as the panel or reader shows.
   */
  autoLoadMedia: false,
};

export type Settings = typeof SETTING_DEFAULTS;
