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
 * `parseExport(text, now)` validates every record with valibot schemas (lib/schemas.ts) and rebuilds it from known
 * fields only (unknown fields are dropped), so what it returns can be written to the database as is. A damaged file
 * is refused whole (an import is all or nothing), with an error code the pages translate (lib/errors.ts):
 * - `importNotJson`, `importNotExport`, `importVersion` (`version`, `supported`);
 * - `importFarFuture`: a day after tomorrow (UTC, lib/dates.ts `isFarFuture`) as a digest date or a paper date; it
 *   would become "the newest digest" for good. `day` is the day.
 * - `importFetchedAt`: a digest's download time before 2023 (the upstream began then) or after now + 1 day; a future
 *   one would win every later merge. `day` is the digest's day.
 * - `importInvalid`: any other broken record; its `cause` is a `field*` code whose `at` names the field (e.g.
 *   `fieldInteger` at `papers[3].votes`, min 0). A schema's message is that code with its other parameters
 *   ({@link fieldMessage}), read back with the issue's path when the file is refused.
 *   Generated summaries are refused past the caps their answers are held to when made (lib/gen: sections, section
 *   and label lengths, model name, titles), with an unknown provider, or with a `createdAt` before 2023 or after
 *   now + 1 day (the `fetchedAt` bounds); control and bidi characters are removed from their text, as from every
 *   model answer. Their links stay text, as in digests, and become tokens (http(s) only) where shown (lib/show.ts).
 *
 * What an older export may honestly hold is kept and normalised instead, each change reported as a note (a code with
 * numbers, which the options page translates):
 * - `mediaDropped`: thumbnails or videos off the allowed hosts (lib/media-hosts.ts `isAllowedMediaUrl`) are set to
 *   null; older versions stored any http(s) media. A media URL that is not http(s) at all is refused (`fieldUrl`).
 * - `duplicateIds`: a paper id repeated in one digest's `paperIds` is kept once (its first place), per day.
 */
import * as v from 'valibot';
import { isFarFuture, isIsoDate } from './dates';
import type { Media } from './digest/types';
import { type AppError, appError, type ErrorCode } from './errors';
import { MAX_SECTION_CHARS, MAX_SECTIONS } from './gen/answer';
import { MAX_SECTION_TEXT, MAX_TITLE_KO } from './gen/chrome-ai/constants';
import { MAX_MODEL_CHARS } from './gen/endpoint';
import { tokenCount } from './gen/fields';
import { MAX_TITLE_CHARS } from './gen/input';
import { MAX_LABEL_CHARS } from './gen/labels';
import { stripControls } from './gen/text';
import type { ProviderId } from './gen/types';
import { safeHttpUrl } from './links';
import { isAllowedMediaUrl } from './media-hosts';
import type { StoredDigest, StoredPaper, StoredSummary } from './records';
import { arxivIdKey, FIRST_FAULT, fields, issuePath, plainObject, record } from './schemas';
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

/** The `field*` codes of lib/errors.ts: what is wrong with one field of a file. */
type FieldCode = Extract<ErrorCode, `field${string}`>;
type FieldParams = Record<string, string | number>;

/**
 * A schema's message: a `field*` code and its parameters other than `at` (which the issue's path gives), as text, for
 * valibot messages are strings. Read back by {@link fieldError}.
 */
function fieldMessage(code: FieldCode, params: FieldParams = {}): string {
  return JSON.stringify([code, params]);
}

/** The `importInvalid` refusal for a failed check: its `field*` message at the issue's path. */
function fieldError(message: string, at: string): AppError {
  let code: FieldCode = 'fieldObject';
  let params: FieldParams = {};
  try {
    const read = JSON.parse(message) as [FieldCode, FieldParams];
    if (Array.isArray(read) && typeof read[0] === 'string' && read[0].startsWith('field')) [code, params] = read;
  } catch {
    // a message valibot made itself (none is expected): the field is reported as not what it should be
  }
  const cause = { code, params: { ...params, at } } as AppError;
  return appError('importInvalid', { cause });
}

const invalid = (code: FieldCode, params: FieldParams): AppError =>
  appError('importInvalid', { cause: { code, params } as AppError });

const OBJECT = fieldMessage('fieldObject');
const STRING = fieldMessage('fieldString');
const INT = fieldMessage('fieldInteger', { min: 0 });
const DATE = fieldMessage('fieldDate');

const str = v.string(STRING);
const strOrNull = v.nullable(str);
const int = v.pipe(v.number(INT), v.safeInteger(INT), v.minValue(0, INT));
const list = <S extends v.GenericSchema>(item: S) => v.array(item, fieldMessage('fieldArray'));
const arxivId = arxivIdKey(fieldMessage('fieldArxivId'));
const httpUrl = v.pipe(
  str,
  v.check((s) => safeHttpUrl(s) !== null, fieldMessage('fieldUrl')),
);
const section = record({ label: strOrNull, text: str }, OBJECT);
const diagnostic = record({ line: int, message: str }, OBJECT);

