/**
 * The messages between the background (lib/gen/chrome-ai/offscreen-client.ts) and the offscreen document that runs
 * Chrome's on-device APIs (lib/gen/chrome-ai/offscreen-host.ts), over one runtime Port named `GEN_PORT` per request:
 * the background posts one request (and maybe `cancel`), the document answers with partials then one final message
 * (`result`, `status`, `tested` or `error`). Both sides validate every message they receive with the parsers below.
 */
import { parseArxivId } from '../../arxiv-id';
import type { Section } from '../../digest/types';
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
const MAX_ID = 64;
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

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;
const strOrNull = (v: unknown, max: number) => v === null || str(v, max);
const hasOnly = (o: Obj, keys: readonly string[]) => Object.keys(o).every((k) => keys.includes(k));
const count = (v: unknown) => v === null || (typeof v === 'number' && Number.isInteger(v) && v >= 0);

function parseInput(v: unknown): GenInput | string {
  if (!isObj(v) || !hasOnly(v, ['arxivId', 'title', 'abstract'])) return 'input must be {arxivId, title, abstract}';
  const { arxivId, title, abstract } = v;
  if (!str(arxivId, MAX_ID) || parseArxivId(arxivId)?.id !== arxivId) return 'arxivId must be an arXiv id';
  if (!str(title, WIRE_MAX_TITLE) || !title.trim()) return `title must be text of at most ${WIRE_MAX_TITLE} characters`;
  if (!str(abstract, WIRE_MAX_ABSTRACT) || !abstract.trim()) {
    return `abstract must be text of at most ${WIRE_MAX_ABSTRACT} characters`;
  }
  return { arxivId, title, abstract };
}

/** A request as the offscreen document receives it, or why it is refused. */
export function parseHostRequest(raw: unknown): HostRequest | string {
  if (!isObj(raw)) return 'message must be an object';
  switch (raw.kind) {
    case 'generate': {
      if (!hasOnly(raw, ['kind', 'input'])) return 'unexpected fields';
      const input = parseInput(raw.input);
      return typeof input === 'string' ? input : { kind: 'generate', input };
    }
    case 'status':
    case 'test':
    case 'cancel':
      return hasOnly(raw, ['kind']) ? { kind: raw.kind } : 'unexpected fields';
    default:
      return 'unknown request kind';
  }
}

function parseSections(v: unknown): Section[] | null {
  if (!Array.isArray(v) || v.length > MAX_SECTIONS) return null;
  const out: Section[] = [];
  for (const s of v) {
    if (!isObj(s) || !strOrNull(s.label, MAX_LABEL) || !str(s.text, MAX_SECTION_TEXT)) return null;
    out.push({ label: s.label as string | null, text: s.text });
  }
  return out;
}

function parseResult(v: unknown): GenResult | null {
  if (!isObj(v) || !str(v.model, MAX_MODEL) || !strOrNull(v.titleKo, MAX_TITLE_KO)) return null;
  const sections = parseSections(v.sections);
  if (!sections) return null;
  const u = v.usage;
  if (u !== null && !(isObj(u) && count(u.inputTokens) && count(u.outputTokens))) return null;
  const usage =
    u === null ? null : { inputTokens: u.inputTokens as number | null, outputTokens: u.outputTokens as number | null };
  return { sections, titleKo: v.titleKo as string | null, model: v.model, usage };
}

/** A reply as the background receives it, or why it is refused. */
export function parseHostReply(raw: unknown): HostReply | string {
  if (!isObj(raw)) return 'reply must be an object';
  switch (raw.kind) {
    case 'partial': {
      const sections = parseSections(raw.sections);
      if (!sections || !strOrNull(raw.titleKo, MAX_TITLE_KO)) return 'malformed partial';
      return { kind: 'partial', sections, titleKo: raw.titleKo as string | null };
    }
    case 'result': {
      const result = parseResult(raw.result);
      return result ? { kind: 'result', result } : 'malformed result';
    }
    case 'status':
      return isChromeAiStatus(raw.status) ? { kind: 'status', status: raw.status } : 'malformed status';
    case 'tested':
      return str(raw.model, MAX_MODEL) ? { kind: 'tested', model: raw.model } : 'malformed test answer';
    case 'error': {
      const code = raw.code;
      if (typeof code !== 'string' || !Object.hasOwn(ERROR_CODES, code) || !strOrNull(raw.message, MAX_MESSAGE)) {
        return 'malformed error';
      }
      return { kind: 'error', code: code as GenErrorCode, message: raw.message as string | null };
    }
    default:
      return 'unknown reply kind';
  }
}

/** An error as the host sends it (its message clipped to what the wire accepts). */
export function errorReply(code: GenErrorCode, message?: string): HostReply {
  return { kind: 'error', code, message: message ? message.slice(0, MAX_MESSAGE) : null };
}
