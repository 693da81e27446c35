/**
 * Databases as older versions' code created them: frozen copies of the v1, v2 and v3 steps of lib/db/schema.ts (which
 * must never change), filled with the given records, for the migration tests (test/unit/db-schema.test.ts, and over
 * the whole corpus test/corpus/db-schema.test.ts).
 */
import { type IDBPDatabase, type IDBPTransaction, openDB } from 'idb';
import { DB_NAME, type FileState } from '../../lib/db/schema';
import type { StoredDigest, StoredPaper } from '../../lib/records';

type UpgradeDb = IDBPDatabase<unknown>;
type UpgradeTx = IDBPTransaction<unknown, string[], 'versionchange'>;

/** The v1 step as it shipped (frozen: the v1 step of lib/db/schema.ts must never change). */
function v1Step(d: UpgradeDb): void {
  d.createObjectStore('papers', { keyPath: 'arxivId' });
  d.createObjectStore('digests', { keyPath: 'date' });
  d.createObjectStore('meta');
}

/** The v2 step as it shipped (frozen). */
function v2Step(d: UpgradeDb, tx: UpgradeTx): void {
  d.createObjectStore('files', { keyPath: 'path' });
  tx.objectStore('papers').createIndex('by-date', 'date');
}

/** What v1 code created (frozen copy: the v1 step of lib/db/schema.ts must never change). */
export async function createV1(papers: StoredPaper[], digests: StoredDigest[], meta: Record<string, unknown>) {
  const db = await openDB(DB_NAME, 1, {
    upgrade(d) {
      v1Step(d);
    },
  });
  const tx = db.transaction(['papers', 'digests', 'meta'], 'readwrite');
  for (const p of papers) await tx.objectStore('papers').put(p);
  for (const d of digests) await tx.objectStore('digests').put(d);
  for (const [k, v] of Object.entries(meta)) await tx.objectStore('meta').put(v, k);
  await tx.done;
  db.close();
}

/** What v2 code created (frozen copy of the v1 and v2 steps), filled with the given records. */
export async function createV2(
  papers: StoredPaper[],
  digests: StoredDigest[],
  files: FileState[],
  meta: Record<string, unknown>,
) {
  const db = await openDB(DB_NAME, 2, {
    upgrade(d, _old, _new, tx) {
      v1Step(d);
      v2Step(d, tx);
    },
  });
  const tx = db.transaction(['papers', 'digests', 'files', 'meta'], 'readwrite');
  for (const p of papers) await tx.objectStore('papers').put(p);
  for (const d of digests) await tx.objectStore('digests').put(d);
  for (const f of files) await tx.objectStore('files').put(f);
  for (const [k, v] of Object.entries(meta)) await tx.objectStore('meta').put(v, k);
  await tx.done;
  db.close();
}

/** What v3 code created (frozen copy of the v1–v3 steps), filled with one record in every store. */
export async function createV3(records: Record<string, { key?: string; value: unknown }[]>) {
  const db = await openDB(DB_NAME, 3, {
    upgrade(d, _old, _new, tx) {
      v1Step(d);
      v2Step(d, tx);
      d.createObjectStore('hfDaily', { keyPath: 'date' });
      d.createObjectStore('hfVotes', { keyPath: 'arxivId' }).createIndex('by-fetchedAt', 'fetchedAt');
    },
  });
  const stores = Object.keys(records);
  const tx = db.transaction(stores, 'readwrite');
  for (const store of stores) {
    for (const r of records[store] ?? []) await tx.objectStore(store).put(r.value, r.key);
  }
  await tx.done;
  db.close();
}
