/**
 * Where a URL in digest or model text ends: at whitespace (ASCII and Unicode: no-break space, ideographic space,
 * line separators, BOM…, all of JavaScript's `\s`) or a control character (C0, DEL, C1). One character class for the
 * parser's media check, inline links, bare links and {@link isHttpUrl}.
 */
const BREAK = '\\s\\0-\\x1f\\x7f-\\x9f';
const BREAK_CHAR = new RegExp(`[${BREAK}]`);
const HTTP_URL = new RegExp(`^https?://[^${BREAK}]+$`, 'i');

/** Whether the UTF-16 unit `c` ends a URL: charCode checks for ASCII (the hot case), the class above for the rest. */
export function isUrlBreak(c: number): boolean {
  return c < 128 ? c <= 32 || c === 127 : BREAK_CHAR.test(String.fromCharCode(c));
}

/** `http://` or `https://` (scheme in any case) followed by something, with no {@link isUrlBreak} character. */
export function isHttpUrl(url: string): boolean {
  return HTTP_URL.test(url);
}
