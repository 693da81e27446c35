/**
 * Output of `npm run digest -- check`: plain text for people, `--json` for tools. Pure, so it is unit-tested
 * without spawning the CLI; scripts/digest.ts only reads files and prints what these return.
 */
import type { Diagnostic, Media, ParsedDigest } from './types';

export interface CheckJsonPaper {
  arxivId: string;
  title: string;
  votes: number | null;
  authors: string[];
  media: Media | null;
  sections: { label: string | null; text: string }[];
}

export interface CheckJsonFile {
  path: string | null;
  date: string | null;
  /** Number of `## Daily Papers` runs in the file. */
  runs: number;
  papers: CheckJsonPaper[];
  diagnostics: Diagnostic[];
}

export interface CheckJson {
  files: CheckJsonFile[];
}

/** The `--json` document: exactly these keys, in this order, whatever else ParsedDigest may carry. */
export function toCheckJson(parsed: readonly ParsedDigest[]): CheckJson {
  return {
    files: parsed.map((d) => ({
      path: d.path,
      date: d.date,
      runs: d.runs.length,
      papers: d.papers.map((p) => ({
        arxivId: p.arxivId,
        title: p.title,
        votes: p.votes,
        authors: [...p.authors],
        media: p.media ? { kind: p.media.kind, url: p.media.url } : null,
        sections: p.sections.map((s) => ({ label: s.label, text: s.text })),
      })),
      diagnostics: d.diagnostics.map((g) => ({ line: g.line, message: g.message })),
    })),
  };
}

/** Human-readable report: one header line per file, one indented line per diagnostic, then a total. */
export function formatCheckText(parsed: readonly ParsedDigest[]): string {
  const lines: string[] = [];
  let papers = 0;
  let diagnostics = 0;
  for (const d of parsed) {
    papers += d.papers.length;
    diagnostics += d.diagnostics.length;
    lines.push(
      `${d.path ?? '(input)'}: date ${d.date ?? 'unknown'}, ${d.runs.length} run${d.runs.length === 1 ? '' : 's'}, ${d.papers.length} paper${d.papers.length === 1 ? '' : 's'}`,
    );
    for (const g of d.diagnostics) lines.push(`  line ${g.line}: ${g.message}`);
  }
  lines.push(
    `${parsed.length} file${parsed.length === 1 ? '' : 's'}, ${papers} papers, ${diagnostics} diagnostic${diagnostics === 1 ? '' : 's'}${diagnostics > 0 ? ' (something was skipped)' : ''}`,
  );
  return `${lines.join('\n')}\n`;
}

/** 0 when every line was used, 1 when any file has a diagnostic (something was skipped). */
export function checkExitCode(parsed: readonly ParsedDigest[]): 0 | 1 {
  return parsed.some((d) => d.diagnostics.length > 0) ? 1 : 0;
}
