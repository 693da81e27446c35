/**
 * Korean summaries made on the user's side (v4 `summaries`). A summary is written whole once its answer is
 * complete (never a partial one); callers generate first and write afterwards, so no transaction waits for a model.
 * - getSummary(db, id) / putSummary(db, s) / deleteSummary(db, id) / clearSummaries(db)
 * - listSummaries(db) newest first, newestSummaries(db, max) the newest few; usageTotals(db) the running token total shown in the options
 */
import type { StoredSummary } from '../records';
import type { DigestDb } from './schema';

export async function getSummary(db: DigestDb, arxivId: string): Promise<StoredSummary | null> {
  return (await db.get('summaries', arxivId)) ?? null;
}

export async function putSummary(db: DigestDb, summary: StoredSummary): Promise<void> {
  await db.put('summaries', summary);
}

export async function deleteSummary(db: DigestDb, arxivId: string): Promise<boolean> {
  const tx = db.transaction('summaries', 'readwrite');
  const had = (await tx.store.getKey(arxivId)) !== undefined;
  if (had) await tx.store.delete(arxivId);
  await tx.done;
  return had;
}

/** Deletes every summary; returns how many there were. */
export async function clearSummaries(db: DigestDb): Promise<number> {
  const tx = db.transaction('summaries', 'readwrite');
  const n = await tx.store.count();
  await tx.store.clear();
  await tx.done;
  return n;
}

/** The newest `max` summaries, newest first (a cursor: no more are read). */
export async function newestSummaries(db: DigestDb, max: number): Promise<StoredSummary[]> {
  const out: StoredSummary[] = [];
  let cursor = await db.transaction('summaries').store.index('by-createdAt').openCursor(null, 'prev');
  while (cursor && out.length < max) {
    out.push(cursor.value);
    cursor = await cursor.continue();
  }
  return out;
}

/** Every summary, newest first. */
export async function listSummaries(db: DigestDb): Promise<StoredSummary[]> {
  return (await db.getAllFromIndex('summaries', 'by-createdAt')).reverse();
}

export interface UsageTotals {
  summaries: number;
  inputTokens: number;
  outputTokens: number;
}

export async function usageTotals(db: DigestDb): Promise<UsageTotals> {
  const out: UsageTotals = { summaries: 0, inputTokens: 0, outputTokens: 0 };
  let cursor = await db.transaction('summaries').store.openCursor();
  while (cursor) {
    out.summaries++;
    out.inputTokens += cursor.value.usage?.inputTokens ?? 0;
    out.outputTokens += cursor.value.usage?.outputTokens ?? 0;
    cursor = await cursor.continue();
  }
  return out;
}
