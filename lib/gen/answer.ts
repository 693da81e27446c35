/**
 * A model's answer (complete or still streaming) → digest sections, through the digest parser (lib/digest/parse.ts):
 * the answer is tidied line by line into the digest's bullet lines, wrapped into one synthetic digest entry, parsed,
 * and the entry's sections are kept. Any model that writes the three labelled bullets works; anything else is a
 * `malformed` error (`empty` when there is no text at all). Pure; every step is one pass over the text.
 *
 * Tolerated: code fences (dropped, content kept), prose before the first bullet or after the list (dropped),
 * `<think>…</think>` blocks, `*` `+` `•` bullets, numbered or unbulleted labels, bold or plain labels, labels as
 * headings or on a line of their own, Korean labels (새로운 점 / 기술적 세부사항 / 성능 하이라이트 → the English
 * labels digests store), `English (한국어)` labels. Untrusted like digest text: control and bidi characters removed,
 * lines the digest parser reads as media, votes or authors kept as plain text of the section, sections and labels
 * capped; links and markup stay text here and become tokens (http(s) links only) where digests do (lib/show.ts).
 */
import { type Meter, NO_METER } from '../digest/meter';
import { parseDigest } from '../digest/parse';
import type { Section } from '../digest/types';
import { MAX_LABEL_CHARS, STANDARD_LABELS, standardLabel } from './labels';
import { clip, plainLine, stripControls } from './text';
import { type GenCallbacks, GenError } from './types';

/** Longest answer text read (a digest entry is ~1,000 characters; the rest is room for thinking and verbosity). */
export const MAX_ANSWER_CHARS = 256 * 1024;
/** Longest section kept (the corpus' longest is 1,279 characters). */
export const MAX_SECTION_CHARS = 4000;
/** Most sections kept (three asked for; a few extra labelled bullets are kept as digests keep them). */
export const MAX_SECTIONS = 8;
/**
 * A partial answer is re-parsed only once it grew by 1/PARTIAL_GROWTH of what was parsed last: the parsed lengths
 * then grow geometrically, so all partial parses of an answer of n characters together read at most
 * (PARTIAL_GROWTH + 1) · n characters (linear), however the stream is chunked. Near the start that is every chunk
 * or two (the first Korean words show at once); on a normal 1–2 kB answer, every 60–120 characters (about a line).
 * Past PARTIAL_FINE_CHARS (8× a long digest entry: thinking, or a runaway answer) views are refreshed only when the
 * text doubled, so the whole stream up to MAX_ANSWER_CHARS costs at most 17 · 16 K + 3 · n ≈ 1 M characters parsed
 * (about 0.1–0.3 s of CPU over the whole stream) instead of 17 · n ≈ 4.4 M.
 */
export const PARTIAL_GROWTH = 16;
export const PARTIAL_FINE_CHARS = 16 * 1024;

/** The entry every answer is wrapped in (the id is a placeholder: only the sections are kept). */
const SYNTHETIC_ENTRY = '### [answer](https://arxiv.org/abs/2501.00001)\n';

const BULLET_RE = /^(?:[-*+•·]|\d{1,3}[.)])[ \t]+/;
/** `**Label**:`, `***Label***:`, `**Label:**`, `__Label__:`, `Label:` at the start of a bullet (on ≤ 100 characters). */
const LABEL_RE =
  /^(?:\*{1,3}|_{1,3})?[ \t]*([^*_:：\n]{1,60}?)[ \t]*(?:\*{1,3}|_{1,3})?[ \t]*[:：][ \t]*(?:\*{1,3}|_{1,3})?[ \t]*/;
const RULE_RE = /^([-*_])(?:[ \t]*\1){2,}$/;

export function tooLong(): GenError {
  return new GenError('malformed', { message: `the answer is longer than ${MAX_ANSWER_CHARS} characters` });
}

/**
 * A bullet body (or a line) that starts with a standard label, rewritten as `**English label**: rest`, else null.
 * A line that is nothing but a standard label (`**새로운 점**`, `What's New:`) gives `**English label**:`.
 */
function relabel(body: string): string | null {
  const m = LABEL_RE.exec(body.length > 100 ? body.slice(0, 100) : body);
  if (m?.[1] !== undefined) {
    const std = standardLabel(m[1]);
    const rest = body.slice(m[0].length);
    if (std) return rest === '' ? `**${std}**:` : `**${std}**: ${rest}`;
  }
  if (body.length <= MAX_LABEL_CHARS + 10) {
    const std = standardLabel(body.replace(/^[*_\s]+|[*_:：\s]+$/g, ''));
    if (std) return `**${std}**:`;
  }
  return null;
}

/** The answer as the digest parser's bullet lines (see the module comment). */
/** How many times digestLines looks at each character, at most (strip, split, trim, its anchored patterns). */
const DIGEST_LINES_PASSES = 6;

