/**
 * The JSON file format for exporting and importing the whole database (digests, papers, generated summaries). Pure.
 *
 * Version 2:
 * ```json
 * { "format": "arxiv-ko-digest-export", "version": 2, "exportedAt": "2025-05-10T12:00:00.000Z",
 *   "digests": [StoredDigest, …], "papers": [StoredPaper, …], "summaries": [StoredSummary, …] }
 * ```
 * Version 1 (no `summaries`) still imports, as a file without summaries. The version went up with `summaries` so an
 * older extension refuses a file whose summaries it would silently drop. Never in a file: settings, sync state, and
 * the model endpoint's API key (`meta` is not exported at all).
 * `parseExport(text, now)` validates every record and rebuilds it from known fields only (unknown fields are dropped),
 * so what it returns can be written to the database as is. A damaged file is refused whole (an import is all or
 * nothing), with an error code the pages translate (lib/errors.ts):
 * - `importNotJson`, `importNotExport`, `importVersion` (`version`, `supported`);
 * - `importFarFuture`: a day after tomorrow (UTC, lib/dates.ts `isFarFuture`) as a digest date or a paper date; it
 *   would become "the newest digest" for good. `day` is the day.
 * - `importFetchedAt`: a digest's download time before 2023 (the upstream began then) or after now + 1 day; a future
 *   one would win every later merge. `day` is the digest's day.
 * - `importInvalid`: any other broken record; its `cause` is a `field*` code whose `at` names the field (e.g.
 *   `fieldInteger` at `papers[3].votes`, min 0).
 *   Generated summaries are refused past the caps their answers are held to when made (lib/gen: sections, section
 *   and label lengths, model name, titles), with an unknown provider, or with a `createdAt` before 2023 or after
 *   now + 1 day (the `fetchedAt` bounds); control and bidi characters are removed from their text, as from every
 *   model answer. Their links stay text, as in digests, and become tokens (http(s) only) where shown (lib/show.ts).
 *
 * What an older export may honestly hold is kept and normalised instead, each change reported as a note (a code with
 * numbers, which the options page translates):
 * - `mediaDropped`: thumbnails or videos off the allowed hosts (lib/media-hosts.ts `isAllowedMediaUrl`) are set to
 *   null; older versions stored any http(s) media. A media URL that is not http(s) at all is refused (`invalid`).
 * - `duplicateIds`: a paper id repeated in one digest's `paperIds` is kept once (its first place), per day.
 */
import { parseArxivId } from './arxiv-id';
import { isFarFuture, isIsoDate } from './dates';
import type { Media, Section } from './digest/types';
import { type AppError, appError, type ErrorCode } from './errors';
import { MAX_SECTION_CHARS, MAX_SECTIONS } from './gen/answer';
import { MAX_SECTION_TEXT, MAX_TITLE_KO } from './gen/chrome-ai/constants';
import { MAX_MODEL_CHARS } from './gen/endpoint';
import { tokenCount } from './gen/fields';
import { MAX_TITLE_CHARS } from './gen/input';
import { MAX_LABEL_CHARS } from './gen/labels';
import { stripControls } from './gen/text';
import type { GenUsage, ProviderId } from './gen/types';
import { safeHttpUrl } from './links';
import { isAllowedMediaUrl } from './media-hosts';
import type { StoredDigest, StoredPaper, StoredSummary } from './records';
import { SUMMARY_PROVIDERS } from './setting-defaults';

export const EXPORT_FORMAT = 'arxiv-ko-digest-export';
export const EXPORT_VERSION = 2;
/** Versions `parseExport` reads (1: before generated summaries). */
export const IMPORTABLE_VERSIONS: readonly number[] = [1, 2];
/** Largest file the pages will read (bytes); the text must also fit one message (`MAX_IMPORT_CHARS`). */
export const MAX_EXPORT_BYTES = 128 * 1024 * 1024;

export interface ExportFile {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  /** ISO 8601 time of export. */
  exportedAt: string;
  /** Sorted by date, newest first. */
  digests: StoredDigest[];
  /** Sorted by arXiv id. */
  papers: StoredPaper[];
  /** Korean summaries made on the user's side, sorted by arXiv id ([] from a version 1 file). */
  summaries: StoredSummary[];
}

/** What an import changed on the way in (the `importData` reply carries them; the options page translates them). */
export type ImportNote =
  /** `count` papers lost their thumbnail or video (not on an allowed host). */
  | { code: 'mediaDropped'; count: number }
  /** `count` repeated ids removed from the digest of `day`. */
  | { code: 'duplicateIds'; count: number; day: string };

