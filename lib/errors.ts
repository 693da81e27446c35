/**
 * Errors as data: a code and its parameters (`{ code: 'fetchServer', params: { status: 500 } }`), stored and passed
 * as they are and worded only where they are shown: in the UI language by the pages (`_locales`: `error_<code>`,
 * lib/error-text.ts `errorMessage`), in English for the background's logs (lib/error-english.ts). Pure.
 *
 * `ERROR_PARAMS` lists every code with its parameters in the order of the message's `$1`, `$2`… A parameter named
 * `cause` is another error (worded in its place), `until` a time in ms (worded as a local date and time), `size` a
 * byte count (worded in KiB/MiB); every other one is substituted as it is: numbers, paths, dates, hosts, field
 * names — never a sentence, so no English reaches a Korean page.
 */

export const ERROR_PARAMS = {
  // The background's replies.
  dbNewer: [],
  dbOpen: [],
  requestRefused: [],
  noAnswer: [],
  internal: ['detail'],
  noPermission: ['origin'],
  // One download (a day file or the day index): lib/sync/fetch-file.ts.
  fetchTimeout: ['seconds'],
  fetchNotFound: ['status'],
  fetchRateLimited: [],
  fetchServer: ['status'],
  fetchHttp: ['status'],
  fetchRedirect: [],
  fetchTooLarge: ['size'],
  fetchBrokeOff: ['bytes'],
  fetchIncomplete: ['bytes', 'expected'],
  fetchEncoding: [],
  // One day file after its download: lib/sync/day-results.ts.
  fileUnreadable: [],
  fileNoPapers: [],
  fileStoreFailed: ['detail'],
  // The day index: lib/sync/csv-index.ts.
  indexQuote: [],
  indexEmpty: [],
  indexNoDate: [],
  indexBadDate: ['value', 'line'],
  indexNoDays: [],
  // A sync run: lib/sync/run.ts and its parts.
  syncStopped: [],
  syncOffline: [],
  syncSlowDown: ['until'],
  syncSource: ['cause'],
  syncBadIndex: ['cause'],
  syncNo304: [],
  syncIndex: ['cause'],
  syncFilesFailed: ['count', 'path', 'cause'],
  syncDaysLeft: ['count'],
  syncFutureDays: ['count', 'dates'],
  syncFailed: ['detail'],
  syncRecordFailed: ['detail'],
  /** A stored error this version cannot read (an older version stored sentences): said generically. */
  syncEarlier: [],
  // Source and endpoint base URLs: lib/sync/source.ts.
  sourceInvalid: [],
  sourceScheme: [],
  sourceCredentials: [],
  sourceQuery: [],
  sourceFragment: [],
  sourceHost: [],
  sourceLinkLocal: [],
  sourcePlainHttp: [],
  sourceSlash: [],
  // `setSettings` patches: lib/privileged-settings.ts.
  settingsNotObject: [],
  settingsUnknown: ['key'],
  settingsString: ['key'],
  settingsBoolean: ['key'],
  settingsHours: ['min', 'max'],
  settingsProvider: ['list'],
  settingsModel: ['max'],
  settingsUrl: ['key', 'cause'],
  // Hugging Face: lib/hf/daily.ts.
  hfNetwork: [],
  hfTooLarge: ['size'],
  hfBrokeOff: [],
  hfNotJson: [],
  hfStatus: ['status'],
  hfUnexpected: [],
  // Export files: lib/export-format.ts (`importInvalid` wraps one `field*` code; `at` is the field's path).
  importNotJson: [],
  importNotExport: [],
  importVersion: ['version', 'supported'],
  importFarFuture: ['day'],
  importFetchedAt: ['day'],
  importInvalid: ['cause'],
  fieldObject: ['at'],
  fieldString: ['at'],
  fieldInteger: ['at', 'min'],
  fieldArray: ['at'],
  fieldDate: ['at'],
  fieldArxivId: ['at'],
  fieldUrl: ['at'],
  fieldMediaKind: ['at'],
  fieldNewestDate: ['at'],
  fieldLength: ['at', 'min', 'max'],
  fieldTokens: ['at'],
  fieldProvider: ['at', 'list'],
  fieldSections: ['at', 'max'],
  fieldCreatedAt: ['at'],
  fieldPromptVersion: ['at', 'max'],
  fieldExportedAt: ['at'],
  fieldTwice: ['at', 'value'],
  fieldMissingPaper: ['at', 'id'],
} as const satisfies Record<string, readonly string[]>;

type Table = typeof ERROR_PARAMS;
export type ErrorCode = keyof Table;
type Names<K extends ErrorCode> = Table[K][number];

export type ErrorParams<K extends ErrorCode> = {
  [P in Names<K>]: P extends 'cause' ? AppError : string | number;
};

