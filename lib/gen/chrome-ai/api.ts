/// <reference types="dom-chromium-ai" />
/**
 * The part of Chrome's built-in AI the on-device provider uses: the static side of the `Translator` and `Summarizer`
 * globals (types from `@types/dom-chromium-ai`). Injected, so tests pass a fake and production passes the document's
 * globals. Either may be missing (Firefox, older Chrome, workers).
 */

export interface TranslatorFactory {
  availability(options: TranslatorCreateCoreOptions): Promise<Availability>;
  create(options: TranslatorCreateOptions): Promise<Translator>;
}

export interface SummarizerFactory {
  availability(options?: SummarizerCreateCoreOptions): Promise<Availability>;
  create(options?: SummarizerCreateOptions): Promise<Summarizer>;
}

/** The shape of the globals `{ Translator, Summarizer }`. */
export interface ChromeAiApi {
  Translator?: TranslatorFactory;
  Summarizer?: SummarizerFactory;
}

/** This document's own globals (undefined where the browser has none). Only documents have them, not workers. */
export function documentChromeAi(): ChromeAiApi {
  const g = globalThis as { Translator?: TranslatorFactory; Summarizer?: SummarizerFactory };
  return { Translator: g.Translator, Summarizer: g.Summarizer };
}
