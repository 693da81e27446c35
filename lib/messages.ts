/**
 * The one message protocol between content scripts, extension pages and the background.
 * Every request is validated by lib/background/requests.ts `checkRequest` (valibot schemas, which content scripts do
 * not bundle) in the background before it is handled.
 */

import { isArxivHost } from './arxiv-hosts';
import type { UsageTotals } from './db/summaries';
import type { AppError } from './errors';
import type { ImportNote } from './export-format';
import type { GenErrorCode } from './gen/types';
import type { HfTodayResult, LiveVotesResult } from './hf/service';
import type { SettingsPatch } from './privileged-settings';
import type {
  DaySummary,
  PaperBadge,
  ShownPaper,
  ShownSection,
  ShownSummary,
  StoredDigest,
  SyncStatus,
} from './records';
import type { PrivilegedSettings, SummaryProvider } from './setting-defaults';

/** The provider as the panel's offer shows it. */
export interface GenerationInfo {
  provider: SummaryProvider;
  /** The model (the configured one or the provider's default); '' for none. */
  model: string;
  /** The endpoint's host the title and abstract go to (null on-device or for none). */
  host: string | null;
  autoSummarize: boolean;
}

/**
 * Papers in replies are `ShownPaper`s (lib/show.ts `showPaper`: inline markdown tokenized in the background), never
 * the stored records; export files and the CLI keep the stored shape.
 */
