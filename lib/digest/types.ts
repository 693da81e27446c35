/** Data parsed from one digest file. Never HTML: components render it. */

export interface Media {
  kind: 'image' | 'video';
  url: string;
}

export interface Section {
  /** `What's New`, `Technical Details`, `Performance Highlights`, any other bold label, or null for plain bullets. */
  label: string | null;
  text: string;
}

/**
 * One piece of inline markdown of digest text, as lib/digest/inline.ts `tokenizeInline` gives it (in the
 * background) and components/InlineText.tsx renders it. `link` tokens only ever carry http(s) URLs.
 */
export type InlineToken =
  | { type: 'text' | 'bold' | 'italic' | 'bold-italic' | 'code' | 'math'; text: string }
  | { type: 'link'; text: string; href: string };

export interface Paper {
  /** Normalised arXiv id, no version (e.g. `2406.16793`). */
  arxivId: string;
  /** Title as written (brackets and LaTeX kept). */
  title: string;
  /** Vote count, null for `Vote: -` or no vote line. */
  votes: number | null;
  authors: string[];
  media: Media | null;
  sections: Section[];
}

export interface Diagnostic {
  /** 1-based line number in the file. */
  line: number;
  message: string;
}

export interface DigestRun {
  /** Date from the `## Daily Papers (YYYY-MM-DD)` heading. */
  date: string;
  /** 1-based line of the heading. */
  line: number;
  /** Number of papers in this run. */
  paperCount: number;
}

export interface ParsedDigest {
  path: string | null;
  /** The file's day: from the path when known (`.../YYYY/MM/DD.md`), else from the first run heading. */
  date: string | null;
  runs: DigestRun[];
  /** All papers of all runs, in file order (a paper appearing in both runs occurs twice). */
  papers: Paper[];
  diagnostics: Diagnostic[];
}
