/**
 * The sync and data handlers: the sync status, "Sync now", export, import, "Clear all data" and storage use.
 * - `syncNow` starts a run (or joins the running one) and answers at once with the status (running: true); the popup
 *   polls `getSyncStatus` for progress.
 * - `importData` validates with lib/export-format.ts `parseExport` and merges all or nothing (lib/db/data-io); the
 *   reply carries parseExport's notes (what was normalised).
 * - `clearData` stops a running sync, deletes every digest, paper and sync record, starts no new sync; settings, the
 *   API key and the generated summaries are kept (lib/db/data-io.ts `clearAll`).
 */
import { clearAll, exportAll, importRecords } from '../db/data-io';
import { counts } from '../db/queries';
import { getSyncStatus } from '../db/sync-state';
import { CodedError } from '../errors';
import { buildExport, parseExport, serializeExport } from '../export-format';
import type { HandlerContext, HandlersOf, StorageEstimateLike } from './handler-deps';

function defaultEstimate(): Promise<StorageEstimateLike> {
  const storage = (globalThis as { navigator?: { storage?: { estimate?: () => Promise<StorageEstimateLike> } } })
    .navigator?.storage;
  return storage?.estimate ? storage.estimate() : Promise.resolve({});
}

export function dataHandlers({
  deps,
  db,
  now,
}: HandlerContext): HandlersOf<
  'getSyncStatus' | 'syncNow' | 'exportData' | 'importData' | 'clearData' | 'storageInfo'
> {
  const status = async () => ({ status: await getSyncStatus(await db(), deps.runner.live()) });
  return {
    getSyncStatus: status,
    syncNow: async () => {
      void deps.runner.run();
      return status();
    },
    exportData: async () => {
      const { digests, papers, summaries } = await exportAll(await db());
      return { json: serializeExport(buildExport(digests, papers, now(), summaries)) };
    },
    importData: async ({ json }) => {
      const parsed = parseExport(json, now());
      if (!parsed.ok) throw new CodedError(parsed.error);
      const { digests, papers, summaries } = parsed.file;
      const result = await importRecords(await db(), digests, papers, summaries);
      await deps.onDataChanged?.();
      return { ...result, notes: parsed.notes };
    },
    clearData: async () => {
      // No run may start (alarm, "Sync now") while the database is being emptied.
      await deps.runner.paused(async () => clearAll(await db()));
      await deps.onDataChanged?.();
      return status();
    },
    storageInfo: async () => {
      const [estimate, c] = await Promise.all([(deps.estimate ?? defaultEstimate)(), db().then(counts)]);
      return { bytes: estimate.usage ?? 0, quota: estimate.quota ?? null, paperCount: c.papers };
    },
  };
}
