/**
 * `writeDays(db, days)`: store fetched-and-parsed days in ONE readwrite transaction
 * over `papers`, `digests` and `files` (it awaits nothing but IDB requests, so the transaction cannot auto-commit
 * half-way; either every day of the call is stored whole or none of it). A day is never split over transactions.
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
import { fileChecked } from './file-state';
import { newestFirst, unionDatesDesc, unionIds } from './merge-lists';
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

/**
 * A paper's dates while a batch is written: the stored ones plus the days the batch adds, merged once at the end.
 * However many days of one batch list the paper, that is linear (a Set, one sort of the added days, one merge).
 */
class PaperDates {
  private seen: Set<string> | null = null;
  private readonly added: string[] = [];
  /** The newest date so far (what decides whether a day's data is shown). */
  newest: string;
  constructor(
    private readonly stored: readonly string[],
    newest: string,
  ) {
    this.newest = stored[0] ?? newest;
  }
  add(date: string): void {
    this.seen ??= new Set(this.stored);
    if (this.seen.has(date)) return;
    this.seen.add(date);
    this.added.push(date);
    if (date > this.newest) this.newest = date;
  }
  list(): string[] {
    return this.added.length === 0 ? [...this.stored] : unionDatesDesc(this.stored, this.added.sort(newestFirst));
  }
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

export interface DayWrite {
  parsed: ParsedDigest;
  meta: DayMeta;
}

/** The papers of one file: first-occurrence order, data of the last occurrence. */
function dedupe(papers: readonly Paper[]): { order: string[]; latest: Map<string, Paper> } {
  const latest = new Map<string, Paper>();
  const order: string[] = [];
  for (const p of papers) {
    if (!latest.has(p.arxivId)) order.push(p.arxivId);
    latest.set(p.arxivId, p);
  }
  return { order, latest };
}

/**
 * Writes whole days in ONE transaction, applied in the given order as if each were written alone (a paper or a
 * date appearing in two of them merges exactly as two calls with one day each would). The sync writes the days that
 * arrived while the previous transaction was committing together (./sync/day-writer), so the commits, which
 * Chromium runs one after another, do not set the pace of a backfill. Either all of them are stored or none.
 */
export async function writeDays(db: DigestDb, days: readonly DayWrite[]): Promise<WriteDayResult[]> {
  if (days.length === 0) return [];
  const files = days.map((d) => dedupe(d.parsed.papers));
  const ids = [...new Set(files.flatMap((f) => f.order))];
  const dates = [...new Set(days.map((d) => d.meta.date))];

  // Relaxed durability: the commit is still atomic (a killed worker leaves the days whole or absent); only an OS
  // crash may lose the newest commits, which the next sync fetches again.
  const tx = db.transaction(['papers', 'digests', 'files'], 'readwrite', { durability: 'relaxed' });
  const paperStore = tx.objectStore('papers');
  const digestStore = tx.objectStore('digests');
  const [storedDigests, storedPapers] = await Promise.all([
    Promise.all(dates.map((d) => digestStore.get(d))),
    Promise.all(ids.map((id) => paperStore.get(id))),
  ]);
  // The database as it would be after each day so far (what a later day of the batch reads).
  const digestsNow = new Map<string, StoredDigest | undefined>(dates.map((d, i) => [d, storedDigests[i]]));
  const papersNow = new Map<string, StoredPaper | undefined>(ids.map((id, i) => [id, storedPapers[i]]));
  const datesNow = new Map<string, PaperDates>();
  const fileStates = new Map<string, FileState>();

  const results = days.map(({ parsed, meta }, k): WriteDayResult => {
    const { date } = meta;
    const { order, latest } = files[k] as { order: string[]; latest: Map<string, Paper> };
    const stored = digestsNow.get(date);
    const diagnostics: Diagnostic[] = [...parsed.diagnostics];
    let ids = order;
    let keptStored = 0;
    let runs = parsed.runs.length;
    if (stored) {
      const missing = stored.paperIds.filter((id) => !latest.has(id));
      if (missing.length > 0) {
        keptStored = missing.length;
        if (order.length < stored.paperIds.length) {
          ids = unionIds(stored.paperIds, order);
          runs = Math.max(runs, stored.runs);
        } else {
          ids = unionIds(order, missing);
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
    for (const id of order) {
      const p = latest.get(id) as Paper;
      const old = papersNow.get(id);
      if (!old) {
        newPapers++;
        const fresh = new PaperDates([], date);
        fresh.add(date);
        datesNow.set(id, fresh);
        papersNow.set(id, toStored(p, date, []));
        continue;
      }
      const dates = datesNow.get(id) ?? new PaperDates(old.dates, old.date);
      datesNow.set(id, dates);
      const newest = dates.newest;
      dates.add(date);
      // `dates` is set once at the end (PaperDates.list).
      if (date >= newest) papersNow.set(id, toStored(p, date, []));
    }

    digestsNow.set(date, {
      date,
      path: meta.path,
      paperIds: ids,
      runs,
      diagnostics,
      etag: meta.etag,
      lastModified: meta.lastModified,
      fetchedAt: meta.fetchedAt,
      bytes: meta.bytes,
    });
    fileStates.set(
      meta.path,
      fileChecked(meta.path, date, {
        source: meta.source ?? null,
        etag: meta.etag,
        lastModified: meta.lastModified,
        checkedAt: meta.fetchedAt,
      }),
    );
    return { date, paperCount: ids.length, newPapers, keptStored };
  });

  const puts: Promise<unknown>[] = [];
  for (const [id, p] of papersNow) {
    const dates = datesNow.get(id);
    if (p) puts.push(paperStore.put(dates ? { ...p, dates: dates.list() } : p));
  }
  for (const d of digestsNow.values()) if (d) puts.push(digestStore.put(d));
  const fileStore = tx.objectStore('files');
  for (const f of fileStates.values()) puts.push(fileStore.put(f));
  await Promise.all([...puts, tx.done]);
  return results;
}
