/**
 * Setting names and defaults, with no storage code attached. Two kinds, kept in two places:
 * - display choices (`DISPLAY_KEYS`): harmless, in `browser.storage.local`, read by content scripts directly
 *   (lib/content/settings.ts) and by pages through the storage items of lib/settings.ts;
 * - privileged settings (`PRIVILEGED_KEYS`: the source, the interval, the Hugging Face features): what makes the
 *   background fetch something. Content scripts can write `storage.local`, so these live in the extension's
 *   IndexedDB (lib/db/settings-store.ts) and change only through the `setSettings` message, which only extension
 *   pages may send (lib/messages.ts); rules in lib/privileged-settings.ts.
 */
export const DEFAULT_SOURCE_URL = 'https://raw.githubusercontent.com/l-yohai/daily_papers_ko/main/';
export const DEFAULT_SYNC_HOURS = 6;

export type UiLanguage = 'auto' | 'ko' | 'en';

/** Who writes Korean summaries for papers no digest covers: nobody (nothing is ever sent), Chrome, or a model. */
export type SummaryProvider = 'none' | 'chrome-ai' | 'openai' | 'anthropic';
export const SUMMARY_PROVIDERS: readonly SummaryProvider[] = ['none', 'chrome-ai', 'openai', 'anthropic'];

export const DISPLAY_DEFAULTS = {
  uiLanguage: 'auto' as UiLanguage,
  panelCollapsed: false,
  listingBadges: true,
  /**
   * Load thumbnails and videos as soon as the panel or reader shows them. Off: Hugging Face's media URLs carry the
   * paper id, so loading one tells that CDN which paper is read; the user presses `load-media` instead.
   */
  autoLoadMedia: false,
  /** The user dismissed the note on papers without a digest while no summary provider is chosen: not shown again. */
  offerDismissed: false,
};

export const PRIVILEGED_DEFAULTS = {
  sourceUrl: DEFAULT_SOURCE_URL,
  syncIntervalHours: DEFAULT_SYNC_HOURS,
  /** "Today on Hugging Face" in the popup: the daily list says nothing about the user, so it is on by default. */
  hfDaily: true,
  /** Live votes in the panel: each request tells Hugging Face which paper is read, so off until the user opts in. */
  hfLiveVotes: false,
  /** Korean summaries for papers without a digest: off until the user picks a provider. */
  summaryProvider: 'none' as SummaryProvider,
  /** The endpoint's base URL ('' = the provider's default, lib/gen/endpoint.ts). */
  providerBaseUrl: '',
  /** The model name ('' = the provider's default). */
  providerModel: '',
  /** Make a summary when a page without a digest opens, without a click (it sends the title and abstract). */
  autoSummarize: false,
};

export type DisplaySettings = typeof DISPLAY_DEFAULTS;
export type PrivilegedSettings = typeof PRIVILEGED_DEFAULTS;
/** Every setting, as the options page shows them. */
export type Settings = DisplaySettings & PrivilegedSettings;

/** Keys in browser.storage.local (display choices only). */
export const DISPLAY_KEYS = Object.keys(DISPLAY_DEFAULTS) as (keyof DisplaySettings)[];
/** Keys of the privileged settings (IndexedDB `meta['settings']`). `@__PURE__`: a bundle that does not use them (the
 * content scripts) drops them, and the privileged defaults with them. */
export const PRIVILEGED_KEYS = /* @__PURE__ */ Object.keys(PRIVILEGED_DEFAULTS) as (keyof PrivilegedSettings)[];

export function isPrivilegedKey(key: string): key is keyof PrivilegedSettings {
  return Object.hasOwn(PRIVILEGED_DEFAULTS, key);
}