/** One error: its code and every parameter its message names. */
export type AppError = { [K in ErrorCode]: { code: K; params: ErrorParams<K> } }[ErrorCode];

/** `appError('fetchServer', { status: 500 })`; codes without parameters take none: `appError('syncStopped')`. */
export function appError<K extends ErrorCode>(
  code: K,
  ...params: [Names<K>] extends [never] ? [] : [ErrorParams<K>]
): Extract<AppError, { code: K }> {
  return { code, params: params[0] ?? {} } as Extract<AppError, { code: K }>;
}

export const isErrorCode = (v: unknown): v is ErrorCode => typeof v === 'string' && Object.hasOwn(ERROR_PARAMS, v);

/** Longest string parameter kept when an error is read back (a path, a host, a date list). */
export const MAX_PARAM_CHARS = 500;
/** Causes read back at most this deep. */
const MAX_DEPTH = 4;

/**
 * `raw` as an AppError when it is one — a known code, every parameter of the right kind (a string is cut to
 * MAX_PARAM_CHARS) — else null. Reads anything: stored records of any version, replies, thrown errors (an exception
 * with a `code` and `params` is read as the error it carries; a code without parameters needs no `params`).
 */
export function readAppError(raw: unknown, depth = 0): AppError | null {
  if (typeof raw !== 'object' || raw === null || depth > MAX_DEPTH) return null;
  const { code, params } = raw as { code?: unknown; params?: unknown };
  if (!isErrorCode(code)) return null;
  const names: readonly string[] = ERROR_PARAMS[code];
  if (names.length === 0) return { code, params: {} } as AppError;
  if (typeof params !== 'object' || params === null) return null;
  const out: Record<string, unknown> = {};
  for (const name of names) {
    const v = (params as Record<string, unknown>)[name];
    if (name === 'cause') {
      const cause = readAppError(v, depth + 1);
      if (!cause) return null;
      out[name] = cause;
    } else if (typeof v === 'string') out[name] = v.slice(0, MAX_PARAM_CHARS);
    else if (typeof v === 'number' && Number.isFinite(v)) out[name] = v;
    else return null;
  }
  return { code, params: out } as AppError;
}

/** The error an exception carries, or `fallback` with the exception's name (`TypeError`, `QuotaExceededError`…). */
export function errorOf(e: unknown, fallback: 'internal' | 'syncFailed' | 'syncRecordFailed' | 'fileStoreFailed') {
  return readAppError(e) ?? appError(fallback, { detail: errorName(e) });
}

/** An exception's name (never its message, which is English): `TypeError`, `QuotaExceededError`, `Error`. */
export function errorName(e: unknown): string {
  const name = (e as { name?: unknown } | null)?.name;
  return typeof name === 'string' && /^[\w.-]{1,60}$/.test(name) ? name : 'Error';
}

/** An exception carrying an AppError (the background's handlers throw them; lib/send throws one for a refusal). */
export class CodedError extends Error {
  readonly code: ErrorCode;
  readonly params: AppError['params'];
  constructor(error: AppError, message: string = error.code) {
    super(message);
    this.name = 'CodedError';
    this.code = error.code;
    this.params = error.params;
  }
}

/** The message key of a code. */
export type ErrorKey = `error_${ErrorCode}`;
export const errorKey = (code: ErrorCode): ErrorKey => `error_${code}`;

/** Looks a message up and fills in its `$1`, `$2`… (lib/i18n `t`, or a bundled table). */
export type Say = (key: ErrorKey, subs: string[]) => string;

/** `size` parameters: bytes as B, KiB or MiB (units read the same in every language). */
export function sizeText(bytes: number): string {
  if (bytes >= 1 << 20) return `${Math.round((bytes / (1 << 20)) * 10) / 10} MiB`;
  if (bytes >= 1 << 10) return `${Math.round(bytes / (1 << 10))} KiB`;
  return `${bytes} B`;
}

function timeText(ms: number, lang: 'ko' | 'en'): string {
  return new Date(ms).toLocaleString(lang, { dateStyle: 'medium', timeStyle: 'short' });
}

/** An error in words: its message with every parameter filled in (causes worded the same way, in place). */
export function wordError(e: AppError, say: Say, lang: 'ko' | 'en'): string {
  const params = e.params as Record<string, string | number | AppError>;
  const subs = ERROR_PARAMS[e.code].map((name: string) => {
    const v = params[name];
    if (typeof v === 'object') return wordError(v, say, lang);
    if (name === 'until' && typeof v === 'number') return timeText(v, lang);
    if (name === 'size' && typeof v === 'number') return sizeText(v);
    return String(v);
  });
  return say(errorKey(e.code), subs);
}

/** Several errors (a sync run's) in words, one after another. */
export function wordErrors(list: readonly AppError[], say: Say, lang: 'ko' | 'en'): string {
  return list.map((e) => wordError(e, say, lang)).join('; ');
}
