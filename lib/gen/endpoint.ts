/**
 * Model endpoints as the settings name them: the provider's default base URL and model, the base URL rule (the
 * source rule of lib/sync/source.ts: https, or http only on a loopback or private host; never link-local or
 * metadata addresses; no user info, query or fragment), and the origin whose host permission a save asks for. Pure.
 */
import type { PrivilegedSettings } from '../setting-defaults';
import { type SourceCheck, validateSourceUrl } from '../sync/source';

export const ENDPOINT_DEFAULTS = {
  openai: { baseUrl: 'https://api.openai.com/v1', model: 'gpt-4o-mini' },
  anthropic: { baseUrl: 'https://api.anthropic.com/v1', model: 'claude-3-5-haiku-latest' },
} as const;

export type EndpointProvider = keyof typeof ENDPOINT_DEFAULTS;

export const MAX_MODEL_CHARS = 200;

export function isEndpointProvider(p: string): p is EndpointProvider {
  return p === 'openai' || p === 'anthropic';
}

/** A base URL as stored: trimmed, normalised, without a trailing slash; or the source rule's error code. */
export function validateBaseUrl(input: string): SourceCheck {
  const raw = input.trim().replace(/\/+$/, '');
  const check = validateSourceUrl(`${raw}/`);
  if (!check.ok) return check;
  return { ok: true, url: check.url.replace(/\/+$/, '') };
}

/** A model name: 1–200 printable characters without spaces or control characters. */
export function isModelName(s: string): boolean {
  if (s.length === 0 || s.length > MAX_MODEL_CHARS) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c <= 32 || c === 127) return false;
  }
  return true;
}

/** The endpoint the settings point at (defaults filled in), or null for `none` / `chrome-ai`. */
export function endpointOf(
  s: Pick<PrivilegedSettings, 'summaryProvider' | 'providerBaseUrl' | 'providerModel'>,
): { provider: EndpointProvider; baseUrl: string; model: string; origin: string } | null {
  if (!isEndpointProvider(s.summaryProvider)) return null;
  const d = ENDPOINT_DEFAULTS[s.summaryProvider];
  const baseUrl = s.providerBaseUrl || d.baseUrl;
  return { provider: s.summaryProvider, baseUrl, model: s.providerModel || d.model, origin: new URL(baseUrl).origin };
}
