/**
 * The host permission pattern asked for (options) and checked (background) for an origin the user chose: a custom
 * source or a model endpoint. Chrome matches a pattern's port (none: every port). Firefox takes no port in a match
 * pattern (bug 1362809): `http://127.0.0.1:8080/*` is granted and `permissions.contains` says yes, yet it matches no
 * URL, so the background's requests there fail as cross-origin. There the pattern names the host on every port.
 */
export function originPattern(origin: string, portsInPatterns: boolean): string {
  const url = new URL(origin);
  return `${url.protocol}//${portsInPatterns ? url.host : url.hostname}/*`;
}

/** Whether this build's browser matches ports in patterns (Chrome) or not (Firefox). */
export const PORTS_IN_PATTERNS = !import.meta.env.FIREFOX;
