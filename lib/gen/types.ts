/**
 * Korean summaries made on the user's side: the one interface every provider implements (lib/gen/*), and the error
 * codes they fail with. Providers run in the background (endpoints) or in an extension document (Chrome's on-device
 * APIs, which workers do not have); neither stores anything: the caller stores a result only when it is complete.
 */
import type { Section } from '../digest/types';

export type ProviderId = 'chrome-ai' | 'openai' | 'anthropic';

/** What is sent: the paper's title and abstract (capped by the caller), never anything else about the user. */
export interface GenInput {
  arxivId: string;
  title: string;
  abstract: string;
}

export interface GenUsage {
  inputTokens: number | null;
  outputTokens: number | null;
}

export interface GenResult {
  /** Korean sections with their labels (`What's New` / `Technical Details` / `Performance Highlights` from a model). */
  sections: Section[];
  /** A Korean title when the provider made one (on-device translation), else null. */
  titleKo: string | null;
  /** The model as the endpoint named it (or the configured one), e.g. `gpt-4o-mini`, `chrome-translator`. */
  model: string;
  usage: GenUsage | null;
}

export interface GenCallbacks {
  signal?: AbortSignal;
  /**
   * The sections so far, as the answer streams (each call carries the whole partial answer, parsed): for the panel to
   * fill while it arrives. Never stored.
   */
  onPartial?(partial: { sections: Section[]; titleKo: string | null }): void;
}

export interface Provider {
  id: ProviderId;
  generate(input: GenInput, cb?: GenCallbacks): Promise<GenResult>;
  /** One tiny request that says whether the configuration works (throws a GenError otherwise). */
  test(signal?: AbortSignal): Promise<{ model: string }>;
}

/**
 * Why a generation failed, as a code the UI translates (`_locales`: `gen_error_<code>`). Nothing is stored on failure.
 * - badKey: 401; forbidden: 403; unknownModel: 404 or an error naming the model; rateLimited: 429 (retryAfterMs);
 * - notFound: a 404 that does not name the model (usually a base URL without `/v1`); badRequest: any other 4xx, or a
 *   redirect (never followed: the key goes to the configured endpoint only);
 * - server: 5xx; timeout: no answer or a stalled stream; offline: no network; network: any other fetch failure;
 * - empty: an answer with no text; malformed: text that is not the digest's three labelled bullets (or not JSON/SSE);
 * - unavailable: the on-device model is not available here; needsDownload: it must be downloaded first (a click);
 * - cancelled: the user cancelled; refused: the model refused (content filter, safety stop).
 */
export type GenErrorCode =
  | 'badKey'
  | 'forbidden'
  | 'unknownModel'
  | 'notFound'
  | 'badRequest'
  | 'rateLimited'
  | 'server'
  | 'timeout'
  | 'offline'
  | 'network'
  | 'empty'
  | 'malformed'
  | 'unavailable'
  | 'needsDownload'
  | 'cancelled'
  | 'refused';

export class GenError extends Error {
  constructor(
    readonly code: GenErrorCode,
    readonly detail: { status?: number; retryAfterMs?: number; message?: string } = {},
  ) {
    super(`${code}${detail.status ? ` (${detail.status})` : ''}${detail.message ? `: ${detail.message}` : ''}`);
    this.name = 'GenError';
  }
}
