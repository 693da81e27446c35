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
 *   (https on Hugging Face's media hosts only, lib/media-hosts.ts; the html line after `[Watch Video]` is consumed).
 * - `Vote: N` / `Vote: -`, `Authors: a, b` (or a Python list `['a', 'b']`): votes and authors.
 * - `- **Label**: text`, `- ***Label***: text` (also `- ***Label*: text`, `- **Label:** text`): labelled section;
 *   `- text`: unlabelled section. Any other line (continuations, `  - ` nested bullets, `1)` / `1.` numbered
 *   lines) is appended to the section above with `\n`.
 *
 * Every field is capped (./caps.ts): a longer title, author list, label or section is cut, an entry past its cap
 * loses the rest of its lines, each with a diagnostic. `meter` counts the characters looked at, for
 * test/unit/digest-linear.test.ts.
 */
import { isAllowedMediaUrl, MEDIA_HOSTS } from '../media-hosts';
import { parseAuthors } from './authors';
import {
  MAX_AUTHORS,
  MAX_DIAGNOSTICS,
  MAX_ENTRY,
  MAX_LABEL,
  MAX_MEDIA_URL,
  MAX_SECTION,
  MAX_SECTIONS,
  MAX_TITLE,
} from './caps';
import {
  bulletSection,
  CR,
  DASH,
  dateAt,
  HASH,
  idFromUrl,
  isWs,
  PATH_DATE_RE,
  plainAbsHeadingId,
  SPACE,
  show,
  TAB,
  textAt,
  VIDEO_SRC_RE,
  voteAt,
} from './lines';
import { type Meter, NO_METER } from './meter';
import type { Diagnostic, DigestRun, Paper, ParsedDigest, Section } from './types';
import { isHttpUrl, isUrlBreak } from './url';

/** `https://<host>/` for each media host, by the character after `https://cdn-` (`t`humbnails, `u`ploads, `a`vatars). */
const MEDIA_PREFIX_BY_CHAR = new Map(MEDIA_HOSTS.map((host) => [host.charCodeAt(4), `https://${host}/`]));

/**
 * Whether `url` is media the extension may show: the common case, `https://<media host>/` and then no whitespace or
 * control character (isUrlBreak), is decided in one pass over the characters; anything else by isHttpUrl and
 * lib/media-hosts.ts `isAllowedMediaUrl` (URL parsing took a third of the parse time). Both decide the same: after the prefix the
 * host has ended, so no port, user info or other host can follow. 'scheme' when not http(s), 'host' when not a
 * media host.
 */
function mediaUrlCheck(url: string): 'ok' | 'scheme' | 'host' {
  const prefix = MEDIA_PREFIX_BY_CHAR.get(url.charCodeAt(12));
  if (prefix !== undefined && url.length > prefix.length) {
    let k = 0;
    while (k < prefix.length && url.charCodeAt(k) === prefix.charCodeAt(k)) k++;
    if (k === prefix.length) {
      while (k < url.length && !isUrlBreak(url.charCodeAt(k))) k++;
      if (k === url.length) return 'ok';
    }
  }
  if (!isHttpUrl(url)) return 'scheme';
  return isAllowedMediaUrl(url) ? 'ok' : 'host';
}

/** `s` cut to at most `max` UTF-16 units, never inside a surrogate pair. */
function cut(s: string, max: number): string {
  if (s.length <= max) return s;
  const c = s.charCodeAt(max - 1);
  return s.slice(0, c >= 0xd800 && c <= 0xdbff ? max - 1 : max);
}

/** Lines dropped after a diagnostic (a skipped entry, the rest of a cut section); the message gets their range. */
interface Dropped {
  diag: Diagnostic;
  /** First and last dropped non-blank line, 0 while none. */
  first: number;
  last: number;
}

function closeDropped(d: Dropped | null): void {
  if (d && d.first > 0) {
    d.diag.message +=
      d.first === d.last ? `; its line ${d.last} skipped too` : `; its lines ${d.first}-${d.last} skipped too`;
  }
}

function dropLine(d: Dropped, line: number): void {
  if (d.first === 0) d.first = line;
  d.last = line;
}

/** Names that fit in {@link MAX_AUTHORS} characters (each counted with its `, `). */
function capAuthors(names: string[]): string[] {
  let used = 0;
  let k = 0;
  while (k < names.length && used + (names[k] as string).length + 2 <= MAX_AUTHORS + 2) {
    used += (names[k] as string).length + 2;
    k++;
  }
  return k === names.length ? names : names.slice(0, k);
}

/** Parses one digest file. `path` (when it ends in `YYYY/MM/DD.md`) gives the file's date. */
export function parseDigest(text: string, path?: string | null, meter: Meter = NO_METER): ParsedDigest {
  const src = typeof text === 'string' ? text : '';
  const filePath = typeof path === 'string' ? path : null;
  const runs: DigestRun[] = [];
  const papers: Paper[] = [];
  const diagnostics: Diagnostic[] = [];
  /** Diagnostics past {@link MAX_DIAGNOSTICS}: how many, and the line of the first. */
  let unlisted = 0;
  let unlistedLine = 0;

  let run: DigestRun | null = null;
  let paper: Paper | null = null;
  let section: Section | null = null;
  let voteSeen = false;
  let authorsSeen = false;
  /** Characters looked at, added to `meter` at the end (a local count costs nothing per line). */
  let work = 0;
  /** Characters the current entry keeps (see MAX_ENTRY). */
  let entryChars = 0;
  /** A skipped entry, or the rest of one past its cap: every line up to the next entry or run. */
  let skipped: Dropped | null = null;
  /** The rest of the current section after it was cut at MAX_SECTION: its continuation lines. */
  let sectionCut: Dropped | null = null;

  const diag = (line: number, message: string): Diagnostic => {
    const d = { line, message };
    if (diagnostics.length < MAX_DIAGNOSTICS) diagnostics.push(d);
    else if (unlisted++ === 0) unlistedLine = line;
    return d;
  };
  const endSection = () => {
    if (sectionCut) closeDropped(sectionCut);
    sectionCut = null;
    section = null;
  };
  const endEntry = () => {
    endSection();
    closeDropped(skipped);
    skipped = null;
    paper = null;
  };
  /** This line and the rest of the entry are dropped (the diagnostic's message gets the range of the rest). */
  const skipRest = (line: number, message: string) => {
    endSection();
    skipped = { diag: diag(line, message), first: 0, last: 0 };
  };
  /** Room left in the entry for `n` more characters; when none, the rest of the entry is dropped. */
  const entryFits = (line: number, n: number): boolean => {
    if (entryChars + n <= MAX_ENTRY) {
      entryChars += n;
      return true;
    }
    skipRest(line, `entry longer than ${MAX_ENTRY} characters, line skipped`);
    return false;
  };
  const setMedia = (p: Paper, line: number, kind: 'image' | 'video', url: string) => {
    if (url.length > MAX_MEDIA_URL) diag(line, `${kind} URL longer than ${MAX_MEDIA_URL} characters, media skipped`);
    else {
      const check = mediaUrlCheck(url);
      if (check === 'scheme') diag(line, `${kind} URL is not http(s), media skipped: ${show(url)}`);
      else if (check === 'host') {
        diag(line, `${kind} URL is not https on ${MEDIA_HOSTS.join(', ')}, media skipped: ${show(url)}`);
      } else if (p.media) diag(line, `second media line skipped (entry already has ${p.media.kind} media)`);
      else if (entryFits(line, url.length)) p.media = { kind, url };
    }
  };
  /** A new section from a bullet line, its label and text capped. */
  const addSection = (p: Paper, line: number, found: Section) => {
    endSection();
    if (p.sections.length >= MAX_SECTIONS) {
      skipRest(line, `entry has more than ${MAX_SECTIONS} sections, line skipped`);
      return;
    }
    if (found.label !== null && found.label.length > MAX_LABEL) {
      found.label = cut(found.label, MAX_LABEL);
      diag(line, `section label longer than ${MAX_LABEL} characters cut`);
    }
    const long = found.text.length > MAX_SECTION;
    if (long) found.text = cut(found.text, MAX_SECTION);
    if (!entryFits(line, found.text.length + (found.label?.length ?? 0))) return;
    section = found;
    p.sections.push(found);
    if (long) sectionCut = { diag: diag(line, `section longer than ${MAX_SECTION} characters cut`), first: 0, last: 0 };
  };
  /** A continuation line `src[start, stop)` appended to the current section, capped. */
  const continueSection = (s: Section, line: number, start: number, stop: number) => {
    if (sectionCut) {
      dropLine(sectionCut, line);
      return;
    }
    let text = src.slice(start, stop).trimEnd();
    const room = Math.max(0, MAX_SECTION - s.text.length - 1);
    const long = text.length > room;
    if (long) text = cut(text, room);
    if (!entryFits(line, text.length + 1)) return;
    s.text += `\n${text}`;
    if (long) sectionCut = { diag: diag(line, `section longer than ${MAX_SECTION} characters cut`), first: 0, last: 0 };
  };

  const len = src.length;
  work += len;
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
    // Every line is looked at by a bounded number of passes (shape checks, a trim, a slice, one read of its kind,
    // such as the media URL checks).
    work += 6 * (stop - start);
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
          if (title.length > MAX_TITLE) {
            title = cut(title, MAX_TITLE);
            diag(lineNo, `title longer than ${MAX_TITLE} characters cut`);
          }
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
          entryChars = title.length;
          if (run) run.paperCount++;
        } else {
          const d = diag(lineNo, `entry heading without an arXiv link, entry skipped: ${show(head)}`);
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
      dropLine(skipped, lineNo);
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
      addSection(p, lineNo, bulletSection(src, Math.min(start + 2, stop), stop));
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
        const names = parseAuthors(src, start + 8, stop);
        const kept = capAuthors(names);
        if (kept.length < names.length) {
          diag(lineNo, `authors longer than ${MAX_AUTHORS} characters: first ${kept.length} of ${names.length} kept`);
        }
        // Counted by their line (at most the cap): no second pass over the names.
        if (entryFits(lineNo, Math.min(stop - start, MAX_AUTHORS))) p.authors = kept;
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
      continueSection(section, lineNo, start, stop);
      continue;
    }
    diag(lineNo, `text before the entry's first bullet skipped: ${show(src.slice(start, stop).trim())}`);
  }
  endEntry();
  meter.chars += work;
  if (unlisted > 0) diagnostics.push({ line: unlistedLine, message: `${unlisted} more diagnostics not listed` });

  let date: string | null = null;
  const m = filePath === null ? null : PATH_DATE_RE.exec(filePath);
  if (m) date = `${m[1]}-${m[2]}-${m[3]}`;
  else if (runs[0]) date = runs[0].date;

  return { path: filePath, date, runs, papers, diagnostics };
}
