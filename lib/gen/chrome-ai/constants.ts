/// <reference types="dom-chromium-ai" />
/**
 * The facts of the on-device provider shared by its modules (provider, availability, offscreen host and client): the
 * language pair, the Summarizer's options (availability depends on them, so checking and creating use the same
 * object), the Korean section labels it writes, its model names and the caps on what it returns.
 */

/** Chrome's Translator, English → Korean. */
export const TRANSLATOR_OPTIONS: Readonly<TranslatorCreateCoreOptions> = { sourceLanguage: 'en', targetLanguage: 'ko' };

/**
 * Chrome's Summarizer: short English key points (English output is the reliable one), translated afterwards. Plain
 * text, one point a line.
 */
export const SUMMARIZER_OPTIONS: Readonly<SummarizerCreateCoreOptions> = {
  type: 'key-points',
  format: 'plain-text',
  length: 'short',
  expectedInputLanguages: ['en'],
  outputLanguage: 'en',
};

/** The labels of the sections the on-device provider writes (Korean, as the digests' own Korean labels are). */
export const CHROME_AI_LABELS = {
  /** The abstract, translated. */
  abstract: '초록 번역',
  /** The Summarizer's key points, translated. */
  summary: '요약',
} as const;

/** The model named in a result: the Translator alone, or with the Summarizer's key points. */
export const CHROME_AI_MODEL = 'chrome-translator';
export const CHROME_AI_MODEL_WITH_SUMMARY = 'chrome-translator+summarizer';

/** Caps on what leaves the provider (characters): model output is untrusted, as digest text is. */
export const MAX_TITLE_KO = 1_000;
export const MAX_SECTION_TEXT = 12_000;
/** Key points kept from the Summarizer (it is asked for a short list: 3 points). */
export const MAX_KEY_POINTS = 8;
