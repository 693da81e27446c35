/**
 * The Hugging Face papers API (public, no key): its URLs, the caps on what is kept of its answers, and the typed data
 * they become (validated in lib/hf/answers.ts, which pages do not load). Pure: no fetch here (lib/hf/daily.ts takes a
 * fetch function).
 *
 * - `GET /api/daily_papers?date=YYYY-MM-DD` → array of `{ paper: {...}, title, thumbnail, numComments, ... }`
 *   (400 for a day not open yet, `[]` for an empty day).
 * - `GET /api/papers/<arXiv id>` → the `paper` object (an unknown id answers an error object or a non-OK status).
 * */
import { isNewStyleIdKey } from '../arxiv-id';
import { isIsoDate } from '../dates';

export const HF_ORIGIN = 'https://huggingface.co';
/**
 * The host permission the background needs to call the API. Chrome ignores the path of a host permission (it grants
 * the whole origin), so the narrowest pattern that works is the origin itself.
 */
export const HF_HOST_PERMISSION = 'https://huggingface.co/*';

/** Field length caps (characters) for text shown in the UI. */
export const MAX_TITLE = 500;
export const MAX_AI_SUMMARY = 2000;
/** arXiv caps abstracts at 1,920 characters; twice that leaves room for Hugging Face's own edits. */
export const MAX_ABSTRACT = 4000;
export const MAX_AUTHORS = 50;
export const MAX_AUTHOR = 200;
export const MAX_KEYWORDS = 20;
export const MAX_KEYWORD = 100;
/** Items kept from one daily list (HF shows a few dozen a day). */
export const MAX_DAILY_ITEMS = 200;
/** Upvote counts above this are treated as malformed. */
export const MAX_UPVOTES = 10_000_000;

/** One paper of a daily list, as the extension keeps it. */
export interface HfDailyItem {
  /** New-style arXiv id without version. */
  arxivId: string;
  /** English title. */
  title: string;
  upvotes: number;
  authors: string[];
  /** English one-line AI summary from Hugging Face, when present. */
  aiSummary: string | null;
  /**
   * The paper's English abstract (the paper object's `summary`), what a Korean summary is made from. Lists cached
   * before it was kept lack the field: read it as `item.abstract ?? null`.
   */
  abstract: string | null;
  aiKeywords: string[];
  /** http(s) link to the code, when present. */
  githubRepo: string | null;
  numComments: number | null;
  /** ISO date-time strings as given (validated to parse), or null. */
  publishedAt: string | null;
  submittedOnDailyAt: string | null;
}

export interface ParsedDaily {
  items: HfDailyItem[];
  /** Items dropped because they were malformed. */
  skipped: number;
}

/** `https://huggingface.co/api/daily_papers?date=YYYY-MM-DD`. Throws on an invalid date. */
export function dailyPapersUrl(date: string): string {
  if (!isIsoDate(date)) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  return `${HF_ORIGIN}/api/daily_papers?date=${date}`;
}

/** `https://huggingface.co/api/papers/<id>` for a new-style arXiv id. Throws on anything else. */
export function paperApiUrl(arxivId: string): string {
  if (!isNewStyleIdKey(arxivId)) throw new RangeError(`not a new-style arXiv id: ${arxivId}`);
  return `${HF_ORIGIN}/api/papers/${arxivId}`;
}
