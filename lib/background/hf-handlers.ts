/**
 * The Hugging Face handlers: `getHfToday` and `getLiveVotes` go through lib/hf/service.ts with `deps.hf` (fetch,
 * online, permission) and the privileged settings; without `deps.hf` they answer `off`. `getHfToday` adds the list's
 * digest papers and the stored Korean summaries of its other papers.
 */
import { getPaper, getPapers } from '../db/queries';
import type { DigestDb } from '../db/schema';
import { getSettings } from '../db/settings-store';
import { getSummary } from '../db/summaries';
import { hfToday, liveVotes } from '../hf/service';
import type { StoredSummary } from '../records';
import { showPaper } from '../show';
import { showSummary } from '../show-summary';
import type { HandlerContext, HandlersOf, HfDeps } from './handler-deps';

export function hfHandlers({ deps, db, now }: HandlerContext): HandlersOf<'getHfToday' | 'getLiveVotes'> {
  const serviceDeps = (database: DigestDb, hf: HfDeps) => ({
    db: database,
    fetch: hf.fetch,
    now: now(),
    online: hf.online(),
    permitted: hf.permitted,
  });
  return {
    getHfToday: async () => {
      const database = await db();
      const hf = deps.hf;
      const r = hf
        ? await hfToday(serviceDeps(database, hf), (await getSettings(database)).hfDaily)
        : { state: 'off' as const, list: null, error: null, retryAt: null };
      const ids = r.list?.items.map((i) => i.arxivId) ?? [];
      const digestPapers = await getPapers(database, ids);
      const withDigest = new Set(digestPapers.map((p) => p.arxivId));
      const stored = await Promise.all(ids.filter((id) => !withDigest.has(id)).map((id) => getSummary(database, id)));
      return {
        ...r,
        digestPapers: digestPapers.map(showPaper),
        summaries: stored.filter((s): s is StoredSummary => s !== null).map(showSummary),
      };
    },
    getLiveVotes: async ({ arxivId }) => {
      const hf = deps.hf;
      if (!hf) return { state: 'off', live: null };
      const database = await db();
      const enabled = (await getSettings(database)).hfLiveVotes;
      const hasDigest = enabled && (await getPaper(database, arxivId)) !== null;
      return liveVotes(serviceDeps(database, hf), enabled, arxivId, hasDigest);
    },
  };
}
