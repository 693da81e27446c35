/**
 * URLs the panel, badges and pages link to. Pure: every function returns an http(s) URL or null, never a
 * `javascript:`/`data:` one, so components can put the result straight into `href`.
 */
import { isIsoDate } from './dates';
import { isHttpUrl } from './digest/url';
import { formatRoute } from './route';
import { DEFAULT_SOURCE_URL } from './setting-defaults';
import { dayPath } from './sync/source';

export const HF_PAPERS_BASE = 'https://huggingface.co/papers/';
export const UPSTREAM_REPO_URL = 'https://github.com/l-yohai/daily_papers_ko';
export const UPSTREAM_REPO_NAME = 'l-yohai/daily_papers_ko';
export const LICENSE_URL = 'https://creativecommons.org/licenses/by-nc/4.0/';
export const LICENSE_NAME = 'CC BY-NC 4.0';
/** Where the default (raw) source's files are shown as pages. */
const UPSTREAM_BLOB_BASE = `${UPSTREAM_REPO_URL}/blob/main/`;

/**
 * The URL, trimmed and normalised, when it is an http(s) URL ({@link isHttpUrl}, the parser's check) that parses;
 * otherwise null. The one check every link, media source and imported media URL goes through.
 */
export function safeHttpUrl(url: string | null | undefined): string | null {
  const s = typeof url === 'string' ? url.trim() : '';
  if (!isHttpUrl(s)) return null;
  try {
    return new URL(s).href;
  } catch {
    return null;
  }
}

/** `base` with exactly one trailing slash. */
function withSlash(base: string): string {
  return base.trim().replace(/\/*$/, '/');
}

/**
 * The digest file of `date` at the source. The default upstream raw base links to the GitHub page of the file
 * (readable, with history); any other base links to `<base>paper_logs/YYYY/MM/DD.md`. Null when the base is
 * not http(s) or the date is not `YYYY-MM-DD`.
 */
export function digestSourceUrl(sourceBase: string, date: string): string | null {
  if (!isIsoDate(date)) return null;
  const path = dayPath(date);
  const base = safeHttpUrl(sourceBase);
  if (!base) return null;
  if (withSlash(base) === DEFAULT_SOURCE_URL) return `${UPSTREAM_BLOB_BASE}${path}`;
  try {
    return safeHttpUrl(new URL(path, withSlash(base)).href);
  } catch {
    return null;
  }
}

/** The paper's page on Hugging Face Daily Papers. */
export function hfPaperUrl(arxivId: string): string {
  return `${HF_PAPERS_BASE}${arxivId.split('/').map(encodeURIComponent).join('/')}`;
}

/** The arXiv abstract page. */
export function arxivAbsUrl(arxivId: string): string {
  return `https://arxiv.org/abs/${arxivId.split('/').map(encodeURIComponent).join('/')}`;
}

/** Offline reader route of one digest day (`#/YYYY-MM-DD`). */
export function readerDateHash(date: string): string {
  return formatRoute({ kind: 'day', date });
}

/** Offline reader route of one paper (`#/paper/<id>`). */
export function readerPaperHash(arxivId: string): string {
  return formatRoute({ kind: 'paper', arxivId });
}
