import type { Diagnostic, InlineToken, Paper, Section } from './digest/types';
import type { AppError } from './errors';
import type { GenUsage, ProviderId } from './gen/types';

/** A paper as stored: the newest occurrence's data, plus every digest date it appeared in. */
export interface StoredPaper extends Paper {
  /** Newest digest date this paper appeared in (YYYY-MM-DD); its data is from that digest. */
  date: string;
  /** Every digest date it appeared in, newest first. */
  dates: string[];
}

/**
 * A section as the background sends it to content scripts and pages (lib/show.ts `showPaper`): the stored text
 * plus its inline markdown already tokenized, one token list per `\n`-separated line (markers never span lines).
 */
export interface ShownSection extends Section {
  lines: InlineToken[][];
}

/**
 * A paper as the background sends it in replies (never stored or exported): sections with tokens, the title's
 * tokens, and `lead`, the first sentence of its summary as plain text (markers removed, cut at PREVIEW_MAX; '' when none).
 * Renderers only render these; they never tokenize digest text.
 */
export type ShownPaper = Omit<StoredPaper, 'sections'> & {
  sections: ShownSection[];
  titleTokens: InlineToken[];
  lead: string;
};

/** One day's digest as stored. */
export interface StoredDigest {
  date: string;
  /** Path relative to the source base, e.g. `paper_logs/2024/06/25.md`. */
  path: string;
  /** Paper ids in file order, without duplicates. */
  paperIds: string[];
  runs: number;
  diagnostics: Diagnostic[];
  etag: string | null;
  lastModified: string | null;
  fetchedAt: number;
  bytes: number;
}

export interface DaySummary {
  date: string;
  /** Papers in that day's digest. A paper can be on several days, so these do not add up to the papers stored. */
  paperCount: number;
}

export interface SyncProgress {
  done: number;
  total: number;
}

export interface FileError {
  path: string;
  /** Why its last attempt failed (the pages word it: lib/error-text.ts). */
  error: AppError;
  at: number;
  attempts: number;
}

export interface SyncStatus {
  running: boolean;
  progress: SyncProgress | null;
  lastSuccess: number | null;
  /** The last run's errors, its reason first (the pages word them: lib/error-text.ts `errorsMessage`); null: none. */
  lastError: AppError[] | null;
  nextRun: number | null;
  /** Distinct papers stored (lib/db/queries.ts `counts`), the number the popup, options and reader show. */
  paperCount: number;
  digestCount: number;
  newestDate: string | null;
  fileErrors: FileError[];
}

/** Compact data for listing badges. */
export interface PaperBadge {
  arxivId: string;
  votes: number | null;
  date: string;
}

/**
 * A Korean summary made on the user's side (v4 `summaries`), kept like a digest: shown offline, searched, exported.
 * Only complete answers are stored; the text is model output, untrusted like digest text (capped, rendered as tokens).
 */
export interface StoredSummary {
  arxivId: string;
  /** The English title it was made from (read from the page or Hugging Face's data). */
  title: string;
  /** A Korean title when the provider made one (on-device translation), else null. */
  titleKo: string | null;
  sections: Section[];
  provider: ProviderId;
  model: string;
  promptVersion: number;
  createdAt: number;
  usage: GenUsage | null;
}

/** A stored summary as the background sends it: sections tokenized like a digest paper's. */
export type ShownSummary = Omit<StoredSummary, 'sections'> & { sections: ShownSection[] };
