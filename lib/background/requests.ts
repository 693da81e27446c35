/**
 * The schemas of the requests of lib/messages.ts (valibot): the background validates every message and every
 * `GEN_PORT` message with them before anything is done with it. They live here, not in lib/messages.ts, because the
 * content scripts import that module (types, constants, `envelope`) and must not bundle valibot.
 *
 * A refusal is one string, `<type>: <what is wrong>`, with the code a page words; a request's output is rebuilt from
 * its known fields only, and a `setSettings` patch comes out normalised (lib/privileged-settings.ts
 * `parseSettingsPatch`).
 */
import * as v from 'valibot';
import { isApiKey } from '../db/provider-key';
import { type AppError, appError } from '../errors';
import {
  CHANNEL,
  type Envelope,
  GEN_MAX_ABSTRACT,
  GEN_MAX_TITLE,
  type GenRequest,
  MAX_IMPORT_CHARS,
  type MessageType,
  type Req,
} from '../messages';
import { parseSettingsPatch, type SettingsPatch } from '../privileged-settings';
import { arxivIdKey, FIRST_FAULT, fields, plainObject } from '../schemas';

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const HASH_RE = /^#\/(\d{4}-\d{2}-\d{2}|paper\/[\w./-]{1,40}|summary\/[\w./-]{1,40}|summaries|search\/.{0,200})?$/;
/** Most ids in one `getBadges` (a listing page shows at most 2,000 entries). */
const MAX_BADGE_IDS = 2000;

const id = arxivIdKey();
const none = v.strictObject({});

/** Each request's payload schema and what any of its refusals reads as (none: the refusal's own words). */
const REQUESTS: { [K in MessageType]: readonly [v.GenericSchema<unknown, Req<K>>, string?] } = {
  getPaper: [v.object({ arxivId: id }), 'arxivId must be an arXiv id'],
  getBadges: [
    v.object({
      arxivIds: v.pipe(
        v.custom<unknown[]>((a) => Array.isArray(a) && a.length <= MAX_BADGE_IDS),
        v.array(id),
      ),
    }),
    `arxivIds must be an array of at most ${MAX_BADGE_IDS} arXiv ids`,
  ],
  getDigest: [v.object({ date: v.pipe(v.string(), v.regex(DATE_RE)) }), 'date must be YYYY-MM-DD'],
  getLatestDigest: [none, 'unexpected fields'],
  listDates: [none, 'unexpected fields'],
  search: [
    v.object({
      query: v.pipe(v.string(), v.maxLength(500)),
      limit: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1000)),
    }),
    'search needs query (≤ 500 chars) and an integer limit in 1..1000',
  ],
  getSyncStatus: [none, 'unexpected fields'],
  syncNow: [none, 'unexpected fields'],
  openReader: [v.object({ hash: v.pipe(v.string(), v.regex(HASH_RE)) }), 'hash must be a reader route'],
  openOptions: [none, 'unexpected fields'],
  exportData: [none, 'unexpected fields'],
  importData: [
    v.strictObject({ json: v.pipe(v.string(), v.maxLength(MAX_IMPORT_CHARS)) }),
    `json must be a string of at most ${MAX_IMPORT_CHARS} characters`,
  ],
  clearData: [none, 'unexpected fields'],
  storageInfo: [none, 'unexpected fields'],
  getUiStrings: [v.object({ lang: v.picklist(['ko', 'en']) }), 'lang must be ko or en'],
  getHfToday: [none, 'unexpected fields'],
  getLiveVotes: [v.strictObject({ arxivId: id }), 'arxivId must be an arXiv id (and nothing else)'],
  getSettings: [none, 'unexpected fields'],
  setProviderKey: [
    v.strictObject({ key: v.pipe(v.string(), v.check(isApiKey)) }),
    'key must be printable ASCII without spaces, at most 1000 characters',
  ],
  testProvider: [none, 'unexpected fields'],
  listSummaries: [none, 'unexpected fields'],
  deleteSummaries: [v.strictObject({ arxivId: v.nullable(id) }), 'arxivId must be an arXiv id or null'],
  // The patch itself is checked (once) by parseSettingsPatch in checkRequest, which keeps the refusal's code.
  setSettings: [v.strictObject({ patch: v.custom<SettingsPatch>(() => true) }, 'only patch')],
};

const TYPES = Object.keys(REQUESTS) as MessageType[];

const envelopeSchema = fields(
  {
    channel: v.literal(CHANNEL, 'unknown channel'),
    type: v.picklist(TYPES, (issue) => `unknown message type ${String(issue.input)}`),
    payload: plainObject('payload must be an object'),
  },
  'message must be an object',
);

/** A refused request: `error` for logs, `problem` the code a page words (a settings patch says which field). */
export interface RequestRefusal {
  error: string;
  problem: AppError;
}

/**
 * Validates an untrusted message, once. Returns the typed envelope (payload rebuilt from known fields, a settings
 * patch normalised) or the refusal.
 */
export function checkRequest(raw: unknown): Envelope | RequestRefusal {
  const refused = (error: string, problem: AppError = appError('requestRefused')) => ({ error, problem });
  const env = v.safeParse(envelopeSchema, raw, FIRST_FAULT);
  if (!env.success) return refused(env.issues[0].message);
  const { type, payload } = env.output;
  const [schema, message] = REQUESTS[type];
  const r = v.safeParse(schema, payload, { ...FIRST_FAULT, message });
  if (!r.success) return refused(`${type}: ${r.issues[0].message}`);
  if (type === 'setSettings') {
    const patch = parseSettingsPatch((r.output as { patch: unknown }).patch);
    if (!patch.ok) return refused(`${type}: ${patch.error}`, patch.problem);
    return { channel: CHANNEL, type, payload: { patch: patch.patch } };
  }
  return { channel: CHANNEL, type, payload: r.output };
}

const TITLE = `title must be 1..${GEN_MAX_TITLE} characters`;
const ABSTRACT = `abstract must be at most ${GEN_MAX_ABSTRACT} characters`;

const genRequestSchema = v.variant(
  'type',
  [
    v.strictObject({ type: v.literal('cancel') }, 'cancel takes nothing else'),
    fields(
      {
        type: v.literal('start'),
        arxivId: arxivIdKey('arxivId must be an arXiv id'),
        title: v.pipe(
          v.string(TITLE),
          v.maxLength(GEN_MAX_TITLE, TITLE),
          v.check((s) => s.trim() !== '', TITLE),
        ),
        abstract: v.pipe(v.string(ABSTRACT), v.maxLength(GEN_MAX_ABSTRACT, ABSTRACT)),
        regenerate: v.boolean('regenerate must be true or false'),
      },
      'unknown generate message',
    ),
  ],
  'unknown generate message',
);

/** Validates a message arriving on the generate port. */
export function parseGenRequest(raw: unknown): GenRequest | string {
  const r = v.safeParse(genRequestSchema, raw, FIRST_FAULT);
  return r.success ? r.output : r.issues[0].message;
}
