/**
 * The privileged settings in the extension's IndexedDB (`meta['settings']`), where content scripts cannot reach
 * them (they run in the page's origin). Read and written only by the background.
 */
import { readStoredSettings, type SettingsPatch } from '../privileged-settings';
import type { PrivilegedSettings } from '../setting-defaults';
import type { DigestDb } from './schema';

export const SETTINGS_KEY = 'settings';

/** Whether a settings record exists (false before the first save or the migration from storage.local). */
export async function hasStoredSettings(db: DigestDb): Promise<boolean> {
  return (await db.get('meta', SETTINGS_KEY)) !== undefined;
}

export async function getSettings(db: DigestDb): Promise<PrivilegedSettings> {
  return readStoredSettings(await db.get('meta', SETTINGS_KEY));
}

/** Applies a validated patch in one transaction; returns the settings before and after. */
export async function putSettings(
  db: DigestDb,
  patch: SettingsPatch,
): Promise<{ before: PrivilegedSettings; after: PrivilegedSettings }> {
  const tx = db.transaction('meta', 'readwrite');
  const before = readStoredSettings(await tx.store.get(SETTINGS_KEY));
  const after = { ...before, ...patch };
  await tx.store.put(after, SETTINGS_KEY);
  await tx.done;
  return { before, after };
}
