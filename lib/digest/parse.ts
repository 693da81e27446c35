/**
 * Parser for one l-yohai/daily_papers_ko digest file (`paper_logs/YYYY/MM/DD.md`).
 *
 * A hand-written line scanner (no markdown library): every format generation of the corpus is a fixed set of
 * line shapes, told apart by their first characters. Pure, never throws, and reports every non-blank line it
 * does not use as a diagnostic (1-based line number), so nothing is dropped silently.
 *
 * Line shapes (see /work/shared/README.md):
 * - `## Daily Papers (YYYY-MM-DD)`: a run; a file may hold two runs of the same day, both are kept.
 * - `### [Title](https://arxiv.org/abs/ID)`: an entry. The link is the LAST `](`…`)` ending the line, so titles
 *   may contain `[` `]`. Without an arXiv link the entry is skipped together with its lines (one diagnostic).
 * - `![](url)`, `[Watch Video](url)` + `<div><video …></video></div>`, `<video src='…'></video>`: media
 *   (http(s) URLs only; the html line after `[Watch Video]` is consumed).
 * - `Vote: N` / `Vote: -`, `Authors: a, b`: votes and authors.
 * - `- **Label**: text`, `- ***Label***: text` (also `- ***Label*: text`, `- **Label:** text`): labelled section;
 *   `- text`: unlabelled section. Any other line (continuations, `  - ` nested bullets, `1)` / `1.` numbered
 *   lines) is appended to the section above with `\n`.
 */
import { arxivIdFromUrl } from '../arxiv-id';
import type { Diagnostic, DigestRun, Paper, ParsedDigest, Section } from './types';
import { isHttpUrl } from './url';

const PATH_DATE_RE = /(?:^|[\\/])(\d{4})[\\/](\d{2})[\\/](\d{2})\.md$/;
const VIDEO_SRC_RE = /\ssrc\s*=\s*["']([^"']*)["']/i;

const HASH = 35; // #
const DASH = 45; // -
const SPACE = 32;
const TAB = 9;
const CR = 13;
const STAR = 42; // *
const COLON = 58; // :

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** `YYYY-MM-DD` at `s[i..i+10)`, or null. */
function dateAt(s: string, i: number): string | null {
  if (i + 10 > s.length) return null;
  for (let k = 0; k < 10; k++) {
    const c = s.charCodeAt(i + k);
    if (k === 4 || k === 7 ? c !== DASH : !isDigit(c)) return null;
  }
  return s.slice(i, i + 10);
}

function show(s: string): string {
  return JSON.stringify(s.length > 80 ? `${s.slice(0, 77)}...` : s);
}

/**
 * Trailing whitespace and leading spaces removed, but a leading TAB kept: in this corpus a TAB stands for the
 * `\t` of a lost LaTeX command (`\textit` → TAB + `extit`), so it is content.
 */
function trimText(s: string): string {
  let i = 0;
  while (s.charCodeAt(i) === SPACE) i++;
  return (i ? s.slice(i) : s).trimEnd();
}

/** Label and text of a bullet body (the part after `- `). Label null for a plain bullet. */
function splitBullet(body: string): Section {
  if (body.charCodeAt(0) === STAR) {
    let n = 1;
    while (body.charCodeAt(n) === STAR) n++;
    if (n >= 2 && n <= 3) {
      const close = body.indexOf('*', n);
      if (close > n) {
        let m = 1;
        while (body.charCodeAt(close + m) === STAR) m++;
        let raw = body.slice(n, close);
        let after = close + m;
        let ok = false;
        if (body.charCodeAt(after) === COLON) {
          after++;
          ok = true;
        } else if (raw.endsWith(':')) {
          raw = raw.slice(0, -1);
          ok = true;
        }
        const label = raw.trim().replace(/\u2019/g, "'");
        if (ok && label.length > 0) return { label, text: trimText(body.slice(after)) };
      }
    }
  }
  return { label: null, text: trimText(body) };
}

