/**
 * Once, after an update from a version that kept the privileged settings in `storage.local`: they move into the
 * database (lib/db/settings-store.ts) and leave `storage.local`. A content script could have written those keys, so
 * a value is taken only when it is valid AND its host permission is granted (a custom source's origin, huggingface.co
 * for live votes): what the user set through the options page always had that permission. Everything else takes its
 * default. Later writes to those keys in `storage.local` are ignored for good.
 */

import type { DigestDb } from '../db/schema';
import { hasStoredSettings, putSettings } from '../db/settings-store';
import { HF_HOST_PERMISSION } from '../hf/api';
import { readStoredSettings } from '../privileged-settings';
import { DEFAULT_SOURCE_URL, PRIVILEGED_DEFAULTS, PRIVILEGED_KEYS, type PrivilegedSettings } from '../setting-defaults';

export interface LegacyStorage {
  get(keys: string[]): Promise<Record<string, unknown>>;
  remove(keys: string[]): Promise<void>;
}

/** Returns the settings it stored, or null when a settings record already existed (nothing done). */
export async function migrateLegacySettings(
  db: DigestDb,
  local: LegacyStorage,
  originPermitted: (origin: string) => Promise<boolean>,
): Promise<PrivilegedSettings | null> {
  if (await hasStoredSettings(db)) {
    await local.remove(PRIVILEGED_KEYS);
    return null;
  }
  const legacy = readStoredSettings(await local.get(PRIVILEGED_KEYS));
  const settings = { ...legacy };
  if (legacy.sourceUrl !== DEFAULT_SOURCE_URL && !(await originPermitted(new URL(legacy.sourceUrl).origin))) {
    settings.sourceUrl = PRIVILEGED_DEFAULTS.sourceUrl;
  }
  if (legacy.hfLiveVotes && !(await originPermitted(new URL(HF_HOST_PERMISSION).origin))) {
    settings.hfLiveVotes = false;
  }
  const { after } = await putSettings(db, settings);
  await local.remove(PRIVILEGED_KEYS);
  return after;
}
