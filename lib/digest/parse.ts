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
 * - `Vote: N` / `Vote: -`, `Authors: a, b` (or a Python list `['a', 'b']`): votes and authors.
 * - `- **Label**: text`, `- ***Label***: text` (also `- ***Label*: text`, `- **Label:** text`): labelled section;
 *   `- text`: unlabelled section. Any other line (continuations, `  - ` nested bullets, `1)` / `1.` numbered
 *   lines) is appended to the section above with `\n`.
 */
import { arxivIdFromUrl, parseArxivId } from '../arxiv-id';
import { parseAuthors } from './authors';
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

const ABS_PREFIX = 'https://arxiv.org/abs/';

/**
 * Id from an entry link via the shared recogniser; the usual `https://arxiv.org/abs/<id>` is checked without
 * URL parsing (same result: a bare valid id has nothing URL parsing would change), which halves the parse time.
 */
function idFromUrl(url: string): string | null {
  if (url.startsWith(ABS_PREFIX)) {
    const fast = parseArxivId(url.slice(ABS_PREFIX.length));
    if (fast) return fast.id;
  }
  return arxivIdFromUrl(url)?.id ?? null;
}

const ABS_LINK = '](https://arxiv.org/abs/';
/** `](https://arxiv.org/abs/` + `YYMM.NNNNN` + `)`. */
const PLAIN_LINK_LENGTH = ABS_LINK.length + 10 + 1;

/**
 * The id and the index of `](` when the heading body `src[from, stop)` is `[Title](https://arxiv.org/abs/YYMM.NNNNN)`
 * with a valid 5-digit new-style id (YYMM ≥ 1501) and no version: all but a handful of corpus headings. Checked by
 * char codes on `src`, one string for the id. Anything else (versions, pdf links, old ids, other hosts) gives null
 * and goes through {@link idFromUrl}; whatever this accepts, `parseArxivId` accepts with the same id (tested).
 */
function plainAbsHeadingId(src: string, from: number, stop: number): { id: string; at: number } | null {
  let e = stop;
  while (e > from && isWs(src.charCodeAt(e - 1))) e--;
  const at = e - PLAIN_LINK_LENGTH;
  let h = from;
  while (h < at && src.charCodeAt(h) === SPACE) h++;
  if (at <= h || src.charCodeAt(h) !== 91 || src.charCodeAt(e - 1) !== 41 || !src.startsWith(ABS_LINK, at)) return null;
  const i = at + ABS_LINK.length;
  if (src.charCodeAt(i + 4) !== 46) return null; // .
  let yymm = 0;
  let num = 0;
  for (let k = 0; k < 10; k++) {
    if (k === 4) continue;
    const c = src.charCodeAt(i + k);
    if (!isDigit(c)) return null;
    if (k < 4) yymm = yymm * 10 + (c - 48);
    else num = num * 10 + (c - 48);
  }
  const month = yymm % 100;
  if (yymm < 1501 || month < 1 || month > 12 || num === 0) return null;
  return { id: src.slice(i, i + 10), at };
}

function isWs(c: number): boolean {
  return c === SPACE || (c >= 9 && c <= 13);
}

/** Votes of a `Vote:` line whose value is `src[a, b)`: a count, null for `-`, undefined when unreadable. */
function voteAt(src: string, a: number, b: number): number | null | undefined {
  while (a < b && isWs(src.charCodeAt(a))) a++;
  while (b > a && isWs(src.charCodeAt(b - 1))) b--;
  if (b - a === 1 && src.charCodeAt(a) === DASH) return null;
  if (a === b || b - a > 9) return undefined;
  let n = 0;
  for (let i = a; i < b; i++) {
    const c = src.charCodeAt(i);
    if (!isDigit(c)) return undefined;
    n = n * 10 + (c - 48);
  }
  return n;
}

/** The labels of nearly every section, returned as these constants so 10k sections share three strings. */
const KNOWN_LABELS = ["What's New", 'Technical Details', 'Performance Highlights'];

/** `src[a, b)` trimmed, curly apostrophe as `'` (`What’s New` occurs once); null when empty. */
function labelAt(src: string, a: number, b: number): string | null {
  const len = b - a;
  const known = len === 10 ? KNOWN_LABELS[0] : len === 17 ? KNOWN_LABELS[1] : len === 22 ? KNOWN_LABELS[2] : undefined;
  if (known !== undefined && src.startsWith(known, a)) return known;
  const label = src.slice(a, b).trim();
  if (!label) return null;
  return label.includes('\u2019') ? label.replace(/\u2019/g, "'") : label;
}