/** Parses one digest file. `path` (when it ends in `YYYY/MM/DD.md`) gives the file's date. */
export function parseDigest(text: string, path?: string | null): ParsedDigest {
  const src = typeof text === 'string' ? text : '';
  const filePath = typeof path === 'string' ? path : null;
  const runs: DigestRun[] = [];
  const papers: Paper[] = [];
  const diagnostics: Diagnostic[] = [];

  let run: DigestRun | null = null;
  let paper: Paper | null = null;
  let section: Section | null = null;
  let voteSeen = false;
  let authorsSeen = false;
  /** A skipped entry: its diagnostic (message completed when the entry ends), first and last non-blank line. */
  let skipped: { diag: Diagnostic; first: number; last: number } | null = null;

  const diag = (line: number, message: string) => {
    diagnostics.push({ line, message });
  };
  const endEntry = () => {
    if (skipped && skipped.first > 0) {
      const { diag: d, first, last } = skipped;
      d.message += first === last ? `; its line ${last} skipped too` : `; its lines ${first}-${last} skipped too`;
    }
    skipped = null;
    paper = null;
    section = null;
  };
  const setMedia = (p: Paper, line: number, kind: 'image' | 'video', url: string) => {
    if (!isHttpUrl(url)) diag(line, `${kind} URL is not http(s), media skipped: ${show(url)}`);
    else if (p.media) diag(line, `second media line skipped (entry already has ${p.media.kind} media)`);
    else p.media = { kind, url };
  };

  const len = src.length;
  let pos = 0;
  let lineNo = 0;
  while (pos <= len) {
    let end = src.indexOf('\n', pos);
    if (end < 0) end = len;
    lineNo++;
    let stop = end;
    if (stop > pos && src.charCodeAt(stop - 1) === CR) stop--;
    const start = pos;
    pos = end + 1;

    if (start === stop) continue; // blank
    const c0 = src.charCodeAt(start);
    if (c0 === SPACE || c0 === TAB) {
      let k = start + 1;
      while (k < stop && (src.charCodeAt(k) === SPACE || src.charCodeAt(k) === TAB || src.charCodeAt(k) === CR)) k++;
      if (k === stop) continue; // whitespace only
    }

    if (c0 === HASH) {
      if (src.startsWith('### ', start)) {
        endEntry();
        const head = trimText(src.slice(start + 4, stop));
        const k = head.endsWith(')') ? head.lastIndexOf('](') : -1;
        const id =
          k > 0 && head.charCodeAt(0) === 91 ? (arxivIdFromUrl(head.slice(k + 2, -1).trim())?.id ?? null) : null;
        if (k > 0 && id !== null) {
          paper = {
            arxivId: id,
            title: trimText(head.slice(1, k)),
            votes: null,
            authors: [],
            media: null,
            sections: [],
          };
          papers.push(paper);
          voteSeen = false;
          authorsSeen = false;
          if (run) run.paperCount++;
        } else {
          const d = { line: lineNo, message: `entry heading without an arXiv link, entry skipped: ${show(head)}` };
          diagnostics.push(d);
          skipped = { diag: d, first: 0, last: 0 };
        }
        continue;
      }
      if (src.startsWith('## Daily Papers (', start)) {
        const date = dateAt(src, start + 17);
        if (date !== null && src.slice(start + 27, stop).trim() === ')') {
          endEntry();
          run = { date, line: lineNo, paperCount: 0 };
          runs.push(run);
          continue;
        }
      }
      // Any other heading: part of a skipped entry, or reported below.
    }

    if (skipped) {
      if (skipped.first === 0) skipped.first = lineNo;
      skipped.last = lineNo;
      continue;
    }
    if (c0 === HASH) {
      diag(lineNo, `unrecognised heading skipped: ${show(src.slice(start, stop).trim())}`);
      continue;
    }
    const p: Paper | null = paper;
    if (p === null) {
      diag(lineNo, `text outside an entry skipped: ${show(src.slice(start, stop).trim())}`);
      continue;
    }

    if (c0 === DASH && (stop === start + 1 || src.charCodeAt(start + 1) === SPACE)) {
      section = splitBullet(src.slice(start + 2, stop));
      p.sections.push(section);
      continue;
    }
    if (c0 === 86 /* V */ && src.startsWith('Vote:', start)) {
      const v = src.slice(start + 5, stop).trim();
      if (voteSeen) diag(lineNo, `second vote line skipped: ${show(v)}`);
      else if (v === '-') voteSeen = true;
      else if (v.length > 0 && v.length <= 9 && /^\d+$/.test(v)) {
        voteSeen = true;
        p.votes = Number(v);
      } else {
        voteSeen = true;
        diag(lineNo, `unreadable vote, votes set to null: ${show(v)}`);
      }
      continue;
    }
    if (c0 === 65 /* A */ && src.startsWith('Authors:', start)) {
      if (authorsSeen) diag(lineNo, 'second authors line skipped');
      else {
        authorsSeen = true;
        for (const a of src.slice(start + 8, stop).split(',')) {
          const name = a.trim();
          if (name) p.authors.push(name);
        }
      }
      continue;
    }
    if (c0 === 33 /* ! */ && src.startsWith('![', start)) {
      const line = src.slice(start, stop).trimEnd();
      const k = line.indexOf('](');
      if (k > 0 && line.endsWith(')')) setMedia(p, lineNo, 'image', line.slice(k + 2, -1).trim());
      else diag(lineNo, `unreadable image line skipped: ${show(line)}`);
      continue;
    }
    if (c0 === 91 /* [ */ && src.startsWith('[Watch Video]', start)) {
      let rest = src.slice(start + 13, stop).trim();
      // Usual form `[Watch Video](url)`; a few 2023 files have `[Watch Video]url` without parentheses.
      if (rest.startsWith('(') && rest.endsWith(')')) rest = rest.slice(1, -1).trim();
      setMedia(p, lineNo, 'video', rest);
      continue;
    }
    if (c0 === 60 /* < */ && (src.startsWith('<div><video', start) || src.startsWith('<video', start))) {
      // The html twin of `[Watch Video](url)` is consumed; a lone `<video src>` (2023) is the media itself.
      if (p.media?.kind !== 'video') {
        const m = VIDEO_SRC_RE.exec(src.slice(start, stop));
        if (m?.[1] !== undefined) setMedia(p, lineNo, 'video', m[1].trim());
        else diag(lineNo, 'video html line without a src skipped');
      }
      continue;
    }
    if (section !== null) {
      const s: Section = section;
      s.text += `\n${src.slice(start, stop).trimEnd()}`;
      continue;
    }
    diag(lineNo, `text before the entry's first bullet skipped: ${show(src.slice(start, stop).trim())}`);
  }
  endEntry();

  let date: string | null = null;
  const m = filePath === null ? null : PATH_DATE_RE.exec(filePath);
  if (m) date = `${m[1]}-${m[2]}-${m[3]}`;
  else if (runs[0]) date = runs[0].date;

  return { path: filePath, date, runs, papers, diagnostics };
}
