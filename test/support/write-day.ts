/** One day written alone: `writeDays` with one day (the sync always writes lists of days; tests often write one). */
import type { DigestDb } from '../../lib/db/schema';
import { type DayMeta, type WriteDayResult, writeDays } from '../../lib/db/write-day';
import type { ParsedDigest } from '../../lib/digest/types';

export async function writeDay(db: DigestDb, parsed: ParsedDigest, meta: DayMeta): Promise<WriteDayResult> {
  const [r] = await writeDays(db, [{ parsed, meta }]);
  return r as WriteDayResult;
}
