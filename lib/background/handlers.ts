/**
 * Message handlers of the background. No `browser.*` here: the entrypoint passes what they need.
 *
 *   const h = createHandlers({ db: () => dbPromise, runner, search, openTab });
 *   browser.runtime.onMessage.addListener((raw, sender) =>
 *     h.handleMessage(raw, sender, { extensionId: browser.runtime.id, extensionOrigin: browser.runtime.getURL('/') }));
 *
 * - One async function per message type of lib/messages.ts `Protocol` (`h.getPaper(req)` …).
 * - `syncNow` starts a run (or joins the running one) and answers at once with the status (running: true);
 *   the popup polls `getSyncStatus` for progress.
 * - `clearData` stops a running sync, deletes every digest, paper and sync record, starts no new sync; settings, the
 *   API key and the generated summaries are kept (lib/db/data-io.ts `clearAll`).
 * - `importData` validates with lib/export-format.ts `parseExport` and merges all or nothing (lib/db/data-io); the
 *   reply carries parseExport's notes (what was normalised).
 * - `getHfToday` / `getLiveVotes` go through lib/hf/service.ts with `deps.hf` (fetch, online, permission, settings);
 *   without `deps.hf` they answer `off`. `getHfToday` adds the list's digest papers and the stored Korean summaries
 *   of its other papers.
 * - Every paper in a reply goes through lib/show.ts `showPaper` (inline markdown tokenized here, not in the renderers).
 * - `handleMessage(raw, sender, ctx)` checks the sender (`senderKind`), the request (`parseRequest`) and that this
 *   sender may ask it (`mayAsk`: content scripts only read)
 *   and returns a `Reply`; it never throws: a refusal is `{ ok: false, error, code, params }` (lib/errors.ts; a
 *   handler throws a CodedError for one the user should read, anything else is `internal`).
 */
import { clearAll, exportAll, importRecords } from '../db/data-io';
import { counts, getBadges, getDigest, getLatestDigest, getPaper, listDays } from '../db/queries';
import type { DigestDb } from '../db/schema';
import { getSettings, putSettings } from '../db/settings-store';
import { getSummary } from '../db/summaries';
import { getSyncStatus } from '../db/sync-state';
import { englishError } from '../error-english';
import { type AppError, appError, CodedError, errorOf, readAppError } from '../errors';
import { buildExport, parseExport, serializeExport } from '../export-format';
import { endpointOf } from '../gen/endpoint';
import type { ProviderChoice } from '../gen/service';
import { HF_HOST_PERMISSION } from '../hf/api';
import type { FetchLike } from '../hf/daily';
import { hfToday, liveVotes } from '../hf/service';
import { bundledMessages } from '../i18n-tables';
import {
  type MessageType,
  mayAsk,
  parseRequest,
  type Reply,
  type Req,
  type Res,
  type SenderInfo,
  senderKind,
} from '../messages';
import { parseSettingsPatch } from '../privileged-settings';
import type { ShownPaper, StoredPaper, StoredSummary } from '../records';
import { DEFAULT_SOURCE_URL, type PrivilegedSettings } from '../setting-defaults';
import { showPaper } from '../show';
import { showSummary } from '../show-summary';
import type { SyncRunner } from '../sync/runner';
import { paperExtras, summaryHandlers } from './summary-handlers';

export interface StorageEstimateLike {
  usage?: number;
  quota?: number;
}

