/** Privileged settings move from storage.local into the database once, taking only what the user could have set. */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { migrateLegacySettings } from '../../lib/background/settings-migration';
import { openDigestDb } from '../../lib/db/open';
import type { DigestDb } from '../../lib/db/schema';
import { getSettings, putSettings } from '../../lib/db/settings-store';
import { PRIVILEGED_DEFAULTS } from '../../lib/setting-defaults';

const MIRROR = 'https://mirror.example.org/daily_papers_ko/';

function fakeLocal(initial: Record<string, unknown>) {
  const data = { ...initial };
  return {
    data,
    async get(keys: string[]) {
      return Object.fromEntries(keys.filter((k) => k in data).map((k) => [k, data[k]]));
    },
    async remove(keys: string[]) {
      for (const k of keys) delete data[k];
    },
  };
}

let db: DigestDb;
beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  db = await openDigestDb();
});

describe('migrateLegacySettings', () => {
  it('moves what the options page had saved (permissions held) and clears the old keys', async () => {
    const local = fakeLocal({
      sourceUrl: MIRROR,
      syncIntervalHours: 12,
      hfDaily: false,
      hfLiveVotes: true,
      panelCollapsed: true,
    });
    const granted = new Set(['https://mirror.example.org', 'https://huggingface.co']);
    await migrateLegacySettings(db, local, async (o) => granted.has(o));
    expect(await getSettings(db)).toEqual({
      ...PRIVILEGED_DEFAULTS,
      sourceUrl: MIRROR,
      syncIntervalHours: 12,
      hfDaily: false,
      hfLiveVotes: true,
    });
    // display choices stay where content scripts read them; privileged keys are gone
    expect(local.data).toEqual({ panelCollapsed: true });
  });

  it('a source or live votes without their permission (a content script could have written them) take defaults', async () => {
    const local = fakeLocal({ sourceUrl: 'https://evil.example/x/', hfLiveVotes: true, syncIntervalHours: 'soon' });
    await migrateLegacySettings(db, local, async () => false);
    expect(await getSettings(db)).toEqual(PRIVILEGED_DEFAULTS);
  });

  it('runs once: later writes to storage.local are ignored and removed', async () => {
    await putSettings(db, { syncIntervalHours: 24 });
    const local = fakeLocal({ sourceUrl: MIRROR, syncIntervalHours: 1 });
    expect(await migrateLegacySettings(db, local, async () => true)).toBeNull();
    expect(await getSettings(db)).toMatchObject({ sourceUrl: PRIVILEGED_DEFAULTS.sourceUrl, syncIntervalHours: 24 });
    expect(local.data).toEqual({});
  });
});
