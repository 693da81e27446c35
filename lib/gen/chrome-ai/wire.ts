/**
 * The messages between the background (lib/gen/chrome-ai/offscreen-client.ts) and the offscreen document that runs
 * Chrome's on-device APIs (lib/gen/chrome-ai/offscreen-host.ts), over one runtime Port named `GEN_PORT` per request:
 * the background posts one request (and maybe `cancel`), the document answers with partials then one final message
 * (`result`, `status`, `tested` or `error`). Both sides validate every message they receive with the parsers below
 * (valibot schemas, as every other message of the extension: lib/schemas.ts).
 */
import * as v from 'valibot';
import type { Section } from '../../digest/types';
import { arxivIdKey, FIRST_FAULT, isPlainObject } from '../../schemas';
import type { GenErrorCode, GenInput, GenResult } from '../types';
import { type ChromeAiStatus, isChromeAiStatus } from './availability';
import { MAX_SECTION_TEXT, MAX_TITLE_KO } from './constants';

export const GEN_PORT = 'gen-offscreen';

/**
 * Upper bounds the wire accepts for the input (characters): the caller caps title and abstract tighter (an arXiv
 * abstract is at most 1,920 characters); these only keep a bad request from costing anything.
 */
export const WIRE_MAX_TITLE = 2_000;
export const WIRE_MAX_ABSTRACT = 20_000;
const MAX_LABEL = 100;
const MAX_SECTIONS = 8;
const MAX_MODEL = 100;
const MAX_MESSAGE = 500;

export type HostRequest =
  | { kind: 'generate'; input: GenInput }
  | { kind: 'status' }
  | { kind: 'test' }
  | { kind: 'cancel' };

export type HostReply =
  | { kind: 'partial'; sections: Section[]; titleKo: string | null }
  | { kind: 'result'; result: GenResult }
  | { kind: 'status'; status: ChromeAiStatus }
  | { kind: 'tested'; model: string }
  | { kind: 'error'; code: GenErrorCode; message: string | null };

/** Every GenErrorCode (the Record makes the compiler check the list is complete). */
const ERROR_CODES: Readonly<Record<GenErrorCode, true>> = {
  badKey: true,
  notFound: true,
  badRequest: true,
  forbidden: true,
  unknownModel: true,
  rateLimited: true,
  server: true,
  timeout: true,
  offline: true,
  network: true,
  empty: true,
  malformed: true,
  unavailable: true,
  needsDownload: true,
  cancelled: true,
  refused: true,
};

const text = (max: number, message: string) =>
  v.pipe(
    v.string(message),
    v.maxLength(max, message),
    v.check((t) => t.trim() !== '', message),
  );
const upTo = (max: number) => v.pipe(v.string(), v.maxLength(max));
const count = v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0)));

const TITLE = `title must be text of at most ${WIRE_MAX_TITLE} characters`;
const ABSTRACT = `abstract must be text of at most ${WIRE_MAX_ABSTRACT} characters`;

const hostRequestSchema = v.variant(
  'kind',
  [
    v.strictObject(
      {
        kind: v.literal('generate'),
        input: v.strictObject(
          {
            arxivId: arxivIdKey('arxivId must be an arXiv id'),
            title: text(WIRE_MAX_TITLE, TITLE),
            abstract: text(WIRE_MAX_ABSTRACT, ABSTRACT),
          },
          'input must be {arxivId, title, abstract}',
        ),
      },
      'unexpected fields',
    ),
    v.strictObject({ kind: v.literal('status') }, 'unexpected fields'),
    v.strictObject({ kind: v.literal('test') }, 'unexpected fields'),
    v.strictObject({ kind: v.literal('cancel') }, 'unexpected fields'),
  ],
  'unknown request kind',
);

/** A request as the offscreen document receives it, or why it is refused. */
export function parseHostRequest(raw: unknown): HostRequest | string {
  if (!isPlainObject(raw)) return 'message must be an object';
  const r = v.safeParse(hostRequestSchema, raw, FIRST_FAULT);
  return r.success ? r.output : r.issues[0].message;
}

/** The length first, so an overlong array is refused before any of it is read. */
const sections = v.pipe(
  v.custom<unknown[]>((a) => Array.isArray(a) && a.length <= MAX_SECTIONS),
  v.array(v.object({ label: v.nullable(upTo(MAX_LABEL)), text: upTo(MAX_SECTION_TEXT) })),
);
const titleKo = v.nullable(upTo(MAX_TITLE_KO));

const hostReplySchema = v.variant(
  'kind',
  [
    v.object({ kind: v.literal('partial'), sections, titleKo }, 'malformed partial'),
    v.object(
      {
        kind: v.literal('result'),
        result: v.object({
          sections,
          titleKo,
          model: upTo(MAX_MODEL),
          usage: v.nullable(v.object({ inputTokens: count, outputTokens: count })),
        }),
      },
      'malformed result',
    ),
    v.object({ kind: v.literal('status'), status: v.custom<ChromeAiStatus>(isChromeAiStatus) }, 'malformed status'),
    v.object({ kind: v.literal('tested'), model: upTo(MAX_MODEL) }, 'malformed test answer'),
    v.object(
      {
        kind: v.literal('error'),
        code: v.custom<GenErrorCode>((c) => typeof c === 'string' && Object.hasOwn(ERROR_CODES, c)),
        message: v.nullable(upTo(MAX_MESSAGE)),
      },
      'malformed error',
    ),
  ],
  'unknown reply kind',
);

/** Which refusal a reply of each kind gets, whatever field of it is wrong. */
const REPLY_FAULT: Record<string, string> = {
  partial: 'malformed partial',
  result: 'malformed result',
  status: 'malformed status',
  tested: 'malformed test answer',
  error: 'malformed error',
};

/** A reply as the background receives it, or why it is refused. Only its known fields are kept. */
export function parseHostReply(raw: unknown): HostReply | string {
  if (!isPlainObject(raw)) return 'reply must be an object';
  const r = v.safeParse(hostReplySchema, raw, FIRST_FAULT);
  if (r.success) return r.output;
  const kind = typeof raw.kind === 'string' && Object.hasOwn(REPLY_FAULT, raw.kind) ? raw.kind : null;
  return kind ? (REPLY_FAULT[kind] as string) : 'unknown reply kind';
}

/** An error as the host sends it (its message clipped to what the wire accepts). */
export function errorReply(code: GenErrorCode, message?: string): HostReply {
  return { kind: 'error', code, message: message ? message.slice(0, MAX_MESSAGE) : null };
}
