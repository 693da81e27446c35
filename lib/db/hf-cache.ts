/**
 * The Hugging Face cache (v3 stores `hfDaily`, `hfVotes`, `meta['hf']`). Callers fetch and parse first and write
 * afterwards: no function here waits for the network inside a transaction.
 * - getNewestDaily(db) → the newest stored daily list, or null
 * - putDaily(db, record) stores a list and drops lists more than KEEP_DAILY_DAYS older than the newest
 * - getVote(db, id) / putVote(db, record) (putVote also drops counts older than VOTE_KEEP_MS)
 * - getHfMeta(db) / setHfRetryAfter(db, until)
 */
import { addDays } from '../dates';
import type { DigestDb, HfDailyRecord, HfMeta, HfVoteRecord } from './schema';

/** Daily lists kept before the newest one (the popup shows only the newest). */
export const KEEP_DAILY_DAYS = 14;
/** Live vote counts older than this are deleted when another one is written. */
export const VOTE_KEEP_MS = 7 * 86_400_000;

export async function getNewestDaily(db: DigestDb): Promise<HfDailyRecord | null> {
  const cursor = await db.transaction('hfDaily').store.openCursor(null, 'prev');
  return cursor?.value ?? null;
}

export async function putDaily(db: DigestDb, record: HfDailyRecord): Promise<void> {
  const tx = db.transaction('hfDaily', 'readwrite');
  const newest = (await tx.store.openKeyCursor(null, 'prev'))?.key;
  const top = newest && newest > record.date ? newest : record.date;
  await Promise.all([
    tx.store.put(record),
    tx.store.delete(IDBKeyRange.upperBound(addDays(top, -KEEP_DAILY_DAYS), true)),
    tx.done,
  ]);
}

export async function getVote(db: DigestDb, arxivId: string): Promise<HfVoteRecord | null> {
  return (await db.get('hfVotes', arxivId)) ?? null;
}

export async function putVote(db: DigestDb, record: HfVoteRecord): Promise<void> {
  const tx = db.transaction('hfVotes', 'readwrite');
  const old = tx.store.index('by-fetchedAt');
  const stale: Promise<void>[] = [];
  let cursor = await old.openKeyCursor(IDBKeyRange.upperBound(record.fetchedAt - VOTE_KEEP_MS, true));
  while (cursor) {
    stale.push(tx.store.delete(cursor.primaryKey));
    cursor = await cursor.continue();
  }
  await Promise.all([...stale, tx.store.put(record), tx.done]);
}

export async function getHfMeta(db: DigestDb): Promise<HfMeta> {
  const v = (await db.get('meta', 'hf')) as Partial<HfMeta> | undefined;
  return { retryAfterUntil: typeof v?.retryAfterUntil === 'number' ? v.retryAfterUntil : null };
}

export async function setHfRetryAfter(db: DigestDb, until: number | null): Promise<void> {
  const meta: HfMeta = { retryAfterUntil: until };
  await db.put('meta', meta, 'hf');
}