export interface Protocol {
  /**
   * One paper for the panel, with what the panel needs of the privileged settings (content scripts cannot read them):
   * the link to the paper's digest file on the chosen source (lib/links.ts `digestSourceUrl`; null without a paper or
   * for a source that gives none), and whether live votes are on.
   */
  getPaper: {
    req: { arxivId: string };
    res: {
      paper: ShownPaper | null;
      sourceFileUrl: string | null;
      liveVotes: boolean;
      /** A Korean summary the user made for this paper (shown offline like a digest; below it when both exist). */
      summary: ShownSummary | null;
      /** What the summary offer needs: the chosen provider (`none`: nothing is ever sent), and where it sends. */
      generation: GenerationInfo;
    };
  };
  getBadges: { req: { arxivIds: string[] }; res: { badges: PaperBadge[] } };
  getDigest: { req: { date: string }; res: { digest: StoredDigest | null; papers: ShownPaper[] } };
  /** The newest stored digest. */
  getLatestDigest: { req: Record<string, never>; res: { digest: StoredDigest | null; papers: ShownPaper[] } };
  listDates: { req: Record<string, never>; res: { days: DaySummary[] } };
  /**
   * Digest papers matching `query` (ranked, at most `limit`, `total` of them in all) and, as a list of their own, the
   * Korean summaries made on the user's side that match (newest first, at most `limit`; pages mark them as
   * machine-generated).
   */
  search: {
    req: { query: string; limit: number };
    res: { papers: ShownPaper[]; total: number; summaries: ShownSummary[] };
  };
  getSyncStatus: { req: Record<string, never>; res: { status: SyncStatus } };
  syncNow: { req: Record<string, never>; res: { status: SyncStatus } };
  /** Opens the offline reader in a tab at `hash` (`#/YYYY-MM-DD` or `#/paper/<id>`). */
  openReader: { req: { hash: string }; res: { ok: true } };
  /** Opens the options page (the panel's offer links there when no summary provider is chosen). */
  openOptions: { req: Record<string, never>; res: { ok: true } };
  /**
   * The whole database (every stored digest and paper) as the text of an export file in the format of
   * lib/export-format.ts (`buildExport` + `serializeExport`). Sync state and settings are not included.
   */
  exportData: { req: Record<string, never>; res: { json: string } };
  /**
   * Merges an export file (lib/export-format.ts) into the database. The background validates `json` with
   * `parseExport` and refuses the request with the error text when it is invalid, writing nothing (all or nothing,
   * one transaction). Merge rules: a digest whose date is not stored is added; a stored digest is replaced only
   * when the file's `fetchedAt` is newer. A paper whose id is not stored is added; for a stored one `dates` becomes
   * the union of both (newest first), and title/votes/authors/media/sections/date come from whichever record has
   * the newer `date` (on a tie the stored one stays). `added` counts digests + papers that were not stored,
   * `updated` counts stored digests + papers that changed. Nothing is deleted. `notes` says what the file's records
   * lost on the way in (media off the allowed hosts, repeated ids in a day), as codes the options page translates.
   */
  importData: { req: { json: string }; res: { added: number; updated: number; notes: ImportNote[] } };
  /**
   * Deletes every stored digest and paper and the sync bookkeeping (last success, ETags, file errors), stopping
   * a running sync first. Settings are kept and no new sync is started; the next alarm or "Sync now" downloads
   * everything again. Replies with the sync status after clearing (paperCount 0, digestCount 0).
   */
  clearData: { req: Record<string, never>; res: { status: SyncStatus } };
  /**
   * Storage used by the extension's origin: `bytes` and `quota` from `navigator.storage.estimate()`
   * (`usage` / `quota`; quota null when unknown), and the number of stored papers.
   */
  storageInfo: { req: Record<string, never>; res: { bytes: number; quota: number | null; paperCount: number } };
  /**
   * The panel's UI strings (`panel_*`, `common_*`) in a pinned language, for the content script, which does not
   * bundle the message tables.
   */
  getUiStrings: { req: { lang: 'ko' | 'en' }; res: { messages: Record<string, { message: string }> } };
  /**
   * "Today on Hugging Face": the newest Hugging Face daily list with papers (walking back from today's UTC date),
   * from the cache when fresh, else fetched by the background and cached (lib/hf/service.ts `hfToday`); `state` says
   * why (off, needsPermission, offline, rateLimited, error… with the cached list when there is one).
   * `digestPapers` are the stored digest papers among the list's items (those get the Korean mark); `summaries` the
   * stored Korean summaries (lib/db/summaries.ts) among the other items, shown at once without asking a provider.
   */
  getHfToday: {
    req: Record<string, never>;
    res: HfTodayResult & { digestPapers: ShownPaper[]; summaries: ShownSummary[] };
  };
  /**
   * A digest paper's live upvote count from Hugging Face (lib/hf/service.ts `liveVotes`): only when the user turned
   * live votes on; cached with a TTL; `live` is null on 429, errors, unknown ids and papers without a digest.
   */
  getLiveVotes: { req: { arxivId: string }; res: LiveVotesResult };
  /** The privileged settings (lib/setting-defaults.ts), for the options page and the reader. Extension pages only. */
  getSettings: { req: Record<string, never>; res: { settings: PrivilegedSettings; apiKeyHint: string | null } };
  /** Stores the model endpoint's API key ('' forgets it): read only by the background, never sent back. Pages only. */
  setProviderKey: { req: { key: string }; res: { apiKeyHint: string | null } };
  /** One tiny request to the configured provider; the outcome as a code the page translates. Pages only. */
  testProvider: { req: Record<string, never>; res: { ok: true; model: string } | { ok: false; code: GenErrorCode } };
  /** Every stored Korean summary, newest first, with the running token total. Pages only. */
  listSummaries: { req: Record<string, never>; res: { summaries: ShownSummary[]; usage: UsageTotals } };
  /** Removes one summary (`arxivId`) or all of them (`arxivId: null`). Pages only. */
  deleteSummaries: { req: { arxivId: string | null }; res: { deleted: number } };
  /**
   * Changes privileged settings (validated by lib/privileged-settings.ts `parseSettingsPatch`; a custom source or
   * a Hugging Face feature needs its host permission granted first, asked for by the page in the user's click).
   * A new source restarts the sync; a new interval reschedules it. Extension pages only.
   */
  setSettings: { req: { patch: SettingsPatch }; res: { settings: PrivilegedSettings } };
}

