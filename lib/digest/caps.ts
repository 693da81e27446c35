/**
 * Caps on what one digest may put into the database, far above anything in the corpus (311 files, 4,672 papers;
 * the largest of each is in the comments: each cap is 5–10 times it), so only hostile or broken text reaches them.
 * The parser cuts or drops what is over a cap and says so in a diagnostic; everything after it (storage, the search
 * index, every reply) then works on bounded text. The caps also bound the worst panel: a paper filled to every cap
 * is tokenized, sent and rendered within the panel's 50 ms goal (bench `hostile.panel_after_dcl`).
 */

/** Characters of a title. Corpus: 202. */
export const MAX_TITLE = 2_000;
/** Characters of an entry's author names (each counted with its `, `); names past it are dropped. Corpus: 3,739 (262 names). */
export const MAX_AUTHORS = 20_000;
/** Characters of one section's text (continuation lines and their line breaks included). Corpus: 1,279. */
export const MAX_SECTION = 10_000;
/** Characters of a section label. Corpus: 39. */
export const MAX_LABEL = 200;
/** Sections of one entry. Corpus: 12. */
export const MAX_SECTIONS = 100;
/**
 * Characters one entry keeps in all (title, authors counted by their line, media URL, labels, section text); its
 * further lines are dropped. Corpus: 4,718 (the whole raw entry).
 */
export const MAX_ENTRY = 50_000;
/** Characters of a media URL. Corpus: 108. */
export const MAX_MEDIA_URL = 2_000;
/** Diagnostics kept per file; the rest are counted in one last diagnostic. Corpus: 2. */
export const MAX_DIAGNOSTICS = 1_000;