/**
 * A string with the control and bidi characters removed (as from every model answer: invisible, and bidi overrides
 * could make text read differently), then of `min`..`max` characters.
 */
const clean = (max: number, min = 0) =>
  v.pipe(
    str,
    v.transform(stripControls),
    v.check((s) => s.length >= min && s.length <= max, fieldMessage('fieldLength', { min, max })),
  );

const PROVIDERS = SUMMARY_PROVIDERS.filter((p): p is ProviderId => p !== 'none');
const MODEL_PROVIDERS = PROVIDERS.filter((p) => p !== 'chrome-ai');
/** Largest prompt version believed (the first is 1; on-device translation has none, 0). */
const MAX_PROMPT_VERSION = 1000;
const tokens = v.nullable(v.custom<number>((x) => tokenCount(x) !== null, fieldMessage('fieldTokens')));
const usage = v.nullable(record({ inputTokens: tokens, outputTokens: tokens }, OBJECT));
const promptVersion = v.pipe(
  int,
  v.maxValue(MAX_PROMPT_VERSION, fieldMessage('fieldPromptVersion', { max: MAX_PROMPT_VERSION })),
);

/** A summary's sections: 1..MAX_SECTIONS (counted before they are read), each text at most `maxText`. */
const sections = (maxText: number) =>
  v.pipe(
    list(v.unknown()),
    v.check((a) => a.length >= 1 && a.length <= MAX_SECTIONS, fieldMessage('fieldSections', { max: MAX_SECTIONS })),
    v.array(record({ label: v.nullable(clean(MAX_LABEL_CHARS)), text: clean(maxText) }, OBJECT)),
  );

/** Version 1 files have no summaries: a `summaries` key is ignored. */
const noSummaries = v.optional(
  v.pipe(
    v.unknown(),
    v.transform((): StoredSummary[] => []),
  ),
  [],
);

/** The head every version shares. */
const exportHead = v.pipe(plainObject('not an export'), v.looseObject({ format: v.literal(EXPORT_FORMAT) }));
const importable = v.picklist(IMPORTABLE_VERSIONS);

/** What one parse normalised, for its notes. */
interface Seen {
  mediaDropped: number;
  notes: ImportNote[];
}

/**
 * The schema of one parse of a file of `version`: it judges days and times by the clock `now` and counts what it
 * normalises in `seen`. `refusals` maps the checks whose failure is not `importInvalid` to their code (the issue's
 * message is then the day).
 */
function fileSchemas(now: number, version: number, seen: Seen) {
  const notFarFuture = (day: string) => !isFarFuture(day, now);
  const believable = (t: number) => t >= MIN_FETCHED_AT && t <= now + DAY_MS;

  const date = v.pipe(
    v.string(DATE),
    v.check(isIsoDate, DATE),
    v.check(notFarFuture, (i) => String(i.input)),
  );
  const media = v.nullable(
    v.pipe(
      record({ kind: v.picklist(['image', 'video'], fieldMessage('fieldMediaKind')), url: httpUrl }, OBJECT),
      v.transform((m): Media | null => {
        if (isAllowedMediaUrl(m.url)) return m;
        seen.mediaDropped++;
        return null;
      }),
    ),
  );

  const paper: v.GenericSchema<unknown, StoredPaper> = v.pipe(
    record(
      {
        votes: v.nullable(int),
        date,
        dates: list(date),
        arxivId,
        title: str,
        authors: list(str),
        media,
        sections: list(section),
      },
      OBJECT,
    ),
    // Stored papers keep `dates` newest first and show the newest occurrence (`date === dates[0]`); sync merges rely
    // on it, so a file that says otherwise is refused rather than stored.
    v.transform((p) => ({ ...p, dates: [...new Set(p.dates)].sort().reverse() })),
    v.forward(
      v.check((p) => p.dates[0] === p.date, fieldMessage('fieldNewestDate')),
      ['date'],
    ),
  );

  const digestFields = record(
    {
      date,
      paperIds: list(arxivId),
      path: str,
      runs: int,
      diagnostics: list(diagnostic),
      etag: strOrNull,
      lastModified: strOrNull,
      fetchedAt: int,
      bytes: int,
    },
    OBJECT,
  );
  type DigestFields = v.InferOutput<typeof digestFields>;
  const fetchedBelievably = v.check<DigestFields, v.ErrorMessage<v.CheckIssue<DigestFields>>>(
    (g) => believable(g.fetchedAt),
    (i) => i.input.date,
  );
  const digest: v.GenericSchema<unknown, StoredDigest> = v.pipe(
    digestFields,
    fetchedBelievably,
    v.transform((g) => ({ ...g, paperIds: uniqueIds(g.paperIds, g.date, seen) })),
  );

  const summaryOf = (provider: v.GenericSchema<unknown, ProviderId>, maxText: number) =>
    fields(
      {
        provider,
        // On-device translation keeps the whole abstract in a section; a model's sections are held to a digest's size.
        sections: sections(maxText),
        createdAt: v.pipe(int, v.check(believable, fieldMessage('fieldCreatedAt'))),
        promptVersion,
        arxivId,
        title: clean(MAX_TITLE_CHARS, 1),
        titleKo: v.nullable(clean(MAX_TITLE_KO, 1)),
        model: clean(MAX_MODEL_CHARS, 1),
        usage,
      },
      OBJECT,
    );
  const summary: v.GenericSchema<unknown, StoredSummary> = v.pipe(
    plainObject(OBJECT),
    v.variant(
      'provider',
      [summaryOf(v.literal('chrome-ai'), MAX_SECTION_TEXT), summaryOf(v.picklist(MODEL_PROVIDERS), MAX_SECTION_CHARS)],
      fieldMessage('fieldProvider', { list: PROVIDERS.join(', ') }),
    ),
  );

  const exportedAt = v.pipe(
    str,
    v.check((s) => !Number.isNaN(Date.parse(s)), fieldMessage('fieldExportedAt')),
  );
  const file = fields(
    { exportedAt, digests: list(digest), papers: list(paper), summaries: version === 1 ? noSummaries : list(summary) },
    OBJECT,
  );
  /** The checks whose failure is not `importInvalid` (their message is the day). */
  const refusals = new Map<unknown, 'importFarFuture' | 'importFetchedAt'>([
    [notFarFuture, 'importFarFuture'],
    [fetchedBelievably.requirement, 'importFetchedAt'],
  ]);
  return { file, refusals };
}

