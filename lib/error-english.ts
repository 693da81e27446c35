/**
 * Errors in English from the bundled `en` table, for what is not shown in a page: the background's log lines and the
 * `error` text of its refusals (lib/messages `Reply`), and the command line. Pure.
 */
import en from '../public/_locales/en/messages.json';
import { type AppError, type ErrorKey, wordError, wordErrors } from './errors';
import { formatMessage } from './i18n-format';

const say = (key: ErrorKey, subs: string[]) => formatMessage(en[key].message, subs);

export function englishError(e: AppError): string {
  return wordError(e, say, 'en');
}

export function englishErrors(list: readonly AppError[]): string {
  return wordErrors(list, say, 'en');
}
