/**
 * Schema upgrades with every record of the real corpus (what a full sync stores): a v1 database holding them opens
 * with the current code and keeps all of them, and so does a v2 one.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, expect, it } from 'vitest';
import { openDigestDb } from '../../lib/db/open';
import { DB_VERSION } from '../../lib/db/schema';
import { runSync } from '../../lib/sync/run';
import { startCorpusServer } from '../support/corpus-server';
import { createV1, createV2 } from '../support/legacy-db';
import { CORPUS_DIR, describeShared } from '../support/shared';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

describeShared('schema upgrade with the whole corpus', () => {
  it('v1 holding every corpus record → v2 keeps all of them, and v2 holding them → v3 too', async () => {
    const server = await startCorpusServer(CORPUS_DIR);
    try {
      // Real records: what a full sync stores.
      let db = await openDigestDb('source');
      await runSync({ db, fetch: (u, i) => fetch(u, i), baseUrl: server.baseUrl });
      const papers = await db.getAll('papers');
      const digests = await db.getAll('digests');
      db.close();
      expect(papers).toHaveLength(4671);
      expect(digests).toHaveLength(311);

      await createV1(papers, digests, { sync: { lastSuccess: 1, lastError: null, nextRun: 2, fileErrors: [] } });
      db = await openDigestDb();
      expect(await db.getAll('papers')).toEqual(papers);
      expect(await db.getAll('digests')).toEqual(digests);
      expect(await db.count('files')).toBe(311);
      const filesV2 = await db.getAll('files');
      const metaSync = await db.get('meta', 'sync');
      db.close();

      // The same real records written by v2 code → v3 keeps all of them.
      globalThis.indexedDB = new IDBFactory();
      await createV2(papers, digests, filesV2, { sync: metaSync });
      db = await openDigestDb();
      expect(db.version).toBe(DB_VERSION);
      expect(await db.getAll('papers')).toEqual(papers);
      expect(await db.getAll('digests')).toEqual(digests);
      expect(await db.getAll('files')).toEqual(filesV2);
      expect(await db.get('meta', 'sync')).toEqual(metaSync);
      db.close();
    } finally {
      await server.close();
    }
  });
});
