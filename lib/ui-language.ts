/** The UI language setting read straight from storage (no tables attached: the popup's <head> script reads it too). */
import { browser } from 'wxt/browser';
import type { DisplaySettings, UiLanguage } from './setting-defaults';

export async function readUiLanguage(): Promise<UiLanguage> {
  const key: keyof DisplaySettings = 'uiLanguage';
  const stored = (await browser.storage.local.get(key))[key];
  return stored === 'ko' || stored === 'en' ? stored : 'auto';
}
