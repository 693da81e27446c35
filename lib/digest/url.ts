/**
 * Where a URL in digest or model text ends: at whitespace (ASCII and Unicode: no-break space, ideographic space,
 * line separators, BOM…) or a control character (C0, DEL, C1). One rule for the parser's media check, inline links,
 * bare links and {@link isHttpUrl}. charCode checks only: this runs for every character of every URL.
 */
export function isUrlBreak(c: number): boolean {
  if (c <= 32 || c === 127) return true;
  if (c < 128) return false;
  return (
    c <= 0xa0 || // C1 controls, no-break space
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * `http://` or `https://` (scheme in any case) followed by something, with no whitespace or control characters
 * ({@link isUrlBreak}). charCode checks only: this runs once per media line and per inline link.
 */
export function isHttpUrl(url: string): boolean {
  if (
    (url.charCodeAt(0) | 32) !== 104 || // h
    (url.charCodeAt(1) | 32) !== 116 || // t
    (url.charCodeAt(2) | 32) !== 116 || // t
    (url.charCodeAt(3) | 32) !== 112 // p
  ) {
    return false;
  }
  let i = 4;
  if ((url.charCodeAt(i) | 32) === 115) i++; // s
  if (url.charCodeAt(i) !== 58 || url.charCodeAt(i + 1) !== 47 || url.charCodeAt(i + 2) !== 47) return false; // ://
  if (url.length <= i + 3) return false;
  for (let k = i + 3; k < url.length; k++) {
    if (isUrlBreak(url.charCodeAt(k))) return false;
  }
  return true;
}
