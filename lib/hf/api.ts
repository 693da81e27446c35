/**
 * The Hugging Face papers API (public, no key): URL building and strict validation of its untrusted JSON into typed
 * data. Pure: no fetch here (lib/hf/daily.ts and lib/hf/votes.ts take a fetch function).
 *
 * - `GET /api/daily_papers?date=YYYY-MM-DD` → array of `{ paper: {...}, title, thumbnail, numComments, ... }`
 *   (400 for a day not open yet, `[]` for an empty day).
 * - `GET /api/papers/<arXiv id>` → the `paper` object (an unknown id answers an error object or a non-OK status).
 *
 * Nothing from these answers is trusted: every field is type-checked and clipped, ids must be new-style arXiv ids,
 * links must be http(s); a malformed item is dropped (and counted), never half-used.
 */
import { isNewStyleIdKey } from '../arxiv-id';
import { isIsoDate } from '../dates';
import { safeHttpUrl } from '../links';

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

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Control characters (except tab/newline) removed, whitespace collapsed, clipped to `max`. */
function cleanText(v: unknown, max: number): string | null {
  if (typeof v !== 'string') return null;
  let kept = '';
  for (const ch of v) {
    const c = ch.charCodeAt(0);
    kept += c < 0x20 || c === 0x7f ? (c === 0x09 || c === 0x0a || c === 0x0d ? ' ' : '') : ch;
  }
  const s = kept.replace(/\s+/g, ' ').trim();
  if (s === '') return null;
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

function count(v: unknown, max: number): number | null {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= max ? v : null;
}

function isoDateTime(v: unknown): string | null {
  if (typeof v !== 'string' || v.length > 40 || !/^\d{4}-\d{2}-\d{2}T/.test(v)) return null;
  return Number.isNaN(Date.parse(v)) ? null : v;
}

function arxivId(v: unknown): string | null {
  return isNewStyleIdKey(v) ? v : null;
}

function authors(v: unknown): string[] {
  if (!Array.isArray(v)) return [];
  const out: string[] = [];
  for (const a of v) {
    if (out.length >= MAX_AUTHORS) break;
    const name = isObj(a) ? cleanText(a.name, MAX_AUTHOR) : null;
    if (name) out.push(name);
  }
  return out;
}

function keywords(v: unknown): string[] {
  if (!Array.isArray(v)) return [];
  const out: string[] = [];
  for (const k of v) {
    if (out.length >= MAX_KEYWORDS) break;
    const s = cleanText(k, MAX_KEYWORD);
    if (s) out.push(s);
  }
  return out;
}

function githubRepo(v: unknown): string | null {
  const url = typeof v === 'string' ? safeHttpUrl(v) : null;
  return url && url.length <= 500 ? url : null;
}

/**
 * The `paper` object (of a daily item or of `/api/papers/<id>`) → an item, or null when its required fields (id,
 * title, upvotes) are missing or malformed. `outer` is the daily item around it (title and comment count live there).
 */
export function parsePaperObject(paper: unknown, outer: Obj = {}): HfDailyItem | null {
  if (!isObj(paper)) return null;
  const id = arxivId(paper.id);
  const title = cleanText(paper.title, MAX_TITLE) ?? cleanText(outer.title, MAX_TITLE);
  const upvotes = count(paper.upvotes, MAX_UPVOTES);
  if (!id || !title || upvotes === null) return null;
  return {
    arxivId: id,
    title,
    upvotes,
    authors: authors(paper.authors),
    aiSummary: cleanText(paper.ai_summary, MAX_AI_SUMMARY),
    abstract: cleanText(paper.summary, MAX_ABSTRACT),
    aiKeywords: keywords(paper.ai_keywords),
    githubRepo: githubRepo(paper.githubRepo),
    numComments: count(outer.numComments, MAX_UPVOTES),
    publishedAt: isoDateTime(paper.publishedAt) ?? isoDateTime(outer.publishedAt),
    submittedOnDailyAt: isoDateTime(paper.submittedOnDailyAt),
  };
}

/**
 * A `/api/daily_papers` answer → its valid items in the order given (duplicates by id dropped), or null when the
 * answer is not an array at all (an error object).
 */
export function parseDailyPapers(json: unknown): ParsedDaily | null {
  if (!Array.isArray(json)) return null;
  const items: HfDailyItem[] = [];
  const seen = new Set<string>();
  let skipped = 0;
  for (const raw of json) {
    if (items.length >= MAX_DAILY_ITEMS) break;
    const item = isObj(raw) ? parsePaperObject(raw.paper, raw) : null;
    if (!item || seen.has(item.arxivId)) {
      skipped++;
      continue;
    }
    seen.add(item.arxivId);
    items.push(item);
  }
  return { items, skipped };
}

/**
 * A `/api/papers/<id>` answer → its upvote count, or null when it is an error object, malformed, or about another
 * paper than the one asked for.
 */
export function parsePaperVotes(json: unknown, expectedId: string): number | null {
  if (!isObj(json) || arxivId(json.id) !== expectedId) return null;
  return count(json.upvotes, MAX_UPVOTES);
}
