/**
 * Errors in the UI language, for the pages and the panel: `error_<code>` of lib/errors.ts with its parameters (dates
 * and times in the UI language's way). `errorText(e)` words anything caught: an error the background sent as a code
 * (lib/send throws it with `code` and `params`), else the exception's own message (the browser's, e.g. a refused
 * permission request).
 */
import { type AppError, readAppError, wordError, wordErrors } from './errors';
import { t, uiLang } from './i18n';

const say = (key: Parameters<typeof t>[0], subs: string[]) => t(key, ...subs);

export function errorMessage(e: AppError): string {
  return wordError(e, say, uiLang());
}

/** A sync run's errors (lib/records `SyncStatus.lastError`), one after another. */
export function errorsMessage(list: readonly AppError[]): string {
  return wordErrors(list, say, uiLang());
}

export function errorText(e: unknown): string {
  const coded = readAppError(e);
  if (coded) return errorMessage(coded);
  return e instanceof Error ? e.message : String(e);
}
