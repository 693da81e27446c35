const SPACE = 32;

/** `http://` or `https://` (scheme in any case) followed by something, with no whitespace or control characters. */
export function isHttpUrl(url: string): boolean {
  const lower = url.slice(0, 8).toLowerCase();
  const schemeLength = lower.startsWith('https://') ? 8 : lower.startsWith('http://') ? 7 : 0;
  if (schemeLength === 0 || url.length <= schemeLength) return false;
  for (let i = 0; i < url.length; i++) {
    const c = url.charCodeAt(i);
    if (c <= SPACE || c === 127) return false;
  }
  return true;
}
