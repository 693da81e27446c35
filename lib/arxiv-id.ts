/**
 * Recognising arXiv identifiers in bare strings, arXiv URLs and free text. Pure: no DOM, no browser APIs.
 *
 * Identifier schemes (https://info.arxiv.org/help/arxiv_identifier.html):
 * - new style `YYMM.NNNN` for 0704–1412 and `YYMM.NNNNN` from 1501 on, with an optional `vN` (N ≥ 1);
 * - old style `archive[.SUBJ]/YYMMNNN` for 9107–0703, e.g. `hep-th/9901001`, `math.GT/0309136`.
 *   Archive names are lowercase letters and `-`. The subject class is not part of the canonical id,
 *   so `math.GT/0309136` normalises to `math/0309136` (what arXiv itself shows and redirects to).
 *
 * Normalised ids never carry a version. Parsing is strict: no surrounding whitespace, no `arXiv:` prefix
 * (only `normaliseArxivId` accepts those), exact case.
 */

import { isArxivHost } from './arxiv-hosts';

export type ArxivIdStyle = 'new' | 'old';

export interface ArxivId {
  /** Normalised id without version, e.g. `2406.16793` or `hep-th/9901001`. */
  id: string;
  version: number | null;
  style: ArxivIdStyle;
}

/** Which arXiv page an URL points at: `/abs/`, `/pdf/`, `/html/` or `/format/`. */
export type ArxivUrlKind = 'abs' | 'pdf' | 'html' | 'format';

export interface ArxivUrlId extends ArxivId {
  kind: ArxivUrlKind;
}

const NEW_ID = /^(\d{2})(\d{2})\.(\d{4,5})(?:v([1-9]\d*))?$/;
const OLD_ID = /^([a-z]+(?:-[a-z]+)*)(?:\.[A-Za-z]+(?:-[A-Za-z]+)*)?\/(\d{2})(\d{2})(\d{3})(?:v([1-9]\d*))?$/;

function version(v: string | undefined): number | null {
  return v === undefined ? null : Number(v);
}

/** Parses one bare id (`2406.16793`, `2406.16793v2`, `hep-th/9901001v1`); null if it is not a valid id. */
export function parseArxivId(s: string): ArxivId | null {
  const n = NEW_ID.exec(s);
  if (n) {
    const [, yy = '', mm = '', num = ''] = n;
    const month = Number(mm);
    const yymm = Number(yy) * 100 + month;
    if (month < 1 || month > 12 || yymm < 704) return null;
    if (num.length !== (yymm <= 1412 ? 4 : 5) || Number(num) === 0) return null;
    return { id: `${yy}${mm}.${num}`, version: version(n[4]), style: 'new' };
  }
  const o = OLD_ID.exec(s);
  if (o) {
    const [, archive = '', yy = '', mm = '', num = ''] = o;
    const month = Number(mm);
    const year = Number(yy);
    const yymm = year * 100 + month;
    if (month < 1 || month > 12 || Number(num) === 0) return null;
    if (!(year >= 91 ? yymm >= 9107 : yymm <= 703)) return null;
    return { id: `${archive}/${yy}${mm}${num}`, version: version(o[5]), style: 'old' };
  }
  return null;
}

/**
 * The one rule for an id used as a key (messages, stored records, Hugging Face answers): a valid id already in
 * normalised form, without version. `0612.1234` (before new-style ids began in 0704) and `2406.16793v2` are not keys.
 */
export function isArxivIdKey(v: unknown): v is string {
  return typeof v === 'string' && v.length <= 40 && parseArxivId(v)?.id === v;
}

/** A key ({@link isArxivIdKey}) in the new style `YYMM.NNNNN`: the only ids Hugging Face and the digests carry. */
export function isNewStyleIdKey(v: unknown): v is string {
  return isArxivIdKey(v) && !v.includes('/');
}

/** Normalised id (no version) from an id string, tolerating surrounding whitespace and an `arXiv:` prefix. */
export function normaliseArxivId(s: string): string | null {
  return parseArxivId(s.trim().replace(/^arxiv:\s*/i, ''))?.id ?? null;
}

const URL_PATH = /^\/(abs|pdf|html|format)\/(.+?)\/?$/;

/** A URL given as text or as a URL; null when the text does not parse. */
export function toUrl(url: string | URL): URL | null {
  if (typeof url !== 'string') return url;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** Whether a URL is on an arXiv host (lib/arxiv-hosts.ts; exact match after URL parsing), over http(s), on the
 * default port. */
export function onArxiv(u: URL): boolean {
  return (u.protocol === 'https:' || u.protocol === 'http:') && isArxivHost(u.hostname) && u.port === '';
}

/**
 * The id in an arXiv page URL: `/abs/<id>`, `/pdf/<id>[.pdf]`, `/html/<id>[/]`, `/format/<id>`, each with an
 * optional version, on an arXiv host over http(s) ({@link onArxiv}). Query and fragment are ignored; a trailing `/`
 * is allowed; anything else after the id (sub-resources like `/html/<id>/x1.png`) is not a page and gives null.
 * Also the legacy form `/abs?id=<id>`, which arXiv still answers with the abstract page itself (no redirect); its
 * kind is `abs`. (`/abs?archive=…&papernum=…` and `/abs?<old-style id>` name old-style papers only, which no digest
 * carries: not recognised.)
 */
export function arxivIdFromUrl(url: string | URL): ArxivUrlId | null {
  const u = toUrl(url);
  if (!u || !onArxiv(u)) return null;
  if (u.pathname === '/abs') {
    const parsed = parseArxivId(u.searchParams.get('id') ?? '');
    return parsed ? { ...parsed, kind: 'abs' } : null;
  }
  const m = URL_PATH.exec(u.pathname);
  if (!m) return null;
  const kind = m[1] as ArxivUrlKind;
  let rest: string;
  try {
    rest = decodeURIComponent(m[2] ?? '');
  } catch {
    return null;
  }
  if (kind === 'pdf') rest = rest.replace(/\.pdf$/, '');
  const parsed = parseArxivId(rest);
  return parsed ? { ...parsed, kind } : null;
}