function digestLines(answer: string): string {
  const text = stripControls(answer);
  const out: string[] = [SYNTHETIC_ENTRY];
  /** The bullet being read: none yet, a label still without text, or one with text. */
  let open: 'none' | 'label' | 'text' = 'none';
  let blank = false;
  let inThink = false;
  const bulletLine = (body: string): 'label' | 'text' => {
    out.push(`- ${body}\n`);
    blank = false;
    return body.endsWith('**:') ? 'label' : 'text';
  };
  let pos = 0;
  while (pos < text.length) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = text.length;
    const line = text.slice(pos, end);
    pos = end + 1;
    if (inThink) {
      if (line.includes('</think>')) inThink = false;
      continue;
    }
    let indent = 0;
    while (indent < line.length && (line.charCodeAt(indent) === 32 || line.charCodeAt(indent) === 9)) indent++;
    const rest = line.slice(indent).trimEnd();
    if (rest === '') {
      blank = true;
      continue;
    }
    if (rest.startsWith('<think>')) {
      inThink = !rest.includes('</think>');
      continue;
    }
    if (rest.startsWith('```') || rest.startsWith('~~~') || RULE_RE.test(rest)) continue;
    if (rest.charCodeAt(0) === 35 /* # */) {
      const heading = relabel(rest.replace(/^#+\s*/, ''));
      if (heading !== null) open = bulletLine(heading);
      continue;
    }
    const bullet = BULLET_RE.exec(rest);
    const body = bullet ? rest.slice(bullet[0].length) : rest;
    const labelled = relabel(body);
    if (labelled !== null) open = bulletLine(labelled);
    else if (bullet && indent < 2 && !/^\d/.test(rest)) open = bulletLine(body);
    // A continuation of the bullet above (nested bullets and numbered lines too). Prose before the list, or after a
    // bullet's text past a blank line (markdown ends the list there), belongs to no bullet. The leading space keeps
    // the parser from reading the line as media, votes or authors.
    else if (open === 'label' || (open === 'text' && !(blank && indent === 0))) {
      out.push(` ${rest}\n`);
      open = 'text';
      blank = false;
    }
  }
  return out.join('');
}

/** Section text as kept: lines trimmed, blank ones dropped, capped. */
function tidy(text: string): string {
  const lines = text.split('\n');
  const kept: string[] = [];
  for (const l of lines) {
    const t = l.trim();
    if (t !== '') kept.push(t);
  }
  return clip(kept.join('\n'), MAX_SECTION_CHARS);
}

/** The sections of `answer` (complete or partial), labels mapped, repeats of a standard label dropped, capped. */
export function answerSections(answer: string, meter: Meter = NO_METER): Section[] {
  const text = answer.length > MAX_ANSWER_CHARS ? answer.slice(0, MAX_ANSWER_CHARS) : answer;
  const lines = digestLines(text);
  // digestLines reads each line a fixed number of times (its patterns are anchored at the line's start); the digest
  // parser counts its own work.
  meter.chars += DIGEST_LINES_PASSES * text.length;
  const parsed = parseDigest(lines, null, meter).papers[0]?.sections ?? [];
  const out: Section[] = [];
  const seen = new Set<string>();
  for (const s of parsed) {
    if (out.length >= MAX_SECTIONS) break;
    const std = s.label === null ? null : standardLabel(s.label);
    if (std !== null) {
      if (seen.has(std)) continue;
      seen.add(std);
    }
    const label = std ?? (s.label === null ? null : plainLine(s.label, MAX_LABEL_CHARS) || null);
    const sectionText = tidy(s.text);
    if (sectionText === '' && std === null) continue;
    out.push({ label, text: sectionText });
  }
  return out;
}

/** The sections of a complete answer; `empty` / `malformed` (naming the missing labels) unless all three have text. */
export function parseAnswer(answer: string): Section[] {
  if (answer.length > MAX_ANSWER_CHARS) throw tooLong();
  if (answer.trim() === '') throw new GenError('empty');
  const sections = answerSections(answer);
  const missing = STANDARD_LABELS.filter((l) => !sections.some((s) => s.label === l && s.text !== ''));
  if (missing.length > 0) {
    throw new GenError('malformed', { message: `the answer lacks the labelled bullets ${missing.join(', ')}` });
  }
  return sections;
}

/**
 * The answer text as it streams: appends deltas (`malformed` once it passes MAX_ANSWER_CHARS), re-parses it for the
 * partial view at most as often as PARTIAL_GROWTH allows, and reports only views that changed. Partial views leave
 * out sections without text yet, and the last section while it has no label (a label still being written).
 */
export class StreamedAnswer {
  private all = '';
  private parsedLength = 0;
  private shown = '';
  /** Characters parsed for partial views so far (an operation count, for tests). */
  work = 0;

  constructor(private readonly onSections?: (sections: Section[]) => void) {}

  get text(): string {
    return this.all;
  }

  push(delta: string): void {
    if (delta === '') return;
    this.all += delta;
    if (this.all.length > MAX_ANSWER_CHARS) throw tooLong();
    const growth = this.parsedLength <= PARTIAL_FINE_CHARS ? PARTIAL_GROWTH : 1;
    if (!this.onSections || (this.all.length - this.parsedLength) * growth < this.parsedLength) return;
    this.parsedLength = this.all.length;
    this.work += this.all.length;
    const sections = answerSections(this.all).filter((s) => s.text !== '');
    if (sections.length > 0 && sections[sections.length - 1]?.label === null) sections.pop();
    if (sections.length === 0) return;
    const key = JSON.stringify(sections);
    if (key === this.shown) return;
    this.shown = key;
    this.onSections(sections);
  }

  /** The complete answer's sections (see parseAnswer). */
  finish(): Section[] {
    return parseAnswer(this.all);
  }
}

/** The streamed answer of one run, reporting partial views to `cb.onPartial` until `cb.signal` aborts (never after). */
export function streamedAnswerFor(cb: GenCallbacks): StreamedAnswer {
  const { onPartial, signal } = cb;
  if (!onPartial) return new StreamedAnswer();
  return new StreamedAnswer((sections) => {
    if (!signal?.aborted) onPartial({ sections, titleKo: null });
  });
}
