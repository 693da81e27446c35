/**
 * The three section labels a model must write, and the spellings a model may use for them (the Korean labels the UI
 * shows, spacing and apostrophe variants, `English (한국어)`), mapped to the English labels digests store and
 * lib/section-labels.ts translates. Pure.
 */

export const STANDARD_LABELS = ["What's New", 'Technical Details', 'Performance Highlights'] as const;
export type StandardLabel = (typeof STANDARD_LABELS)[number];

const [NEW, DETAILS, PERF] = STANDARD_LABELS;

/** Keys are compared without spaces, lower case, apostrophes straightened. */
const SPELLINGS: Readonly<Record<string, StandardLabel>> = {
  "what'snew": NEW,
  whatsnew: NEW,
  새로운점: NEW,
  새로운내용: NEW,
  technicaldetails: DETAILS,
  기술적세부사항: DETAILS,
  기술세부사항: DETAILS,
  기술적세부내용: DETAILS,
  performancehighlights: PERF,
  성능하이라이트: PERF,
  성능하이라이트들: PERF,
};

/** Longest label text looked at (longer strings are not labels; keeps every lookup bounded). */
export const MAX_LABEL_CHARS = 60;

function key(s: string): string {
  return s
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/[\s:：]+/g, '')
    .toLowerCase();
}

/** The standard label `label` stands for, or null. `What's New (새로운 점)` and `새로운 점 (What's New)` count. */
export function standardLabel(label: string): StandardLabel | null {
  if (label.length > MAX_LABEL_CHARS) return null;
  const direct = SPELLINGS[key(label)];
  if (direct) return direct;
  const open = label.indexOf('(');
  const close = label.lastIndexOf(')');
  if (open < 0 || close < open) return null;
  return SPELLINGS[key(label.slice(0, open))] ?? SPELLINGS[key(label.slice(open + 1, close))] ?? null;
}
