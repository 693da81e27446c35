/**
 * `http://` or `https://` (scheme in any case) followed by something, with no whitespace or control characters.
 * charCode checks only: this runs once per media line and per inline link.
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
    const c = url.charCodeAt(k);
    if (c <= 32 || c === 127) return false;
  }
  return true;
}
