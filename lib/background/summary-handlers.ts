/**
 * The background's handlers of the Korean-summary messages (lib/messages.ts): the key, the provider test, the stored
 * summaries (list with the token total, delete one or all), and what `getPaper` adds for the panel. No `browser.*`.
 */
import { getProviderKey, keyHint, setProviderKey } from '../db/provider-key';
import type { DigestDb } from '../db/schema';
import { getSettings } from '../db/settings-store';
import { clearSummaries, deleteSummary, getSummary, listSummaries, usageTotals } from '../db/summaries';
import { endpointOf } from '../gen/endpoint';
import type { ProviderChoice } from '../gen/service';
import { GenError } from '../gen/types';
import type { GenerationInfo, Res } from '../messages';
import type { ShownSummary } from '../records';
import type { PrivilegedSettings } from '../setting-defaults';
import { showSummary } from '../show-summary';

export interface SummaryDeps {
  db: () => Promise<DigestDb>;
  /** The configured provider (settings and key read at each call), or null for none. */
  provider?: () => Promise<ProviderChoice | null>;
  /** After summaries were deleted (drop caches). */
  onChanged?: () => void;
}

export function generationInfo(s: PrivilegedSettings): GenerationInfo {
  const endpoint = endpointOf(s);
  const model = endpoint?.model ?? (s.summaryProvider === 'chrome-ai' ? 'chrome-translator' : '');
  return {
    provider: s.summaryProvider,
    model,
    host: endpoint ? new URL(endpoint.baseUrl).host : null,
    autoSummarize: s.summaryProvider !== 'none' && s.autoSummarize,
  };
}

/** What `getPaper` adds for the panel: the stored summary and the provider offer. */
export async function paperExtras(
  db: DigestDb,
  arxivId: string,
  settings: PrivilegedSettings,
): Promise<{ summary: ShownSummary | null; generation: GenerationInfo }> {
  const summary = await getSummary(db, arxivId);
  return { summary: summary && showSummary(summary), generation: generationInfo(settings) };
}

export function summaryHandlers(deps: SummaryDeps) {
  return {
    getSettings: async (): Promise<Res<'getSettings'>> => {
      const db = await deps.db();
      const [settings, key] = await Promise.all([getSettings(db), getProviderKey(db)]);
      return { settings, apiKeyHint: keyHint(key) };
    },
    setProviderKey: async ({ key }: { key: string }): Promise<Res<'setProviderKey'>> => {
      const db = await deps.db();
      await setProviderKey(db, key);
      return { apiKeyHint: keyHint(await getProviderKey(db)) };
    },
    testProvider: async (): Promise<Res<'testProvider'>> => {
      const choice = await deps.provider?.();
      if (!choice) return { ok: false, code: 'unavailable' };
      try {
        const { model } = await choice.provider.test(AbortSignal.timeout(30_000));
        return { ok: true, model };
      } catch (e) {
        return { ok: false, code: e instanceof GenError ? e.code : 'network' };
      }
    },
    listSummaries: async (): Promise<Res<'listSummaries'>> => {
      const db = await deps.db();
      const [all, usage] = await Promise.all([listSummaries(db), usageTotals(db)]);
      return { summaries: all.map(showSummary), usage };
    },
    deleteSummaries: async ({ arxivId }: { arxivId: string | null }): Promise<Res<'deleteSummaries'>> => {
      const db = await deps.db();
      const deleted = arxivId === null ? await clearSummaries(db) : Number(await deleteSummary(db, arxivId));
      if (deleted > 0) deps.onChanged?.();
      return { deleted };
    },
  };
}