export type MessageType = keyof Protocol;
export type Req<K extends MessageType> = Protocol[K]['req'];
export type Res<K extends MessageType> = Protocol[K]['res'];

export interface Envelope<K extends MessageType = MessageType> {
  channel: typeof CHANNEL;
  type: K;
  payload: Req<K>;
}

/**
 * A refusal carries its reason as an error code with parameters (lib/errors.ts: `dbNewer` after a downgrade, a
 * refused import or settings change, `requestRefused`, `internal`…), which the pages word in the UI language
 * (`_locales`: `error_<code>`); `error` says it in English for logs.
 */
export type Reply<K extends MessageType> = { ok: true; data: Res<K> } | ({ ok: false; error: string } & AppError);

export const CHANNEL = 'arxiv-ko-digest/v1' as const;

/** Largest import file accepted in one `importData` message (characters); Chrome caps a message at 64 MiB. */
export const MAX_IMPORT_CHARS = 40 * 1024 * 1024;

/** The part of `runtime.MessageSender` the background looks at. */
export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number; url?: string };
}

/** Whether a content script runs on `hostname` (see entrypoints/*.content): an arXiv host or Hugging Face. */
const isContentHost = (hostname: string) => isArxivHost(hostname) || hostname === 'huggingface.co';

/** What a content script may ask: read one paper's data and open the reader, nothing that changes or dumps the data. */
export const CONTENT_SCRIPT_TYPES: ReadonlySet<MessageType> = new Set<MessageType>([
  'getPaper',
  'getBadges',
  'getUiStrings',
  'getLiveVotes',
  'openReader',
  'openOptions',
]);

export type SenderKind = 'page' | 'content';

/**
 * Who sent a message: one of this extension's own pages (`page`), one of its content scripts on the hosts it is
 * injected into (`content`), or anyone else (null: web pages — externally_connectable is not declared — and other
 * extensions).
 */
export function senderKind(sender: SenderInfo, extensionId: string, extensionOrigin: string): SenderKind | null {
  if (sender.id !== extensionId) return null;
  const url = sender.url ?? sender.tab?.url;
  if (!url) return null;
  if (url.startsWith(extensionOrigin)) return 'page';
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && isContentHost(u.hostname) && sender.tab !== undefined ? 'content' : null;
  } catch {
    return null;
  }
}

/** Whether a sender of `kind` may send a message of `type`. */
export function mayAsk(kind: SenderKind, type: MessageType): boolean {
  return kind === 'page' || CONTENT_SCRIPT_TYPES.has(type);
}

export function envelope<K extends MessageType>(type: K, payload: Req<K>): Envelope<K> {
  return { channel: CHANNEL, type, payload };
}

/**
 * Korean summaries stream over a runtime Port named GEN_PORT (a reply to one message cannot stream). The opener sends
 * one `start` (the paper's title and abstract, capped by lib/gen/input.ts), may send `cancel`, and receives
 * `partial`s, then one `done` or `error`. A content script may open it only for the paper of its own tab (the
 * background compares the id with the tab's URL): asking for a summary is the one thing a content script may ask
 * that is not a read, because the button that asks for it sits on the arXiv page (trusted clicks only).
 */
export const GEN_PORT = 'arxiv-ko-digest/generate';

export const GEN_MAX_TITLE = 2_000;
export const GEN_MAX_ABSTRACT = 20_000;

export type GenRequest =
  | { type: 'start'; arxivId: string; title: string; abstract: string; regenerate: boolean }
  | { type: 'cancel' };

export type GenUpdate =
  | { type: 'partial'; titleKo: string | null; sections: ShownSection[] }
  | { type: 'done'; summary: ShownSummary }
  | { type: 'error'; code: GenErrorCode; retryAfterMs: number | null };