/**
 * `src[a, b)` without leading spaces and trailing whitespace. A leading TAB is kept: in this corpus it stands for
 * the `\t` of a lost LaTeX command (`\textit` → TAB + `extit`), so it is content.
 */
function textAt(src: string, a: number, b: number): string {
  while (a < b && src.charCodeAt(a) === SPACE) a++;
  return src.slice(a, b).trimEnd();
}

/**
 * Section of a bullet whose body (after `- `) is `src[from, stop)`: `**X**: t`, `***X***: t`, `***X*: t`,
 * `**X:** t` give label X; anything else is a plain bullet (label null). Scans only inside the line.
 */
function bulletSection(src: string, from: number, stop: number): Section {
  if (src.charCodeAt(from) === STAR) {
    let n = from + 1;
    while (n < stop && src.charCodeAt(n) === STAR) n++;
    const stars = n - from;
    if (stars >= 2 && stars <= 3) {
      let close = n;
      while (close < stop && src.charCodeAt(close) !== STAR) close++;
      if (close > n && close < stop) {
        let after = close + 1;
        while (after < stop && src.charCodeAt(after) === STAR) after++;
        let labelEnd = -1;
        if (after < stop && src.charCodeAt(after) === COLON) {
          after++;
          labelEnd = close;
        } else if (src.charCodeAt(close - 1) === COLON) {
          labelEnd = close - 1;
        }
        const label = labelEnd < 0 ? null : labelAt(src, n, labelEnd);
        if (label !== null) return { label, text: textAt(src, after, stop) };
      }
    }
  }
  return { label: null, text: textAt(src, from, stop) };
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
        // Fast path for the usual `### [Title](https://arxiv.org/abs/YYMM.NNNNN)`, else the general one.
        let title: string | null = null;
        let id = plainAbsHeadingId(src, start + 4, stop);
        let head = '';
        if (id !== null) {
          let h = start + 4;
          while (src.charCodeAt(h) === SPACE) h++;
          title = textAt(src, h + 1, id.at);
        } else {
          head = textAt(src, start + 4, stop);
          const k = head.endsWith(')') ? head.lastIndexOf('](') : -1;
          const general = k > 0 && head.charCodeAt(0) === 91 ? idFromUrl(head.slice(k + 2, -1).trim()) : null;
          if (general !== null) {
            id = { id: general, at: k };
            title = textAt(head, 1, k);
          }
        }
        if (id !== null && title !== null) {
          paper = {
            arxivId: id.id,
            title,
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
      section = bulletSection(src, Math.min(start + 2, stop), stop);
      p.sections.push(section);
      continue;
    }
    if (c0 === 86 /* V */ && src.startsWith('Vote:', start)) {
      const votes = voteAt(src, start + 5, stop);
      if (voteSeen) diag(lineNo, `second vote line skipped: ${show(src.slice(start + 5, stop).trim())}`);
      else if (votes !== undefined) p.votes = votes;
      else diag(lineNo, `unreadable vote, votes set to null: ${show(src.slice(start + 5, stop).trim())}`);
      voteSeen = true;
      continue;
    }
    if (c0 === 65 /* A */ && src.startsWith('Authors:', start)) {
      if (authorsSeen) diag(lineNo, 'second authors line skipped');
      else {
        authorsSeen = true;
        p.authors = parseAuthors(src, start + 8, stop);
      }
      continue;
    }
    if (c0 === 33 /* ! */ && src.startsWith('![', start)) {
      let e = stop;
      while (e > start && isWs(src.charCodeAt(e - 1))) e--;
      let k = start + 2;
      while (k + 1 < e && !(src.charCodeAt(k) === 93 && src.charCodeAt(k + 1) === 40)) k++; // `](` inside the line
      if (k + 1 < e && src.charCodeAt(e - 1) === 41) setMedia(p, lineNo, 'image', src.slice(k + 2, e - 1).trim());
      else diag(lineNo, `unreadable image line skipped: ${show(src.slice(start, stop).trim())}`);
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
