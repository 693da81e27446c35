/** The settings the content script needs, read in one storage call (same keys as the items in lib/settings.ts). */
import { browser } from 'wxt/browser';
import { SETTING_DEFAULTS, SETTING_KEYS, type Settings, type UiLanguage } from '../setting-defaults';

const UI_LANGUAGES: readonly UiLanguage[] = ['auto', 'ko', 'en'];

export async function readSettings(): Promise<Settings> {
  const stored = (await browser.storage.local.get(Object.values(SETTING_KEYS))) as Partial<Settings>;
  const out = { ...SETTING_DEFAULTS };
  for (const key of Object.keys(SETTING_KEYS) as (keyof Settings)[]) {
    const v = stored[key];
    if (v === undefined || v === null || typeof v !== typeof SETTING_DEFAULTS[key]) continue;
    if (key === 'uiLanguage' && !UI_LANGUAGES.includes(v as UiLanguage)) continue;
    Object.assign(out, { [key]: v });
  }
  return out;
}

export async function rememberPanelCollapsed(collapsed: boolean): Promise<void> {
  await browser.storage.local.set({ [SETTING_KEYS.panelCollapsed]: collapsed });
}
