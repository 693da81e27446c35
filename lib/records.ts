import type { Diagnostic, Paper } from './digest/types';

/** A paper as stored: the newest occurrence's data, plus every digest date it appeared in. */
export interface StoredPaper extends Paper {
  /** Newest digest date this paper appeared in (YYYY-MM-DD); its data is from that digest. */
  date: string;
  /** Every digest date it appeared in, newest first. */
  dates: string[];
}

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
  paperCount: number;
}

export interface SyncProgress {
  done: number;
  total: number;
}

export interface FileError {
  path: string;
  message: string;
  at: number;
  attempts: number;
}

export interface SyncStatus {
  running: boolean;
  progress: SyncProgress | null;
  lastSuccess: number | null;
  lastError: string | null;
  nextRun: number | null;
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
