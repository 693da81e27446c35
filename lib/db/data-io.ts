/**
 * Whole-database operations for the options page (protocol `exportData`, `importData`, `clearData`):
 * - exportAll(db) → { digests, papers } (feed to lib/export-format.ts `buildExport`)
 * - importRecords(db, digests, papers) → { added, updated }: merge in ONE readwrite transaction (all or nothing).
 *   A digest not stored is added; a stored one is replaced only when the imported `fetchedAt` is newer, keeping
 *   the stored ids it lacks (./merge-lists `unionIds`, linear).
 *   A paper not stored is added; for a stored one `dates` becomes the union (newest first, ./merge-lists
 *   `unionDatesDesc`) and the shown data comes from the record with the newer `date` (tie: stored stays).
 *   Nothing is deleted. The records must come from lib/export-format.ts `parseExport` (validated, normalised).
 * - clearAll(db): deletes every digest, paper, per-file sync state, the sync/index meta and the Hugging Face cache.
 */
import type { StoredDigest, StoredPaper } from '../records';
import { unionDatesDesc, unionIds } from './merge-lists';
import type { DigestDb } from './schema';

export async function exportAll(db: DigestDb): Promise<{ digests: StoredDigest[]; papers: StoredPaper[] }> {
  const tx = db.transaction(['digests', 'papers']);
  const [digests, papers] = await Promise.all([tx.objectStore('digests').getAll(), tx.objectStore('papers').getAll()]);
  return { digests, papers };
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
): Promise<{ added: number; updated: number }> {
  const tx = db.transaction(['digests', 'papers'], 'readwrite');
  const dStore = tx.objectStore('digests');
  const pStore = tx.objectStore('papers');
  const [oldDigests, oldPapers] = await Promise.all([
    Promise.all(digests.map((d) => dStore.get(d.date))),
    Promise.all(papers.map((p) => pStore.get(p.arxivId))),
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
      // Never shrink a stored day (as writeDay): the newer record, with any stored paper ids it lacks kept.
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
  await Promise.all([...puts, tx.done]);
  return { added, updated };
}

/** The `meta` records that belong to the data (sync run, day index, Hugging Face rate limit), not to the settings. */
const SYNC_META_KEYS = ['sync', 'index', 'hf'];

export async function clearAll(db: DigestDb): Promise<void> {
  const tx = db.transaction(['digests', 'papers', 'files', 'meta', 'hfDaily', 'hfVotes'], 'readwrite');
  await Promise.all([
    tx.objectStore('digests').clear(),
    tx.objectStore('papers').clear(),
    tx.objectStore('files').clear(),
    // Sync and Hugging Face bookkeeping go; the settings and the API key stay ("settings are kept").
    ...SYNC_META_KEYS.map((k) => tx.objectStore('meta').delete(k)),
    tx.objectStore('hfDaily').clear(),
    tx.objectStore('hfVotes').clear(),
    tx.done,
  ]);
}
