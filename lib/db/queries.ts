/**
 * Read-only queries the background answers messages with. All take an open `DigestDb`.
 * - getPaper(db, id) → StoredPaper | null
 * - getPapers(db, ids) → the stored ones, in the order asked
 * - getBadges(db, ids) → PaperBadge[] for the stored ones, in the order asked
 * - getDigest(db, date) / getLatestDigest(db) → { digest, papers in the digest's order }
 * - listDays(db) → DaySummary[] newest first
 * - counts(db) → { papers, digests, newestDate }: the one count of stored papers (distinct arXiv ids) every view shows
 */
import type { DaySummary, PaperBadge, StoredDigest, StoredPaper } from '../records';
import type { DigestDb } from './schema';

export interface DigestWithPapers {
  digest: StoredDigest | null;
  papers: StoredPaper[];
}

export interface Counts {
  /** Distinct papers (one record per arXiv id, however many days list it). */
  papers: number;
  digests: number;
  newestDate: string | null;
}

export async function getPaper(db: DigestDb, arxivId: string): Promise<StoredPaper | null> {
  return (await db.get('papers', arxivId)) ?? null;
}

/** The stored papers of `arxivIds`, in the order asked (ids with no paper left out), read in one transaction. */
export async function getPapers(db: DigestDb, arxivIds: readonly string[]): Promise<StoredPaper[]> {
  const store = db.transaction('papers').store;
  const found = await Promise.all(arxivIds.map((id) => store.get(id)));
  return found.filter((p): p is StoredPaper => p !== undefined);
}

export async function getBadges(db: DigestDb, arxivIds: readonly string[]): Promise<PaperBadge[]> {
  const papers = await getPapers(db, [...new Set(arxivIds)]);
  return papers.map((p) => ({ arxivId: p.arxivId, votes: p.votes, date: p.date }));
}

async function withPapers(db: DigestDb, digest: StoredDigest | undefined): Promise<DigestWithPapers> {
  if (!digest) return { digest: null, papers: [] };
  return { digest, papers: await getPapers(db, digest.paperIds) };
}

export async function getDigest(db: DigestDb, date: string): Promise<DigestWithPapers> {
  return withPapers(db, await db.get('digests', date));
}

export async function getLatestDigest(db: DigestDb): Promise<DigestWithPapers> {
  const cursor = await db.transaction('digests').store.openCursor(null, 'prev');
  return withPapers(db, cursor?.value);
}

export async function listDays(db: DigestDb): Promise<DaySummary[]> {
  const days: DaySummary[] = [];
  let cursor = await db.transaction('digests').store.openCursor(null, 'prev');
  while (cursor) {
    days.push({ date: cursor.value.date, paperCount: cursor.value.paperIds.length });
    cursor = await cursor.continue();
  }
  return days;
}

export async function counts(db: DigestDb): Promise<Counts> {
  const tx = db.transaction(['papers', 'digests']);
  const [papers, digests, newest] = await Promise.all([
    tx.objectStore('papers').count(),
    tx.objectStore('digests').count(),
    tx.objectStore('digests').openKeyCursor(null, 'prev'),
  ]);
  return { papers, digests, newestDate: newest ? newest.key : null };
}

/**
 * Every stored paper, in key order, read in pages of `pageSize` within one transaction (one consistent view): the
 * worker decodes one page at a time and answers other messages between pages, where one `getAll` of ~10 MB held
 * its thread for the whole decoding.
 */
export async function allPapersInPages(db: DigestDb, pageSize = 500): Promise<StoredPaper[]> {
  const store = db.transaction('papers').store;
  const out: StoredPaper[] = [];
  let after: IDBKeyRange | null = null;
  for (;;) {
    const page = await store.getAll(after, pageSize);
    for (const p of page) out.push(p);
    const last = page.at(-1);
    if (!last || page.length < pageSize) return out;
    after = IDBKeyRange.lowerBound(last.arxivId, true);
  }
}