export interface HandlerDeps {
  /** The open database (a cached promise is fine: `() => dbPromise`). */
  db: () => Promise<DigestDb> | DigestDb;
  runner: Pick<SyncRunner, 'run' | 'live' | 'paused'>;
  /** Digest papers, and the generated summaries that match (lib/background/search-cache.ts; absent: none). */
  search: (
    query: string,
    limit: number,
  ) => Promise<{ papers: StoredPaper[]; total: number; summaries?: StoredSummary[] }>;
  /** Opens (or focuses) the reader tab at `hash` (e.g. `browser.runtime.getURL('/reader.html') + hash`). */
  openTab: (hash: string) => Promise<void>;
  /** Opens the options page (`runtime.openOptionsPage()`); default: nothing (tests). */
  openOptions?: () => Promise<void>;
  /** Default: `navigator.storage.estimate()` when available. */
  estimate?: () => Promise<StorageEstimateLike>;
  now?: () => number;
  /** Called after `clearData` and a successful `importData` (e.g. to drop a search index). */
  onDataChanged?: () => void | Promise<void>;
  /** After generated summaries were removed (drop only what search keeps of them); default: `onDataChanged`. */
  onSummariesChanged?: () => void;
  /**
   * The newest digest as shown (what every popup opens with); default: read from the database at each request.
   * The background passes `latestDigestAnswer` kept in memory (./memo) until the data changes.
   */
  latestDigest?: () => Promise<Res<'getLatestDigest'>>;
  /** Hugging Face access; absent means both HF features answer `off`. */
  hf?: HfDeps;
  /**
   * Whether the host permission for `origin` (`https://host`) is granted: `setSettings` refuses a custom source or a
   * Hugging Face feature whose origin the user has not granted. Default: granted (tests).
   */
  originPermitted?: (origin: string) => Promise<boolean>;
  /** After `setSettings` stored a change (restart the sync for a new source, reschedule for a new interval). */
  onSettingsChanged?: (before: PrivilegedSettings, after: PrivilegedSettings) => void | Promise<void>;
  /** The configured summary provider (for `testProvider`); absent: none. */
  provider?: () => Promise<ProviderChoice | null>;
}

export interface HfDeps {
  fetch: FetchLike;
  /** `navigator.onLine`. */
  online(): boolean;
  /** `permissions.contains({ origins: [HF_HOST_PERMISSION] })`. */
  permitted(): Promise<boolean>;
}

export type Handlers = { [K in MessageType]: (req: Req<K>) => Promise<Res<K>> };

export interface SenderContext {
  extensionId: string;
  /** `browser.runtime.getURL('/')`, e.g. `chrome-extension://<id>/`. */
  extensionOrigin: string;
}

export type MessageHandler = (raw: unknown, sender: SenderInfo, ctx: SenderContext) => Promise<Reply<MessageType>>;

function defaultEstimate(): Promise<StorageEstimateLike> {
  const storage = (globalThis as { navigator?: { storage?: { estimate?: () => Promise<StorageEstimateLike> } } })
    .navigator?.storage;
  return storage?.estimate ? storage.estimate() : Promise.resolve({});
}

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

/** A refusal: the code the pages word, and `error` for logs (the code's English words unless told). */
function refuse(problem: AppError, error: string = englishError(problem)): Reply<MessageType> {
  return { ok: false, error, ...problem };
}

/** Why `raw` was refused: a settings change says which field and why; anything else is a refused request. */
function requestProblem(raw: unknown): AppError {
  const m = raw as { type?: unknown; payload?: { patch?: unknown } } | null;
  if (m?.type === 'setSettings' && typeof m.payload === 'object' && m.payload !== null) {
    const r = parseSettingsPatch(m.payload.patch);
    if (!r.ok) return r.problem;
  }
  return appError('requestRefused');
}