export type ParseResult =
  | { ok: true; file: ExportFile; notes: ImportNote[] }
  /** Why the file was refused (an `import*` code of lib/errors.ts). */
  | { ok: false; error: AppError };

/** Earliest believable `fetchedAt`: 2023-01-01 UTC (the upstream's first digests are from 2023). */
export const MIN_FETCHED_AT = Date.UTC(2023, 0, 1);
const DAY_MS = 86_400_000;

const byId = (a: { arxivId: string }, b: { arxivId: string }) =>
  a.arxivId < b.arxivId ? -1 : a.arxivId > b.arxivId ? 1 : 0;

export function buildExport(
  digests: readonly StoredDigest[],
  papers: readonly StoredPaper[],
  now: number,
  summaries: readonly StoredSummary[] = [],
): ExportFile {
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: new Date(now).toISOString(),
    digests: [...digests].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0)),
    papers: [...papers].sort(byId),
    summaries: [...summaries].sort(byId),
  };
}

export function serializeExport(file: ExportFile): string {
  return JSON.stringify(file);
}

/** Download name for an export made at `now`: `arxiv-ko-digest-YYYY-MM-DD.json`. */
export function exportFileName(now: number): string {
  return `arxiv-ko-digest-${new Date(now).toISOString().slice(0, 10)}.json`;
}

/** A refusal: `importFarFuture` / `importFetchedAt`, or `importInvalid` around the broken field's `field*` code. */
class Invalid extends Error {
  constructor(readonly error: AppError) {
    super(error.code);
  }
}

/** The codes of a broken field that name only the field. */
type AtOnly = Extract<
  ErrorCode,
  | 'fieldObject'
  | 'fieldString'
  | 'fieldArray'
  | 'fieldDate'
  | 'fieldArxivId'
  | 'fieldUrl'
  | 'fieldMediaKind'
  | 'fieldNewestDate'
  | 'fieldTokens'
  | 'fieldCreatedAt'
>;

/** `field` (an `AtOnly` code at `at`, or a whole field error) as a refusal of the file. */
function invalid(field: AtOnly | AppError, at = ''): Invalid {
  const cause = typeof field === 'string' ? appError(field, { at }) : field;
  return new Invalid(appError('importInvalid', { cause }));
}

/** What one parse knows and collects: the clock, and the normalisations made so far. */
interface Ctx {
  now: number;
  mediaDropped: number;
  notes: ImportNote[];
}

type Obj = Record<string, unknown>;

function obj(v: unknown, at: string): Obj {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw invalid('fieldObject', at);
  return v as Obj;
}
function str(v: unknown, at: string): string {
  if (typeof v !== 'string') throw invalid('fieldString', at);
  return v;
}
function strOrNull(v: unknown, at: string): string | null {
  return v === null ? null : str(v, at);
}
function int(v: unknown, at: string, min = 0): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < min)
    throw invalid(appError('fieldInteger', { at, min }));
  return v;
}
function arr(v: unknown, at: string): unknown[] {
  if (!Array.isArray(v)) throw invalid('fieldArray', at);
  return v;
}
function date(v: unknown, at: string, ctx: Ctx): string {
  if (typeof v !== 'string' || !isIsoDate(v)) throw invalid('fieldDate', at);
  if (isFarFuture(v, ctx.now)) throw new Invalid(appError('importFarFuture', { day: v }));
  return v;
}
function arxivId(v: unknown, at: string): string {
  if (typeof v !== 'string' || parseArxivId(v)?.id !== v) throw invalid('fieldArxivId', at);
  return v;
}
function httpUrl(v: unknown, at: string): string {
  const s = str(v, at);
  if (safeHttpUrl(s) === null) throw invalid('fieldUrl', at);
  return s;
}

function media(v: unknown, at: string, ctx: Ctx): Media | null {
  if (v === null) return null;
  const m = obj(v, at);
  if (m.kind !== 'image' && m.kind !== 'video') throw invalid('fieldMediaKind', at);
  const url = httpUrl(m.url, `${at}.url`);
  if (!isAllowedMediaUrl(url)) {
    ctx.mediaDropped++;
    return null;
  }
  return { kind: m.kind, url };
}

function section(v: unknown, at: string): Section {
  const s = obj(v, at);
  return { label: strOrNull(s.label, `${at}.label`), text: str(s.text, `${at}.text`) };
}

