/**
 * Writing days in tests: one day alone (`writeDays` with one day: the sync always writes lists of days), and the
 * same days written one by one or in batches of given sizes into a fresh database, to compare the two.
 */
import { IDBFactory } from 'fake-indexeddb';
import { openDigestDb } from '../../lib/db/open';
import type { DigestDb } from '../../lib/db/schema';
import { type DayMeta, type DayWrite, type WriteDayResult, writeDays } from '../../lib/db/write-day';
import type { Paper, ParsedDigest } from '../../lib/digest/types';

/** A day of `papers` as the sync would write it: one run, the upstream path, fetched at noon of that day. */
export function dayWrite(date: string, papers: Paper[]): DayWrite {
  const path = `paper_logs/${date.replaceAll('-', '/')}.md`;
  return {
    parsed: { path: null, date, runs: [{ date, line: 1, paperCount: papers.length }], papers, diagnostics: [] },
    meta: { date, path, etag: null, lastModified: null, fetchedAt: Date.parse(`${date}T12:00:00Z`), bytes: 100 },
  };
}

export async function writeDay(db: DigestDb, parsed: ParsedDigest, meta: DayMeta): Promise<WriteDayResult> {
  const [r] = await writeDays(db, [{ parsed, meta }]);
  return r as WriteDayResult;
}

/** A database in a new IndexedDB of its own. */
export async function freshDb(): Promise<DigestDb> {
  globalThis.indexedDB = new IDBFactory();
  return openDigestDb();
}

/** Every paper, digest and file state. */
export async function dump(db: DigestDb) {
  return {
    papers: await db.getAll('papers'),
    digests: await db.getAll('digests'),
    files: await db.getAll('files'),
  };
}

/** `days` written one at a time into a fresh database: the results and what is stored. */
export async function oneByOne(days: DayWrite[]) {
  const db = await freshDb();
  const results = [];
  for (const d of days) results.push(await writeDay(db, d.parsed, d.meta));
  const state = await dump(db);
  db.close();
  return { results, state };
}

/** `days` written in batches of `sizes` (repeated) into a fresh database: the results and what is stored. */
export async function batched(days: DayWrite[], sizes: number[]) {
  const db = await freshDb();
  const results = [];
  let at = 0;
  for (let i = 0; at < days.length; i++) {
    const n = sizes[i % sizes.length] as number;
    results.push(...(await writeDays(db, days.slice(at, at + n))));
    at += n;
  }
  const state = await dump(db);
  db.close();
  return { results, state };
}
