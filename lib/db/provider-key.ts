/**
 * The model endpoint's API key (`meta['providerKey']`), in the extension's IndexedDB where no content script can read
 * it (they read every storage.local and storage.sync key). Read only by the background, sent only to the endpoint the
 * user configured, never exported; pages get a masked hint.
 */
import type { DigestDb } from './schema';

const KEY = 'providerKey';
export const MAX_API_KEY_CHARS = 1000;

export async function getProviderKey(db: DigestDb): Promise<string | null> {
  const r = (await db.get('meta', KEY)) as { key?: unknown } | undefined;
  return typeof r?.key === 'string' && r.key !== '' ? r.key : null;
}

/** Stores `key`, or forgets it when `key` is ''. */
export async function setProviderKey(db: DigestDb, key: string): Promise<void> {
  if (key === '') await db.delete('meta', KEY);
  else await db.put('meta', { key }, KEY);
}

/** What the options page shows of a key: its last four characters behind dots (`••••abcd`), or null. */
export function keyHint(key: string | null): string | null {
  if (!key) return null;
  return `••••${key.length > 8 ? key.slice(-4) : ''}`;
}

/** A key as typed: printable ASCII without spaces, at most 1,000 characters ('' forgets the key). */
export function isApiKey(s: string): boolean {
  return s.length <= MAX_API_KEY_CHARS && /^[\x21-\x7e]*$/.test(s);
}
