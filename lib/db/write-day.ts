/**
 * `writeDay(db, parsed, meta)`: stores one fetched-and-parsed day in ONE readwrite transaction over
 * `papers`, `digests` and `files` (it awaits nothing but IDB requests, so the transaction cannot auto-commit
 * half-way; either the whole day is stored or none of it).
 *
 * Merging rules:
 * - A paper listed twice in the file (two runs of one day) is stored once, in first-occurrence order, with the
 *   data of its last occurrence (the later run).
 * - Each paper's `dates` gains the day (newest first, no duplicates). Its shown data (title, votes, authors,
 *   media, sections, `date`) is replaced only when this day is ≥ its newest stored date.
 * - When the day was stored before and the new parse lacks some stored ids, the stored ones are kept (union):
 *   if the new parse has FEWER papers, stored order first then the new ids; otherwise new order then the
 *   missing stored ids. A file-level diagnostic (line 0) records it.
 * - The file's sync state is reset: validators from this response, no error, attempts 0.
 */
import type { Diagnostic, Paper, ParsedDigest } from '../digest/types';
import type { StoredDigest, StoredPaper } from '../records';
import type { DigestDb, FileState } from './schema';

export interface DayMeta {
  /** The day (YYYY-MM-DD) the file belongs to, from the index. */
  date: string;
  /** Path relative to the source base. */
  path: string;
  etag: string | null;
  lastModified: string | null;
  fetchedAt: number;
  /** Body bytes downloaded. */
  bytes: number;
  /** Source base URL the validators belong to. */
  source?: string | null;
}

export interface WriteDayResult {
  date: string;
  /** Papers listed for the day after merging. */
  paperCount: number;
  /** Papers not stored before this write. */
  newPapers: number;
  /** Stored ids of this day kept although the new parse lacks them. */
  keptStored: number;
}

function insertDate(dates: readonly string[], date: string): string[] {
  if (dates.includes(date)) return [...dates];
  return [...dates, date].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0));
}

function toStored(p: Paper, date: string, dates: string[]): StoredPaper {
  return {
    arxivId: p.arxivId,
    title: p.title,
    votes: p.votes,
    authors: p.authors,
    media: p.media,
    sections: p.sections,
    date,
    dates,
  };
}

export async function writeDay(db: DigestDb, parsed: ParsedDigest, meta: DayMeta): Promise<WriteDayResult> {
  const { date } = meta;
  const latest = new Map<string, Paper>();
  const order: string[] = [];
  for (const p of parsed.papers) {
    if (!latest.has(p.arxivId)) order.push(p.arxivId);
    latest.set(p.arxivId, p);
  }

  // Relaxed durability: the commit is still atomic (a killed worker leaves the day whole or absent); only an OS crash
  // may lose the newest commits, which the next sync fetches again.
  const tx = db.transaction(['papers', 'digests', 'files'], 'readwrite', { durability: 'relaxed' });
  const papers = tx.objectStore('papers');
  const digests = tx.objectStore('digests');
  const [stored, existing] = await Promise.all([digests.get(date), Promise.all(order.map((id) => papers.get(id)))]);

  const diagnostics: Diagnostic[] = [...parsed.diagnostics];
  let ids = order;
  let keptStored = 0;
  let runs = parsed.runs.length;
  if (stored) {
    const missing = stored.paperIds.filter((id) => !latest.has(id));
    if (missing.length > 0) {
      keptStored = missing.length;
      if (order.length < stored.paperIds.length) {
        const had = new Set(stored.paperIds);
        ids = [...stored.paperIds, ...order.filter((id) => !had.has(id))];
        runs = Math.max(runs, stored.runs);
      } else {
        ids = [...order, ...missing];
      }
      diagnostics.push({
        line: 0,
        message:
          `re-fetched file lists ${order.length} papers and lacks ${missing.length} of the ${stored.paperIds.length} ` +
          'stored for this day; the stored ones are kept',
      });
    }
  }

  let newPapers = 0;
  const puts: Promise<unknown>[] = [];
  order.forEach((id, i) => {
    const p = latest.get(id) as Paper;
    const old = existing[i];
    if (!old) {
      newPapers++;
      puts.push(papers.put(toStored(p, date, [date])));
      return;
    }
    const dates = insertDate(old.dates, date);
    const newest = old.dates[0] ?? old.date;
    puts.push(papers.put(date >= newest ? toStored(p, date, dates) : { ...old, dates }));
  });

  const digest: StoredDigest = {
    date,
    path: meta.path,
    paperIds: ids,
    runs,
    diagnostics,
    etag: meta.etag,
    lastModified: meta.lastModified,
    fetchedAt: meta.fetchedAt,
    bytes: meta.bytes,
  };
  const file: FileState = {
    path: meta.path,
    date,
    source: meta.source ?? null,
    etag: meta.etag,
    lastModified: meta.lastModified,
    checkedAt: meta.fetchedAt,
    lastError: null,
    lastErrorAt: null,
    attempts: 0,
    nextRetryAt: null,
  };
  puts.push(digests.put(digest), tx.objectStore('files').put(file));
  await Promise.all([...puts, tx.done]);
  return { date, paperCount: ids.length, newPapers, keptStored };
}
