/** A database written by a newer version: every request fails with `dbNewer`, nothing is deleted, the next try reopens. */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import { dbHandle } from '../../lib/background/db-handle';
import { createHandlers } from '../../lib/background/handlers';
import { openDigestDb } from '../../lib/db/open';
import { DB_NAME, DB_VERSION } from '../../lib/db/schema';
import { envelope } from '../../lib/messages';

const EXT = 'abcdefghijklmnopabcdefghijklmnop';
const CTX = { extensionId: EXT, extensionOrigin: `chrome-extension://${EXT}/` };
const PAGE = { id: EXT, url: `chrome-extension://${EXT}/popup.html` };

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

async function writeNewerDatabase() {
  const newer = await openDB(DB_NAME, DB_VERSION + 1, {
    upgrade(db) {
      db.createObjectStore('papers', { keyPath: 'arxivId' });
      db.createObjectStore('fromTheFuture');
    },
  });
  await newer.put('papers', { arxivId: '2406.00001', title: 'kept' });
  newer.close();
}

describe('dbHandle', () => {
  it('answers every message with the dbNewer code, deletes nothing, and recovers once the database opens', async () => {
    await writeNewerDatabase();
    let opens = 0;
    let allowOpen = false;
    const db = dbHandle(async () => {
      opens++;
      if (allowOpen) return openDigestDb('other-name');
      return openDigestDb();
    });
    const h = createHandlers({
      db,
      runner: {
        run: async () => ({}) as never,
        live: () => ({ running: false, progress: null }),
        paused: async (f) => f(),
      },
      search: async () => ({ papers: [], total: 0 }),
      openTab: async () => undefined,
    });
    for (const raw of [envelope('getLatestDigest', {}), envelope('getSyncStatus', {})]) {
      expect(await h.handleMessage(raw, PAGE, CTX)).toMatchObject({ ok: false, code: 'dbNewer' });
    }
    expect(opens).toBe(2); // retried at each request, not stuck on the first failure
    const check = await openDB(DB_NAME);
    expect(check.version).toBe(DB_VERSION + 1);
    expect(await check.get('papers', '2406.00001')).toEqual({ arxivId: '2406.00001', title: 'kept' });
    check.close();
    allowOpen = true;
    expect(await h.handleMessage(envelope('getSyncStatus', {}), PAGE, CTX)).toMatchObject({ ok: true });
  });
});
