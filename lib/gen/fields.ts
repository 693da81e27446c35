/** Fields of an endpoint's answer read as untrusted values: token counts and the model's name. Pure. */
import { plainLine } from './text';
import type { GenUsage } from './types';

export const MAX_MODEL_NAME = 100;
const MAX_TOKENS_COUNTED = 1_000_000_000;

export type Obj = Record<string, unknown>;
export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A token count, or null unless a whole number in 0 … 10⁹. */
export function tokenCount(v: unknown): number | null {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= MAX_TOKENS_COUNTED ? v : null;
}

/** Usage, or null when neither count is known. */
export function usageOf(inputTokens: number | null, outputTokens: number | null): GenUsage | null {
  return inputTokens === null && outputTokens === null ? null : { inputTokens, outputTokens };
}

/** A model name as one plain line, capped; null when absent or blank. */
export function modelName(v: unknown): string | null {
  return typeof v === 'string' ? plainLine(v, MAX_MODEL_NAME) || null : null;
}

/** A message's text: a string, or the text parts of an array of content parts. */
export function contentText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (!Array.isArray(v)) return '';
  let s = '';
  for (const p of v) if (isObj(p) && p.type === 'text' && typeof p.text === 'string') s += p.text;
  return s;
}
