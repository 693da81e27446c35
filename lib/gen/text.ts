/**
 * Small text rules for untrusted strings of the generation code (paper text sent out, model answers and error bodies
 * coming in). Pure, each one pass over its input.
 */

/** `s` cut to at most `max` UTF-16 units, never inside a surrogate pair, with `…` when cut. */
export function clip(s: string, max: number): string {
  if (s.length <= max) return s;
  let end = Math.max(0, max - 1);
  const c = s.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end--;
  return `${s.slice(0, end)}…`;
}

/**
 * Control characters removed (C0 except tab and newline, DEL, C1) together with the bidi overrides and isolates
 * (U+202A–202E, U+2066–2069) that could make text read differently from what it is; `\r\n` and lone `\r` become `\n`.
 */
export function stripControls(s: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
  return s.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '');
}

/** One line of plain text: controls removed, whitespace collapsed, trimmed, clipped to `max`. */
export function plainLine(s: string, max: number): string {
  return clip(stripControls(s).replace(/\s+/g, ' ').trim(), max);
}
