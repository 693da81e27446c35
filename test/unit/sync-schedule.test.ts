import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { openDigestDb } from '../../lib/db/open';
import type { DigestDb } from '../../lib/db/schema';
import { putFileState, updateSyncMeta } from '../../lib/db/sync-state';
import { HOUR, MINUTE } from '../../lib/sync/retry';
import { rescheduleAt } from '../../lib/sync/schedule';

const NOW = Date.parse('2025-05-10T12:00:00Z');
let db: DigestDb;
beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  db = await openDigestDb();
});

describe('rescheduleAt', () => {
  it('a new interval counts from the last run; a failed file due sooner comes first', async () => {
    await updateSyncMeta(db, { lastRunEndedAt: NOW - HOUR, nextRun: NOW + 5 * HOUR });
    expect(await rescheduleAt(db, NOW, 2)).toBe(NOW + HOUR);
    await putFileState(db, {
      path: 'paper_logs/2025/05/09.md',
      date: '2025-05-09',
      source: null,
      etag: null,
      lastModified: null,
      checkedAt: null,
      lastError: 'server error (503)',
      lastErrorAt: NOW - MINUTE,
      attempts: 3,
      nextRetryAt: NOW + 3 * MINUTE,
    });
    expect(await rescheduleAt(db, NOW, 2)).toBe(NOW + 3 * MINUTE);
  });
});
