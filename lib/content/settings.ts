/**
 * The display settings the content script needs, read in one storage call (same keys as the items in
 * lib/settings.ts). Privileged settings are not read here: what the panel needs of them (the source for the digest
 * link, whether live votes are on) comes with the background's `getPaper` answer.
 */
import { browser } from 'wxt/browser';
import { DISPLAY_DEFAULTS, DISPLAY_KEYS, type DisplaySettings, type UiLanguage } from '../setting-defaults';

const UI_LANGUAGES: readonly UiLanguage[] = ['auto', 'ko', 'en'];

export async function readSettings(): Promise<DisplaySettings> {
  const stored = (await browser.storage.local.get(DISPLAY_KEYS)) as Partial<DisplaySettings>;
  const out = { ...DISPLAY_DEFAULTS };
  for (const key of DISPLAY_KEYS) {
    const v = stored[key];
    if (v === undefined || v === null || typeof v !== typeof DISPLAY_DEFAULTS[key]) continue;
    if (key === 'uiLanguage' && !UI_LANGUAGES.includes(v as UiLanguage)) continue;
    Object.assign(out, { [key]: v });
  }
  return out;
}

async function remember<K extends keyof DisplaySettings>(key: K, value: DisplaySettings[K]): Promise<void> {
  await browser.storage.local.set({ [key]: value });
}

export const rememberPanelCollapsed = (collapsed: boolean) => remember('panelCollapsed', collapsed);
export const rememberOfferDismissed = () => remember('offerDismissed', true);
