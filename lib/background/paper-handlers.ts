/**
 * The reading handlers: one paper for the panel, badges, a day, the newest day, the list of days, search, the panel's
 * UI strings, and opening the reader or the options page. Every paper in a reply goes through lib/show.ts
 * `showPaper` (inline markdown tokenized here, not in the renderers).
 */
import { getBadges, getDigest, getLatestDigest, getPaper, listDays } from '../db/queries';
import type { DigestDb } from '../db/schema';
import { getSettings } from '../db/settings-store';
import { bundledMessages } from '../i18n-tables';
import { digestSourceUrl } from '../links';
import type { Res } from '../messages';
import type { ShownPaper, StoredPaper } from '../records';
import { showPaper } from '../show';
import { showSummary } from '../show-summary';
import type { HandlerContext, HandlersOf } from './handler-deps';
import { paperExtras } from './summary-handlers';

/** The strings the content script's panel and badges use (with the error codes a reply may carry), in `lang`. */
const PANEL_PREFIXES = ['panel_', 'common_', 'gen_', 'error_'];

export function panelStrings(lang: 'ko' | 'en'): Record<string, { message: string }> {
  const out: Record<string, { message: string }> = {};
  for (const [key, value] of Object.entries(bundledMessages(lang))) {
    if (value && PANEL_PREFIXES.some((p) => key.startsWith(p))) out[key] = value;
  }
  return out;
}

/** The newest digest with its papers, as the popup shows it. */
export async function latestDigestAnswer(db: DigestDb): Promise<Res<'getLatestDigest'>> {
  return showDay(await getLatestDigest(db));
}

function showDay<T extends { papers: StoredPaper[] }>(day: T): Omit<T, 'papers'> & { papers: ShownPaper[] } {
  return { ...day, papers: day.papers.map(showPaper) };
}

export function paperHandlers({
  deps,
  db,
}: HandlerContext): HandlersOf<
  | 'getPaper'
  | 'getBadges'
  | 'getDigest'
  | 'getLatestDigest'
  | 'listDates'
  | 'search'
  | 'getUiStrings'
  | 'openReader'
  | 'openOptions'
> {
  return {
    getPaper: async ({ arxivId }) => {
      const database = await db();
      const [paper, settings] = await Promise.all([getPaper(database, arxivId), getSettings(database)]);
      return {
        paper: paper && showPaper(paper),
        sourceFileUrl: paper && digestSourceUrl(settings.sourceUrl, paper.date),
        liveVotes: settings.hfLiveVotes,
        ...(await paperExtras(database, arxivId, settings)),
      };
    },
    getBadges: async ({ arxivIds }) => ({ badges: await getBadges(await db(), arxivIds) }),
    getDigest: async ({ date }) => showDay(await getDigest(await db(), date)),
    getLatestDigest: async () => (deps.latestDigest ? deps.latestDigest() : latestDigestAnswer(await db())),
    listDates: async () => ({ days: await listDays(await db()) }),
    search: async ({ query, limit }) => {
      const { papers, total, summaries = [] } = await deps.search(query, limit);
      return { papers: papers.map(showPaper), total, summaries: summaries.map(showSummary) };
    },
    getUiStrings: async ({ lang }) => ({ messages: panelStrings(lang) }),
    openReader: async ({ hash }) => {
      await deps.openTab(hash);
      return { ok: true };
    },
    openOptions: async () => {
      await deps.openOptions?.();
      return { ok: true };
    },
  };
}
