/**
 * What the valibot schemas of the background and the pages share (messages: lib/background/requests.ts, export
 * files: lib/export-format.ts, Hugging Face answers: lib/hf/api.ts, the offscreen wire: lib/gen/chrome-ai/wire.ts). Content scripts never import this module (nor
 * valibot). Every parse over untrusted input runs with `abortEarly` (one refusal, no list of every fault).
 */
import * as v from 'valibot';
import { isArxivIdKey, isNewStyleIdKey } from './arxiv-id';

/** Stop at the first fault: a refusal names one, and a hostile input never builds a list of them. */
export const FIRST_FAULT = { abortEarly: true } as const;

type Obj = Record<string, unknown>;
export const isPlainObject = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);

/** An object that is not an array (valibot's object schemas take arrays too). */
export const plainObject = (message: string) => v.custom<Obj>(isPlainObject, message);

/** An id key by the one rule of lib/arxiv-id.ts (`isArxivIdKey`). */
export const arxivIdKey = (message?: string) => v.custom<string>(isArxivIdKey, message);

/** A new-style id key (`isNewStyleIdKey`): the only ids Hugging Face carries. */
export const newStyleIdKey = (message?: string) => v.custom<string>(isNewStyleIdKey, message);

/**
 * `v.object` whose refusals read as its fields' own. valibot reports a missing key with the object's message; here
 * the missing field's schema is run on `undefined` instead, so a missing `title` reads "must be a string" like a
 * `title` of the wrong kind. Unknown keys are dropped.
 */
export function fields<E extends v.ObjectEntries>(entries: E, message: string) {
  return v.object(entries, (issue) => {
    const key = issue.path?.[0]?.key;
    const field = typeof key === 'string' && Object.hasOwn(entries, key) ? entries[key] : undefined;
    return (field && v.safeParse(field, undefined, FIRST_FAULT).issues?.[0].message) || message;
  });
}

/** {@link fields} of a plain object (anything else, arrays included, is refused with `message`). */
export function record<E extends v.ObjectEntries>(entries: E, message: string) {
  return v.pipe(plainObject(message), fields(entries, message));
}

/** Where an issue is, as code would write it: `papers[3].votes` ('' at the top). */
export function issuePath(issue: v.BaseIssue<unknown>): string {
  let out = '';
  for (const item of issue.path ?? []) {
    const key = item.key;
    out += typeof key === 'number' ? `[${key}]` : out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}
