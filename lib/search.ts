/**
 * Search over every synced paper: English title, Korean summary, authors, arXiv id. Pure, no browser APIs.
 *
 * The background worker builds a {@link SearchIndex} from the stored papers (lazily, and again after a sync)
 * and answers each keystroke with {@link search}. Query words are ANDed; each matches indexed words by prefix
 * (`모델` finds `모델을`), Latin words of ≥ 3 characters also inside words (`llm` finds `MLLMs`), a half-typed
 * last Korean syllable matches what it may become (`모데` finds `모델`), and an arXiv id may be typed with
 * version, `arXiv:` prefix or as an arXiv URL. See lib/search/build.ts for the index layout.
 */
export { buildSearchIndex, buildSearchIndexInSlices, type SearchIndex } from './search/build';
export { type SearchResult, search } from './search/run';
