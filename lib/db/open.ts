/**
 * Opening the digest database: `openDigestDb()` uses the global `indexedDB` (tests install fake-indexeddb's
 * `IDBFactory` there). Another tab/worker holding an older version is asked to close via `blocking`.
 */
import { openDB } from 'idb';
import { DB_NAME, DB_VERSION, type DigestDBv4, type DigestDb, upgrade } from './schema';

export async function openDigestDb(name: string = DB_NAME): Promise<DigestDb> {
  const db = await openDB<DigestDBv4>(name, DB_VERSION, {
    upgrade(database, oldVersion, _newVersion, tx) {
      upgrade(database, oldVersion, tx);
    },
    blocking() {
      // A newer version wants to open (extension updated): let it, this connection is stale.
      db.close();
    },
  });
  return db;
}
