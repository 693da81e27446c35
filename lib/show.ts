/**
 * Turns stored papers into what the background sends to content scripts and pages (lib/records.ts `ShownPaper`):
 * inline markdown is tokenized here, in the background, so renderers only render tokens they are given. Pure, and
 * linear in the paper's text (`meter` counts the work for test/unit/digest-linear.test.ts).
 */
import { tokenizeInline } from './digest/inline';
import { type Meter, NO_METER } from './digest/meter';
import type { Section } from './digest/types';
import type { ShownPaper, ShownSection, StoredPaper } from './records';
import { firstSentenceOf, leadSection, PREVIEW_MAX, tokensText } from './summary';

/**
 * Digest text with its inline markdown markers removed, for places where only plain text fits (a one-line
 * preview, inside a link, a title attribute).
 */
export function plainText(text: string, meter: Meter = NO_METER): string {
  return tokensText(tokenizeInline(text, meter));
}

/** A section with its lines tokenized. One argument, so it can be given to `map`. */
export function showSection(s: Section): ShownSection {
  return showSectionMetered(s, NO_METER);
}

function showSectionMetered(s: Section, meter: Meter): ShownSection {
  meter.chars += s.text.length;
  return { label: s.label, text: s.text, lines: s.text.split('\n').map((line) => tokenizeInline(line, meter)) };
}

/** A stored paper with its inline markdown tokenized and its one-line preview, for a reply. One argument (`map`). */
export function showPaper(p: StoredPaper): ShownPaper {
  return showPaperMetered(p, NO_METER);
}

/** {@link showPaper}, counting its work on `meter`. */
export function showPaperMetered(p: StoredPaper, meter: Meter): ShownPaper {
  const lead = leadSection(p.sections, meter);
  return {
    ...p,
    sections: p.sections.map((s) => showSectionMetered(s, meter)),
    titleTokens: tokenizeInline(p.title, meter),
    lead: lead ? plainText(firstSentenceOf(lead.text, PREVIEW_MAX, meter), meter) : '',
  };
}
