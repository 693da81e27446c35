/**
 * The options page's controller: settings (display choices through WXT storage items; privileged settings through
 * the background's `getSettings` / `setSettings`), storage info, and the data actions (source URL with its host
 * permission, export, import, clear). Components get plain values and callbacks from here.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { errorMessage } from '../../error-text';
import { exportFileName, MAX_EXPORT_BYTES, parseExport } from '../../export-format';
import { HF_HOST_PERMISSION } from '../../hf/api';
import { originPattern, PORTS_IN_PATTERNS } from '../../host-permission';
import { loadLanguage, t } from '../../i18n';
import { MAX_IMPORT_CHARS } from '../../messages';
import type { SyncStatus } from '../../records';
import { send } from '../../send';
import {
  DEFAULT_SOURCE_URL,
  type DisplaySettings,
  isPrivilegedKey,
  type Settings,
  type UiLanguage,
} from '../../setting-defaults';
import {
  autoLoadMediaItem,
  listingBadgesItem,
  offerDismissedItem,
  panelCollapsedItem,
  uiLanguageItem,
} from '../../settings';
import { validateSourceUrl } from '../../sync/source';
import { errorText } from '../page';
import { importNotesText } from './import-notes';
import { type Feedback, failure } from './use-action';

/** The storage item of each display setting (privileged ones go through the background). */
const ITEMS: {
  [K in keyof DisplaySettings]: {
    getValue(): Promise<DisplaySettings[K]>;
    setValue(v: DisplaySettings[K]): Promise<void>;
  };
} = {
  uiLanguage: uiLanguageItem,
  panelCollapsed: panelCollapsedItem,
  listingBadges: listingBadgesItem,
  autoLoadMedia: autoLoadMediaItem,
  offerDismissed: offerDismissedItem,
};

export interface StorageInfo {
  bytes: number;
  quota: number | null;
  paperCount: number;
}

export async function loadSettings(): Promise<Settings> {
  const keys = Object.keys(ITEMS) as (keyof DisplaySettings)[];
  const [values, privileged] = await Promise.all([
    Promise.all(keys.map((k) => ITEMS[k].getValue())),
    send('getSettings', {}),
  ]);
  return { ...(Object.fromEntries(keys.map((k, i) => [k, values[i]])) as DisplaySettings), ...privileged.settings };
}

/** Stores one setting where it lives: a display choice in storage.local, a privileged one through the background. */
export async function storeSetting<K extends keyof Settings>(key: K, value: Settings[K]): Promise<void> {
  if (isPrivilegedKey(key)) await send('setSettings', { patch: { [key]: value } });
  else await ITEMS[key as keyof DisplaySettings].setValue(value as never);
}

/**
 * Turning a Hugging Face feature on asks for the huggingface.co host permission first, so this must be called
 * straight from the change handler (the request needs the user gesture). Resolves to whether the feature may be on.
 * Turning one off saves at once; when both are off the permission is given back.
 */
export async function hfPermissionFor(on: boolean, otherOn: boolean): Promise<boolean> {
  if (on) return browser.permissions.request({ origins: [HF_HOST_PERMISSION] });
  if (!otherOn) await browser.permissions.remove({ origins: [HF_HOST_PERMISSION] }).catch(() => false);
  return true;
}

/**
 * Saves a source URL. Must be called directly from the click/submit handler: the host permission request needs the
 * user gesture, so it is the first asynchronous step. The default upstream needs no request (it is a declared host
 * permission). Refuses to save when the URL is invalid or the permission is denied.
 */
export async function saveSourceUrl(input: string): Promise<Feedback & { url?: string }> {
  const check = validateSourceUrl(input);
  if (!check.ok) return { kind: 'error', text: t('options_sourceInvalid', errorMessage(check.error)) };
  const url = check.url;
  if (url !== DEFAULT_SOURCE_URL) {
    const origin = new URL(url).origin;
    let granted: boolean;
    try {
      granted = await browser.permissions.request({ origins: [originPattern(origin, PORTS_IN_PATTERNS)] });
    } catch (e) {
      return { kind: 'error', text: t('options_permissionError', origin, errorText(e)) };
    }
    if (!granted) return { kind: 'error', text: t('options_permissionDenied', origin) };
  }
  try {
    await send('setSettings', { patch: { sourceUrl: url } });
  } catch (e) {
    return failure(e);
  }
  return { kind: 'ok', text: t('options_sourceSaved'), url };
}

/** Reads, validates and imports one export file. A bad file sends nothing and changes nothing. */
export async function importFile(file: File): Promise<Feedback> {
  if (file.size > MAX_EXPORT_BYTES) return { kind: 'error', text: t('options_importTooLarge', file.name) };
  const text = await file.text();
  if (text.length > MAX_IMPORT_CHARS) return { kind: 'error', text: t('options_importTooLarge', file.name) };
  const parsed = parseExport(text);
  if (!parsed.ok) return { kind: 'error', text: t('options_importRefused', errorMessage(parsed.error)) };
  try {
    const r = await send('importData', { json: text });
    // What the background normalised (its own parse of the same text), after the counts.
    return { kind: 'ok', text: [t('options_importDone', r.added, r.updated), ...importNotesText(r.notes)].join(' ') };
  } catch (e) {
    return { kind: 'error', text: t('options_importFailed', errorText(e)) };
  }
}

/** Asks the background for the export and downloads it through a Blob URL and an `<a download>`. */
export async function downloadExport(now: number = Date.now()): Promise<Feedback> {
  const { json } = await send('exportData', {});
  const name = exportFileName(now);
  const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
  try {
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    a.rel = 'noopener';
    document.body.append(a);
    a.click();
    a.remove();
  } finally {
    // Give the download a moment to start before the URL goes away.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
  return { kind: 'ok', text: t('options_exportDone', name) };
}

export interface OptionsController {
  settings: Settings | null;
  /** Why the settings could not be read (e.g. a newer version's database), in the UI language; null when they were. */
  loadError: string | null;
  storage: StorageInfo | null;
  /** Bumped when the UI language changes, so the page re-renders with the new strings. */
  langVersion: number;
  setSetting<K extends keyof Settings>(key: K, value: Settings[K]): Promise<void>;
  refreshStorage(): Promise<void>;
  clearData(): Promise<{ feedback: Feedback; status?: SyncStatus }>;
}

export function useOptions(): OptionsController {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [storage, setStorage] = useState<StorageInfo | null>(null);
  const [langVersion, setLangVersion] = useState(0);

  const refreshStorage = useCallback(async () => {
    try {
      setStorage(await send('storageInfo', {}));
    } catch {
      setStorage(null);
    }
  }, []);

  useEffect(() => {
    loadSettings().then(setSettings, (e: unknown) => setLoadError(errorText(e)));
    void refreshStorage();
  }, [refreshStorage]);

  const setSetting = useCallback(async <K extends keyof Settings>(key: K, value: Settings[K]) => {
    await storeSetting(key, value);
    setSettings((s) => (s ? { ...s, [key]: value } : s));
    if (key === 'uiLanguage') {
      await loadLanguage(value as UiLanguage);
      setLangVersion((n) => n + 1);
    }
  }, []);

  const clearData = useCallback(async () => {
    try {
      const { status } = await send('clearData', {});
      await refreshStorage();
      return { feedback: { kind: 'ok' as const, text: t('options_cleared') }, status };
    } catch (e) {
      return { feedback: failure(e) };
    }
  }, [refreshStorage]);

  return { settings, loadError, storage, langVersion, setSetting, refreshStorage, clearData };
}
