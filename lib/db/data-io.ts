/**
 * Whole-database operations for the options page (protocol `exportData`, `importData`, `clearData`):
 * - exportAll(db) → { digests, papers, summaries } (feed to lib/export-format.ts `buildExport`); never `meta`, so
 *   never the settings, the sync state or the model endpoint's API key (`meta['providerKey']`).
 * - importRecords(db, digests, papers, summaries) → { added, updated }: merge in ONE readwrite transaction (all or
 *   nothing).
 *   A digest not stored is added; a stored one is replaced only when the imported `fetchedAt` is newer, keeping
 *   the stored ids it lacks (./merge-lists `unionIds`, linear).
 *   A paper not stored is added; for a stored one `dates` becomes the union (newest first, ./merge-lists
 *   `unionDatesDesc`) and the shown data comes from the record with the newer `date` (tie: stored stays).
 *   A generated summary not stored is added; a stored one is replaced only by one made later (newer `createdAt`).
 *   Nothing is deleted. The records must come from lib/export-format.ts `parseExport` (validated, normalised).
 * - clearAll(db): deletes every digest, paper, per-file sync state, the sync/index/Hugging Face meta and the Hugging
 *   Face cache: what a sync downloads again. Kept: the settings and the API key (`meta['settings']`,
 *   `meta['providerKey']`), and the generated summaries: the user's own work, paid for in tokens, which no sync can
 *   bring back (they are removed one by one or all at once with `deleteSummaries`).
 */
import type { StoredDigest, StoredPaper, StoredSummary } from '../records';
import { unionDatesDesc, unionIds } from './merge-lists';
import type { DigestDb } from './schema';

export async function exportAll(
  db: DigestDb,
): Promise<{ digests: StoredDigest[]; papers: StoredPaper[]; summaries: StoredSummary[] }> {
  const tx = db.transaction(['digests', 'papers', 'summaries']);
  const [digests, papers, summaries] = await Promise.all([
    tx.objectStore('digests').getAll(),
    tx.objectStore('papers').getAll(),
    tx.objectStore('summaries').getAll(),
  ]);
  return { digests, papers, summaries };
}

function mergePaper(stored: StoredPaper, incoming: StoredPaper): StoredPaper {
  // Both lists are newest first (stored records keep it; parseExport sorts the file's): one linear merge.
  const dates = unionDatesDesc(stored.dates, incoming.dates);
  const base = incoming.date > stored.date ? incoming : stored;
  return { ...base, dates };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export async function importRecords(
  db: DigestDb,
  digests: readonly StoredDigest[],
  papers: readonly StoredPaper[],
  summaries: readonly StoredSummary[] = [],
): Promise<{ added: number; updated: number }> {
  const tx = db.transaction(['digests', 'papers', 'summaries'], 'readwrite');
  const dStore = tx.objectStore('digests');
  const pStore = tx.objectStore('papers');
  const sStore = tx.objectStore('summaries');
  const [oldDigests, oldPapers, oldSummaries] = await Promise.all([
    Promise.all(digests.map((d) => dStore.get(d.date))),
    Promise.all(papers.map((p) => pStore.get(p.arxivId))),
    Promise.all(summaries.map((s) => sStore.get(s.arxivId))),
  ]);
  let added = 0;
  let updated = 0;
  const puts: Promise<unknown>[] = [];
  digests.forEach((d, i) => {
    const old = oldDigests[i];
    if (!old) {
      added++;
      puts.push(dStore.put(d));
    } else if (d.fetchedAt > old.fetchedAt && !same(old, d)) {
      // Never shrink a stored day (as writeDays): the newer record, with any stored paper ids it lacks kept.
      const paperIds = unionIds(d.paperIds, old.paperIds);
      updated++;
      puts.push(dStore.put({ ...d, paperIds }));
    }
  });
  papers.forEach((p, i) => {
    const old = oldPapers[i];
    if (!old) {
      added++;
      puts.push(pStore.put(p));
      return;
    }
    const merged = mergePaper(old, p);
    if (!same(merged, old)) {
      updated++;
      puts.push(pStore.put(merged));
    }
  });
  summaries.forEach((s, i) => {
    const old = oldSummaries[i];
    if (old && (s.createdAt <= old.createdAt || same(old, s))) return;
    if (old) updated++;
    else added++;
    puts.push(sStore.put(s));
  });
  await Promise.all([...puts, tx.done]);
  return { added, updated };
}

/** `meta` keys a clear keeps: the user's settings and API key (everything else there is sync or cache state). */
const KEPT_META = new Set(['settings', 'providerKey']);

export async function clearAll(db: DigestDb): Promise<void> {
  const tx = db.transaction(['digests', 'papers', 'files', 'meta', 'hfDaily', 'hfVotes'], 'readwrite');
  const meta = tx.objectStore('meta');
  const metaKeys = (await meta.getAllKeys()).filter((k) => !KEPT_META.has(k));
  await Promise.all([
    tx.objectStore('digests').clear(),
    tx.objectStore('papers').clear(),
    tx.objectStore('files').clear(),
    ...metaKeys.map((k) => meta.delete(k)),
    tx.objectStore('hfDaily').clear(),
    tx.objectStore('hfVotes').clear(),
    tx.done,
  ]);
}
