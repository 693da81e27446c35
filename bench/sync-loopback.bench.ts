/**
 * Sync over loopback in Node (fake-indexeddb): the whole corpus (../shared/digest-corpus) served by the test
 * corpus server, synced into an empty database (backfill), then synced again with nothing changed (no-op).
 * Figures: `sync.node_backfill` and `sync.node_noop` (s, median of 3 fresh runs each), `sync.backfill_bytes`
 * and `sync.noop_bytes` (body bytes the client downloaded, index included; checked against what the server sent).
 * The Chromium figure is measured elsewhere.
 */
import 'fake-indexeddb/auto';
import { performance } from 'node:perf_hooks';
import { CORPUS_DIR, hasShared } from '../test/support/shared';
import type { Report } from './run';

const PASSES = 3;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

export async function run(report: Report): Promise<void> {
  if (!hasShared) {
    console.error(`sync-loopback: skipped, ../shared not found at ${CORPUS_DIR}`);
    return;
  }
  const { IDBFactory } = await import('fake-indexeddb');
  const { openDigestDb } = await import('../lib/db/open');
  const { runSync } = await import('../lib/sync/run');
  const { startCorpusServer } = await import('../test/support/corpus-server');

  const server = await startCorpusServer(CORPUS_DIR);
  const saved = globalThis.indexedDB;
  const backfill: number[] = [];
  const noop: number[] = [];
  let backfillBytes = 0;
  let noopBytes = 0;
  try {
    for (let pass = 0; pass < PASSES; pass++) {
      globalThis.indexedDB = new IDBFactory();
      const db = await openDigestDb();
      const deps = { db, fetch: (u: string, i?: RequestInit) => fetch(u, i), baseUrl: server.baseUrl };

      server.resetCounts();
      let t0 = performance.now();
      const first = await runSync(deps);
      backfill.push((performance.now() - t0) / 1000);
      if (!first.ok || first.written !== 311) throw new Error(`backfill failed: ${first.error ?? first.written}`);
      if (first.bytes !== server.total().bytes) throw new Error('client and server disagree on bytes');
      backfillBytes = first.bytes;

      server.resetCounts();
      t0 = performance.now();
      const second = await runSync(deps);
      noop.push((performance.now() - t0) / 1000);
      if (!second.ok) throw new Error(`no-op sync failed: ${second.error}`);
      noopBytes = server.total().bytes;
      db.close();
    }
  } finally {
    globalThis.indexedDB = saved;
    await server.close();
  }
  report('sync.node_backfill', median(backfill), 's');
  report('sync.node_noop', median(noop), 's');
  report('sync.node_backfill_bytes', backfillBytes, 'bytes');
  report('sync.node_noop_bytes', noopBytes, 'bytes');
}
