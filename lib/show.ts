/**
 * Turns stored papers into what the background sends to content scripts and pages (lib/records.ts `ShownPaper`):
 * inline markdown is tokenized here, in the background, so renderers only render tokens they are given. Pure.
 */
import { tokenizeInline } from './digest/inline';
import type { Section } from './digest/types';
import type { ShownPaper, ShownSection, StoredPaper } from './records';
import { firstSentenceOf, leadSection, tokensText } from './summary';

/**
 * Digest text with its inline markdown markers removed, for places where only plain text fits (a one-line
 * preview, inside a link, a title attribute).
 */
export function plainText(text: string): string {
  return tokensText(tokenizeInline(text));
}

export function showSection(s: Section): ShownSection {
  return { label: s.label, text: s.text, lines: s.text.split('\n').map((line) => tokenizeInline(line)) };
}

/** A stored paper with its inline markdown tokenized and its one-line preview, for a reply. */
export function showPaper(p: StoredPaper): ShownPaper {
  const lead = leadSection(p.sections);
  return {
    ...p,
    sections: p.sections.map(showSection),
    titleTokens: tokenizeInline(p.title),
    lead: lead ? plainText(firstSentenceOf(lead.text, Number.POSITIVE_INFINITY)) : '',
  };
}
