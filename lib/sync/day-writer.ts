/**
 * `createDayWriter(db)`: group commit for the sync. `write(day)` resolves when the day is stored. While one
 * transaction commits, the days that arrive wait and then go together in the next one (at most `maxBatch`), so a
 * backfill is not paced by one commit per day (Chromium runs transactions over the same stores one after another)
 * while the first day still goes alone and at once. Each day stays whole in one transaction.
 *
 * A failed batch of several days is retried day by day, so one day that cannot be stored fails only itself.
 */
import type { DigestDb } from '../db/schema';
import { type DayWrite, type WriteDayResult, writeDays } from '../db/write-day';

interface Pending {
  day: DayWrite;
  resolve: (r: WriteDayResult) => void;
  reject: (e: unknown) => void;
}

export interface DayWriter {
  write(day: DayWrite): Promise<WriteDayResult>;
}

export function createDayWriter(db: DigestDb, maxBatch = 32, write: typeof writeDays = writeDays): DayWriter {
  const queue: Pending[] = [];
  let busy = false;

  const flush = async (): Promise<void> => {
    busy = true;
    while (queue.length > 0) {
      const batch = queue.splice(0, maxBatch);
      try {
        const results = await write(
          db,
          batch.map((p) => p.day),
        );
        batch.forEach((p, i) => {
          p.resolve(results[i] as WriteDayResult);
        });
      } catch (e) {
        if (batch.length === 1) (batch[0] as Pending).reject(e);
        else {
          for (const p of batch) {
            try {
              const [r] = await write(db, [p.day]);
              p.resolve(r as WriteDayResult);
            } catch (err) {
              p.reject(err);
            }
          }
        }
      }
    }
    busy = false;
  };

  return {
    write(day) {
      return new Promise<WriteDayResult>((resolve, reject) => {
        queue.push({ day, resolve, reject });
        if (!busy) void flush();
      });
    },
  };
}