function paper(v: unknown, at: string, ctx: Ctx): StoredPaper {
  const p = obj(v, at);
  const votes = p.votes === null ? null : int(p.votes, `${at}.votes`);
  const d = date(p.date, `${at}.date`, ctx);
  // Stored papers keep `dates` newest first and show the newest occurrence (`date === dates[0]`); sync merges rely
  // on it, so a file that says otherwise is refused rather than stored.
  const dates = [...new Set(arr(p.dates, `${at}.dates`).map((x, i) => date(x, `${at}.dates[${i}]`, ctx)))]
    .sort()
    .reverse();
  if (dates[0] !== d) throw invalid('fieldNewestDate', at);
  return {
    arxivId: arxivId(p.arxivId, `${at}.arxivId`),
    title: str(p.title, `${at}.title`),
    votes,
    authors: arr(p.authors, `${at}.authors`).map((x, i) => str(x, `${at}.authors[${i}]`)),
    media: media(p.media, `${at}.media`, ctx),
    sections: arr(p.sections, `${at}.sections`).map((x, i) => section(x, `${at}.sections[${i}]`)),
    date: d,
    dates,
  };
}

function fetchedAt(v: unknown, at: string, day: string, ctx: Ctx): number {
  const t = int(v, at);
  if (t < MIN_FETCHED_AT || t > ctx.now + DAY_MS) throw new Invalid(appError('importFetchedAt', { day }));
  return t;
}

/** The ids in their first places; a note for the day when some were repeated. */
function uniqueIds(ids: string[], day: string, ctx: Ctx): string[] {
  const unique = [...new Set(ids)];
  const count = ids.length - unique.length;
  if (count > 0) ctx.notes.push({ code: 'duplicateIds', count, day });
  return unique;
}

function digest(v: unknown, at: string, ctx: Ctx): StoredDigest {
  const g = obj(v, at);
  const day = date(g.date, `${at}.date`, ctx);
  const ids = arr(g.paperIds, `${at}.paperIds`).map((x, i) => arxivId(x, `${at}.paperIds[${i}]`));
  return {
    date: day,
    path: str(g.path, `${at}.path`),
    paperIds: uniqueIds(ids, day, ctx),
    runs: int(g.runs, `${at}.runs`),
    diagnostics: arr(g.diagnostics, `${at}.diagnostics`).map((x, i) => {
      const d = obj(x, `${at}.diagnostics[${i}]`);
      return {
        line: int(d.line, `${at}.diagnostics[${i}].line`),
        message: str(d.message, `${at}.diagnostics[${i}].message`),
      };
    }),
    etag: strOrNull(g.etag, `${at}.etag`),
    lastModified: strOrNull(g.lastModified, `${at}.lastModified`),
    fetchedAt: fetchedAt(g.fetchedAt, `${at}.fetchedAt`, day, ctx),
    bytes: int(g.bytes, `${at}.bytes`),
  };
}

/**
 * A string with the control and bidi characters removed (as from every model answer: invisible, and bidi overrides
 * could make text read differently), then of `min`..`max` characters.
 */
function cleanStr(v: unknown, at: string, max: number, min = 0): string {
  const s = stripControls(str(v, at));
  if (s.length < min || s.length > max) throw invalid(appError('fieldLength', { at, min, max }));
  return s;
}

const PROVIDERS = SUMMARY_PROVIDERS.filter((p): p is ProviderId => p !== 'none');
/** Largest prompt version believed (the first is 1; on-device translation has none, 0). */
const MAX_PROMPT_VERSION = 1000;

function tokens(v: unknown, at: string): number | null {
  if (v === null) return null;
  const n = tokenCount(v);
  if (n === null) throw invalid('fieldTokens', at);
  return n;
}

function usage(v: unknown, at: string): GenUsage | null {
  if (v === null) return null;
  const u = obj(v, at);
  return {
    inputTokens: tokens(u.inputTokens, `${at}.inputTokens`),
    outputTokens: tokens(u.outputTokens, `${at}.outputTokens`),
  };
}

