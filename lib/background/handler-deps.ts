/**
 * What the background's message handlers are given (lib/background/handlers.ts `createHandlers`) and the shape of
 * the dispatch table. No `browser.*`: the entrypoint passes functions.
 */
import type { DigestDb } from '../db/schema';
import type { ProviderChoice } from '../gen/service';
import type { FetchLike } from '../hf/daily';
import type { MessageType, Req, Res } from '../messages';
import type { StoredPaper, StoredSummary } from '../records';
import type { PrivilegedSettings } from '../setting-defaults';
import type { SyncRunner } from '../sync/runner';

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

/** One async function per message type of lib/messages.ts `Protocol`. */
export type Handlers = { [K in MessageType]: (req: Req<K>) => Promise<Res<K>> };

/** The handlers of some message types (one area's part of the table). */
export type HandlersOf<K extends MessageType> = Pick<Handlers, K>;

/** What every area's handlers share: the deps, the database as a promise, and the clock. */
export interface HandlerContext {
  deps: HandlerDeps;
  db: () => Promise<DigestDb>;
  now: () => number;
}