/** The ids in their first places; a note for the day when some were repeated. */
function uniqueIds(ids: string[], day: string, seen: Seen): string[] {
  const unique = [...new Set(ids)];
  const count = ids.length - unique.length;
  if (count > 0) seen.notes.push({ code: 'duplicateIds', count, day });
  return unique;
}

/** What is wrong across records (a day or an id twice, a digest listing a paper not in the file), or null. */
function crossCheck(digests: StoredDigest[], papers: StoredPaper[], summaries: StoredSummary[]): AppError | null {
  const dates = new Set<string>();
  for (const [i, d] of digests.entries()) {
    if (dates.has(d.date)) return invalid('fieldTwice', { at: `digests[${i}].date`, value: d.date });
    dates.add(d.date);
  }
  const ids = new Set<string>();
  for (const [i, p] of papers.entries()) {
    if (ids.has(p.arxivId)) return invalid('fieldTwice', { at: `papers[${i}].arxivId`, value: p.arxivId });
    ids.add(p.arxivId);
  }
  const summaryIds = new Set<string>();
  for (const [i, g] of summaries.entries()) {
    if (summaryIds.has(g.arxivId)) return invalid('fieldTwice', { at: `summaries[${i}].arxivId`, value: g.arxivId });
    summaryIds.add(g.arxivId);
  }
  for (const [i, d] of digests.entries()) {
    const missing = d.paperIds.find((id) => !ids.has(id));
    if (missing !== undefined) return invalid('fieldMissingPaper', { at: `digests[${i}]`, id: missing });
  }
  return null;
}

/** Validates an export file's text against the clock `now` (epoch ms). Never throws. */
export function parseExport(text: string, now: number = Date.now()): ParseResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, error: appError('importNotJson') };
  }
  return readExport(raw, now);
}

/** {@link parseExport} of the file's parsed JSON. */
export function readExport(raw: unknown, now: number): ParseResult {
  if (!v.is(exportHead, raw)) return { ok: false, error: appError('importNotExport') };
  if (!v.is(importable, raw.version)) {
    const version = String(JSON.stringify(raw.version) ?? 'none').slice(0, 40);
    return { ok: false, error: appError('importVersion', { version, supported: IMPORTABLE_VERSIONS.join(', ') }) };
  }
  const seen: Seen = { mediaDropped: 0, notes: [] };
  const schemas = fileSchemas(now, raw.version, seen);
  const r = v.safeParse(schemas.file, raw, FIRST_FAULT);
  if (!r.success) {
    const issue = r.issues[0];
    const refusal = schemas.refusals.get(issue.requirement);
    if (refusal) return { ok: false, error: appError(refusal, { day: issue.message }) };
    return { ok: false, error: fieldError(issue.message, issuePath(issue)) };
  }
  const { exportedAt, digests, papers, summaries } = r.output;
  const wrong = crossCheck(digests, papers, summaries);
  if (wrong !== null) return { ok: false, error: wrong };
  const dropped: ImportNote[] = seen.mediaDropped > 0 ? [{ code: 'mediaDropped', count: seen.mediaDropped }] : [];
  const notes = [...dropped, ...seen.notes];
  const file: ExportFile = { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt, digests, papers, summaries };
  return { ok: true, file, notes };
}
