/**
 * What a summary is made from: the paper's title and abstract, capped (read from an arXiv page through
 * lib/selectors.ts, or Hugging Face's data in the popup). Only these two texts ever leave the browser. Pure.
 */
import type { GenInput } from './types';

/** Far above real titles (< 300 characters) and abstracts (arXiv caps them at 1,920 characters). */
export const MAX_TITLE_CHARS = 1_000;
export const MAX_ABSTRACT_CHARS = 6_000;

/** Whitespace collapsed, trimmed, cut at `max` characters (linear). */
export function cleanText(text: string, max: number): string {
  return text
    .slice(0, max * 4)
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, max);
}

export function capInput(input: GenInput): GenInput {
  return {
    arxivId: input.arxivId,
    title: cleanText(input.title, MAX_TITLE_CHARS),
    abstract: cleanText(input.abstract, MAX_ABSTRACT_CHARS),
  };
}