function summary(v: unknown, at: string, ctx: Ctx): StoredSummary {
  const g = obj(v, at);
  if (typeof g.provider !== 'string' || !PROVIDERS.includes(g.provider as ProviderId))
    throw invalid(appError('fieldProvider', { at: `${at}.provider`, list: PROVIDERS.join(', ') }));
  const sections = arr(g.sections, `${at}.sections`);
  if (sections.length === 0 || sections.length > MAX_SECTIONS)
    throw invalid(appError('fieldSections', { at: `${at}.sections`, max: MAX_SECTIONS }));
  // On-device translation keeps the whole abstract in a section; a model's sections are held to a digest's size.
  const maxText = g.provider === 'chrome-ai' ? MAX_SECTION_TEXT : MAX_SECTION_CHARS;
  const createdAt = int(g.createdAt, `${at}.createdAt`);
  if (createdAt < MIN_FETCHED_AT || createdAt > ctx.now + DAY_MS) throw invalid('fieldCreatedAt', `${at}.createdAt`);
  const promptVersion = int(g.promptVersion, `${at}.promptVersion`);
  if (promptVersion > MAX_PROMPT_VERSION)
    throw invalid(appError('fieldPromptVersion', { at: `${at}.promptVersion`, max: MAX_PROMPT_VERSION }));
  return {
    arxivId: arxivId(g.arxivId, `${at}.arxivId`),
    title: cleanStr(g.title, `${at}.title`, MAX_TITLE_CHARS, 1),
    titleKo: g.titleKo === null ? null : cleanStr(g.titleKo, `${at}.titleKo`, MAX_TITLE_KO, 1),
    sections: sections.map((x, i) => {
      const sec = obj(x, `${at}.sections[${i}]`);
      const label = sec.label === null ? null : cleanStr(sec.label, `${at}.sections[${i}].label`, MAX_LABEL_CHARS);
      return { label, text: cleanStr(sec.text, `${at}.sections[${i}].text`, maxText) };
    }),
    provider: g.provider as ProviderId,
    model: cleanStr(g.model, `${at}.model`, MAX_MODEL_CHARS, 1),
    promptVersion,
    createdAt,
    usage: usage(g.usage, `${at}.usage`),
  };
}

/** Validates an export file's text against the clock `now` (epoch ms). Never throws. */
export function parseExport(text: string, now: number = Date.now()): ParseResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, error: appError('importNotJson') };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw) || (raw as Obj).format !== EXPORT_FORMAT) {
    return { ok: false, error: appError('importNotExport') };
  }
  const r = raw as Obj;
  if (typeof r.version !== 'number' || !IMPORTABLE_VERSIONS.includes(r.version)) {
    const version = String(JSON.stringify(r.version) ?? 'none').slice(0, 40);
    return { ok: false, error: appError('importVersion', { version, supported: IMPORTABLE_VERSIONS.join(', ') }) };
  }
  const ctx: Ctx = { now, mediaDropped: 0, notes: [] };
  try {
    const exportedAt = str(r.exportedAt, 'exportedAt');
    if (Number.isNaN(Date.parse(exportedAt))) throw invalid(appError('fieldExportedAt', { at: 'exportedAt' }));
    const digests = arr(r.digests, 'digests').map((x, i) => digest(x, `digests[${i}]`, ctx));
    const papers = arr(r.papers, 'papers').map((x, i) => paper(x, `papers[${i}]`, ctx));
    const summaries =
      r.version === 1 ? [] : arr(r.summaries, 'summaries').map((x, i) => summary(x, `summaries[${i}]`, ctx));
    const dates = new Set<string>();
    for (const [i, d] of digests.entries()) {
      if (dates.has(d.date)) throw invalid(appError('fieldTwice', { at: `digests[${i}].date`, value: d.date }));
      dates.add(d.date);
    }
    const ids = new Set<string>();
    for (const [i, p] of papers.entries()) {
      if (ids.has(p.arxivId)) throw invalid(appError('fieldTwice', { at: `papers[${i}].arxivId`, value: p.arxivId }));
      ids.add(p.arxivId);
    }
    const summaryIds = new Set<string>();
    for (const [i, g] of summaries.entries()) {
      if (summaryIds.has(g.arxivId)) {
        throw invalid(appError('fieldTwice', { at: `summaries[${i}].arxivId`, value: g.arxivId }));
      }
      summaryIds.add(g.arxivId);
    }
    for (const [i, d] of digests.entries()) {
      const missing = d.paperIds.find((id) => !ids.has(id));
      if (missing !== undefined) throw invalid(appError('fieldMissingPaper', { at: `digests[${i}]`, id: missing }));
    }
    const dropped: ImportNote[] = ctx.mediaDropped > 0 ? [{ code: 'mediaDropped', count: ctx.mediaDropped }] : [];
    const notes = [...dropped, ...ctx.notes];
    const file: ExportFile = { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt, digests, papers, summaries };
    return { ok: true, file, notes };
  } catch (e) {
    if (e instanceof Invalid) return { ok: false, error: e.error };
    throw e;
  }
}