export function createHandlers(deps: HandlerDeps): Handlers & { handleMessage: MessageHandler } {
  const db = async () => deps.db();
  const now = deps.now ?? Date.now;
  const hfServiceDeps = (database: DigestDb, hf: HfDeps) => ({
    db: database,
    fetch: hf.fetch,
    now: now(),
    online: hf.online(),
    permitted: hf.permitted,
  });
  const status = async () => ({ status: await getSyncStatus(await db(), deps.runner.live()) });
  const summaries = summaryHandlers({
    db,
    provider: deps.provider,
    onChanged: deps.onSummariesChanged ?? deps.onDataChanged,
  });

  const handlers: Handlers = {
    getPaper: async ({ arxivId }) => {
      const database = await db();
      const [paper, settings] = await Promise.all([getPaper(database, arxivId), getSettings(database)]);
      return {
        paper: paper && showPaper(paper),
        sourceUrl: settings.sourceUrl,
        liveVotes: settings.hfLiveVotes,
        ...(await paperExtras(database, arxivId, settings)),
      };
    },
    getBadges: async ({ arxivIds }) => ({ badges: await getBadges(await db(), arxivIds) }),
    getDigest: async ({ date }) => showDay(await getDigest(await db(), date)),
    getLatestDigest: async () => (deps.latestDigest ? deps.latestDigest() : latestDigestAnswer(await db())),
    listDates: async () => ({ days: await listDays(await db()) }),
    search: async ({ query, limit }) => {
      const { papers, total, summaries: generated = [] } = await deps.search(query, limit);
      return { papers: papers.map(showPaper), total, summaries: generated.map(showSummary) };
    },
    getSyncStatus: status,
    syncNow: async () => {
      void deps.runner.run();
      return status();
    },
    openReader: async ({ hash }) => {
      await deps.openTab(hash);
      return { ok: true };
    },
    openOptions: async () => {
      await deps.openOptions?.();
      return { ok: true };
    },
    exportData: async () => {
      const { digests, papers, summaries: generated } = await exportAll(await db());
      return { json: serializeExport(buildExport(digests, papers, now(), generated)) };
    },
    importData: async ({ json }) => {
      const parsed = parseExport(json, now());
      if (!parsed.ok) throw new CodedError(parsed.error);
      const { digests, papers, summaries: generated } = parsed.file;
      const result = await importRecords(await db(), digests, papers, generated);
      await deps.onDataChanged?.();
      return { ...result, notes: parsed.notes };
    },
    clearData: async () => {
      // No run may start (alarm, "Sync now") while the database is being emptied.
      await deps.runner.paused(async () => clearAll(await db()));
      await deps.onDataChanged?.();
      return status();
    },
    getUiStrings: async ({ lang }) => ({ messages: panelStrings(lang) }),
    getHfToday: async () => {
      const database = await db();
      const hf = deps.hf;
      const r = hf
        ? await hfToday(hfServiceDeps(database, hf), (await getSettings(database)).hfDaily)
        : { state: 'off' as const, list: null, error: null, retryAt: null };
      const ids = r.list?.items.map((i) => i.arxivId) ?? [];
      const store = database.transaction('papers').store;
      const found = await Promise.all(ids.map((id) => store.get(id)));
      const digestPapers = found.filter((p): p is StoredPaper => p !== undefined);
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
      return liveVotes(hfServiceDeps(database, hf), enabled, arxivId, hasDigest);
    },
    ...summaries,
    setSettings: async ({ patch: raw }) => {
      const parsed = parseSettingsPatch(raw);
      if (!parsed.ok) throw new CodedError(parsed.problem);
      const { patch } = parsed;
      const permitted = deps.originPermitted ?? (async () => true);
      const noPermission = (origin: string) => new CodedError(appError('noPermission', { origin }));
      if (patch.sourceUrl !== undefined && patch.sourceUrl !== DEFAULT_SOURCE_URL) {
        const origin = new URL(patch.sourceUrl).origin;
        if (!(await permitted(origin))) throw noPermission(origin);
      }
      const hfOrigin = new URL(HF_HOST_PERMISSION).origin;
      if ((patch.hfDaily || patch.hfLiveVotes) && !(await permitted(hfOrigin))) throw noPermission(hfOrigin);
      const current = await getSettings(await db());
      const endpoint = endpointOf({ ...current, ...patch });
      const endpointChanged = ['summaryProvider', 'providerBaseUrl'].some((k) => Object.hasOwn(patch, k));
      if (endpoint && endpointChanged && !(await permitted(endpoint.origin))) {
        throw noPermission(endpoint.origin);
      }
      const { before, after } = await putSettings(await db(), patch);
      await deps.onSettingsChanged?.(before, after);
      return { settings: after };
    },
    storageInfo: async () => {
      const [estimate, c] = await Promise.all([(deps.estimate ?? defaultEstimate)(), db().then(counts)]);
      return { bytes: estimate.usage ?? 0, quota: estimate.quota ?? null, paperCount: c.papers };
    },
  };

  const handleMessage: MessageHandler = async (raw, sender, ctx) => {
    try {
      const kind = senderKind(sender, ctx.extensionId, ctx.extensionOrigin);
      if (!kind) return refuse(appError('requestRefused'), 'sender not allowed');
      const env = parseRequest(raw);
      if (typeof env === 'string') return refuse(requestProblem(raw), env);
      if (!mayAsk(kind, env.type)) {
        return refuse(appError('requestRefused'), `${env.type} is not allowed from a content script`);
      }
      const handler = handlers[env.type] as (req: Req<MessageType>) => Promise<Res<MessageType>>;
      return { ok: true, data: await handler(env.payload) };
    } catch (e) {
      const coded = readAppError(e);
      if (coded) return refuse(coded);
      return refuse(errorOf(e, 'internal'), e instanceof Error ? e.message : String(e));
    }
  };

  return { ...handlers, handleMessage };
}
