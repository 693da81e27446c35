/**
 * Source URLs. The source is a base URL under which `paper_logs/papers_list.csv` and
 * `paper_logs/YYYY/MM/DD.md` live (default: lib/settings.ts DEFAULT_SOURCE_URL).
 *
 * `validateSourceUrl(input)` accepts a custom base only when:
 * - it parses as an absolute URL with scheme `https:`, or `http:` on a loopback or private-network host
 *   (plain http to the open internet would let anyone on the path rewrite the digests);
 * - it has no user name or password, no query and no fragment (they would end up in every request);
 * - its path ends with `/` (paths are appended to it);
 * - its host is `localhost`, an IP address, or a name with a dot (rejects `https://digests/` typos);
 * - its host is not a link-local, unspecified or cloud metadata address (169.254.0.0/16, 0.0.0.0/8, `[::]`,
 *   fe80::/10, the same inside IPv4-mapped IPv6, `[fd00:ec2::254]`, `metadata.google.internal`), whatever the
 *   scheme. Loopback and private addresses stay allowed (self-hosted mirrors). A name that merely resolves to such
 *   an address cannot be caught here (an extension does not see DNS answers).
 * It returns the normalised URL (`new URL().href`) or the error's code (lib/errors.ts `source*`).
 */
import { type AppError, appError, type ErrorCode } from '../errors';

export const INDEX_PATH = 'paper_logs/papers_list.csv';

/** Body cap of one digest file (the largest real one is 0.1 MB). */
export const MAX_DAY_FILE_BYTES = 2 << 20;
/** Body cap of the day index (the real one is 0.56 MB). */
export const MAX_INDEX_BYTES = 8 << 20;

export type SourceCheck = { ok: true; url: string } | { ok: false; error: AppError };

const refuse = (code: Extract<ErrorCode, `source${string}`>): SourceCheck => ({ ok: false, error: appError(code) });

function isLoopbackOrPrivate(host: string): boolean {
  if (host === 'localhost' || host.endsWith('.localhost') || host === '[::1]') return true;
  const m = /^(\d{1,3})\.(\d{1,3})\.\d{1,3}\.\d{1,3}$/.exec(host);
  if (!m) return false;
  const a = Number(m[1]);
  const b = Number(m[2]);
  return a === 127 || a === 10 || (a === 192 && b === 168) || (a === 172 && b >= 16 && b <= 31);
}

/** The eight 16-bit groups of a bracketed IPv6 host as the URL parser writes it (`[fe80::1]`), or null. */
function ipv6Groups(host: string): number[] | null {
  if (!host.startsWith('[') || !host.endsWith(']')) return null;
  const [head = '', tail, extra] = host.slice(1, -1).split('::');
  if (extra !== undefined) return null;
  const part = (s: string) => (s === '' ? [] : s.split(':').map((g) => Number.parseInt(g, 16)));
  const a = part(head);
  const b = tail === undefined ? [] : part(tail);
  const groups = [...a, ...Array<number>(8 - a.length - b.length).fill(0), ...b];
  return groups.length === 8 && groups.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff) ? groups : null;
}

function isLinkLocalV4(a: number, b: number): boolean {
  return a === 0 || (a === 169 && b === 254);
}

function isLinkLocalOrMetadata(host: string): boolean {
  const name = host.replace(/\.$/, '');
  if (name === 'metadata.google.internal') return true;
  const v4 = /^(\d{1,3})\.(\d{1,3})\.\d{1,3}\.\d{1,3}$/.exec(name);
  if (v4) return isLinkLocalV4(Number(v4[1]), Number(v4[2]));
  const g = ipv6Groups(name);
  if (!g) return false;
  const [g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0, g6 = 0, g7 = 0] = g;
  if ((g0 & 0xffc0) === 0xfe80) return true; // fe80::/10
  if (g0 === 0xfd00 && g1 === 0x0ec2 && g2 + g3 + g4 + g5 + g6 === 0 && g7 === 0x254) return true;
  // `::` (unspecified), and IPv4-mapped (::ffff:a.b.c.d) or IPv4-compatible (::a.b.c.d) forms of the v4 ranges.
  if (g0 + g1 + g2 + g3 + g4 === 0 && (g5 === 0xffff || g5 === 0)) {
    if (g5 === 0 && g6 === 0 && g7 === 1) return false; // `::1`, loopback
    return isLinkLocalV4(g6 >> 8, g6 & 0xff); // `::` falls under 0.0.0.0/8
  }
  return false;
}

export function validateSourceUrl(input: string): SourceCheck {
  const raw = input.trim();
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return refuse('sourceInvalid');
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return refuse('sourceScheme');
  if (u.username || u.password) return refuse('sourceCredentials');
  if (u.search || raw.includes('?')) return refuse('sourceQuery');
  if (u.hash || raw.includes('#')) return refuse('sourceFragment');
  const host = u.hostname;
  const isIp = /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.startsWith('[');
  if (!host || (!isIp && host !== 'localhost' && !host.endsWith('.localhost') && !host.includes('.'))) {
    return refuse('sourceHost');
  }
  if (isLinkLocalOrMetadata(host)) return refuse('sourceLinkLocal');
  if (u.protocol === 'http:' && !isLoopbackOrPrivate(host)) {
    return refuse('sourcePlainHttp');
  }
  if (!u.pathname.endsWith('/')) return refuse('sourceSlash');
  return { ok: true, url: u.href };
}

/** `YYYY-MM-DD` → `paper_logs/YYYY/MM/DD.md` (the caller passes a valid date: index days, stored dates). */
export function dayPath(date: string): string {
  return `paper_logs/${date.slice(0, 4)}/${date.slice(5, 7)}/${date.slice(8, 10)}.md`;
}

/** Absolute URL of a path under a (validated) base. */
export function sourceUrl(base: string, path: string): string {
  return new URL(path, base).href;
}
