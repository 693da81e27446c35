/**
 * The whole real corpus (../shared) synced from a loopback server. Expected figures come from the task
 * statement (311 digests, 4,671 distinct papers, newest 2025-05-09) and from a plain regex over the raw files.
 */
import 'fake-indexeddb/auto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IDBFactory } from 'fake-indexeddb';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDigestDb } from '../../lib/db/open';
import { getLatestDigest, listDays } from '../../lib/db/queries';
import type { DigestDb } from '../../lib/db/schema';
import { getSyncStatus } from '../../lib/db/sync-state';
import { runSync } from '../../lib/sync/run';
import { type CorpusServer, startCorpusServer } from '../support/corpus-server';
import { CORPUS_DIR, describeShared } from '../support/shared';

/** date → distinct ids in file order, from `### [..](https://arxiv.org/abs/ID)` lines. */
function rawIds(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const root = join(CORPUS_DIR, 'paper_logs');
  for (const y of readdirSync(root).filter((n) => /^\d{4}$/.test(n)))
    for (const m of readdirSync(join(root, y)))
      for (const f of readdirSync(join(root, y, m)).filter((n) => n.endsWith('.md'))) {
        const ids: string[] = [];
        for (const line of readFileSync(join(root, y, m, f), 'utf8').split('\n')) {
          const hit = /^### \[.*\]\(https:\/\/arxiv\.org\/abs\/(\d{4}\.\d{4,5})\)\s*$/.exec(line);
          if (hit && !ids.includes(hit[1] as string)) ids.push(hit[1] as string);
        }
        out.set(`${y}-${m}-${f.slice(0, 2)}`, ids);
      }
  return out;
}

describeShared('sync of the whole corpus over loopback', () => {
  let server: CorpusServer;
  let db: DigestDb;
  beforeAll(async () => {
    globalThis.indexedDB = new IDBFactory();
    server = await startCorpusServer(CORPUS_DIR);
    db = await openDigestDb();
  });
  afterAll(async () => {
    db.close();
    await server.close();
  });

  it('the first sync stores 311 digests and 4,671 papers; the newest digest is 2025-05-09', async () => {
    const r = await runSync({ db, fetch: (u, i) => fetch(u, i), baseUrl: server.baseUrl });
    expect(r).toMatchObject({ ok: true, days: 311, written: 311, failed: 0 });
    const status = await getSyncStatus(db);
    expect(status).toMatchObject({ digestCount: 311, paperCount: 4671, newestDate: '2025-05-09', fileErrors: [] });
    expect((await getLatestDigest(db)).digest?.date).toBe('2025-05-09');
    const days = await listDays(db);
    expect(days).toHaveLength(311);
    expect(days.reduce((n, d) => n + d.paperCount, 0)).toBe(
      [...rawIds().values()].reduce((n, ids) => n + ids.length, 0),
    );
  });

  it('every day lists the ids of its file in order; every paper carries exactly the days it appears on', async () => {
    const raw = rawIds();
    const daysOf = new Map<string, string[]>();
    for (const [date, ids] of raw) {
      expect((await db.get('digests', date))?.paperIds, date).toEqual(ids);
      for (const id of ids) daysOf.set(id, [...(daysOf.get(id) ?? []), date]);
    }
    expect(daysOf.size).toBe(4671);
    for (const p of await db.getAll('papers')) {
      const expected = (daysOf.get(p.arxivId) ?? []).sort().reverse();
      expect(p.dates, p.arxivId).toEqual(expected);
      expect(p.date).toBe(expected[0]);
    }
  });

  it('a second sync downloads no digest body', async () => {
    server.resetCounts();
    const r = await runSync({ db, fetch: (u, i) => fetch(u, i), baseUrl: server.baseUrl });
    expect(r).toMatchObject({ ok: true, written: 0, bytes: 0 });
    const md = server.total((p) => p.endsWith('.md'));
    expect(md.bytes).toBe(0);
    expect(md.ok).toBe(0);
    expect(md.requests).toBeLessThanOrEqual(3);
    expect(server.stats('paper_logs/papers_list.csv')).toMatchObject({ notModified: 1, bytes: 0 });
  });
});
