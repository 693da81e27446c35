/**
 * A run's progress over its planned day files: every settled file is reported to `onProgress`, and about every 5 %
 * the count is stored in `meta['sync'].progress` (a popup opened later reads it from there).
 */
import type { DigestDb } from '../db/schema';
import { updateSyncMeta } from '../db/sync-state';
import type { SyncProgress } from '../records';

export interface ProgressCounter {
  readonly done: number;
  /** Reports and stores 0 of `total`. */
  start(): Promise<void>;
  /** One more file settled. Never rejects. */
  step(): Promise<void>;
}

export function createProgress(db: DigestDb, total: number, onProgress?: (p: SyncProgress) => void): ProgressCounter {
  let done = 0;
  const every = Math.max(1, Math.ceil(total / 20));
  return {
    get done() {
      return done;
    },
    async start() {
      onProgress?.({ done, total });
      await updateSyncMeta(db, { progress: { done, total } });
    },
    async step() {
      done++;
      onProgress?.({ done, total });
      if (done % every === 0 && done < total) {
        await updateSyncMeta(db, { progress: { done, total } }).catch(() => {});
      }
    },
  };
}
