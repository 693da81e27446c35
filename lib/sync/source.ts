/**
 * Source URLs. The source is a base URL under which `paper_logs/papers_list.csv` and
 * `paper_logs/YYYY/MM/DD.md` live (default: lib/settings.ts DEFAULT_SOURCE_URL).
 *
 * `validateSourceUrl(input)` accepts a custom base only when:
 * - it parses as an absolute URL with scheme `https:`, or `http:` on a loopback or private-network host
 *   (plain http to the open internet would let anyone on the path rewrite the digests);
 * - it has no user name or password, no query and no fragment (they would end up in every request);
 * - its path ends with `/` (paths are appended to it);
 * - its host is `localhost`, an IP address, or a name with a dot (rejects `https://digests/` typos).
 * It returns the normalised URL (`new URL().href`) or a plain-words error.
 */
export const INDEX_PATH = 'paper_logs/papers_list.csv';

export type SourceCheck = { ok: true; url: string } | { ok: false; error: string };

function isLoopbackOrPrivate(host: string): boolean {
  if (host === 'localhost' || host.endsWith('.localhost') || host === '[::1]') return true;
  const m = /^(\d{1,3})\.(\d{1,3})\.\d{1,3}\.\d{1,3}$/.exec(host);
  if (!m) return false;
  const a = Number(m[1]);
  const b = Number(m[2]);
  return a === 127 || a === 10 || (a === 192 && b === 168) || (a === 172 && b >= 16 && b <= 31);
}

export function validateSourceUrl(input: string): SourceCheck {
  const raw = input.trim();
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return { ok: false, error: 'not a valid URL' };
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:')
    return { ok: false, error: 'the URL must start with https://' };
  if (u.username || u.password) return { ok: false, error: 'the URL must not contain a user name or password' };
  if (u.search || raw.includes('?')) return { ok: false, error: 'the URL must not have a query (?…)' };
  if (u.hash || raw.includes('#')) return { ok: false, error: 'the URL must not have a fragment (#…)' };
  const host = u.hostname;
  const isIp = /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.startsWith('[');
  if (!host || (!isIp && host !== 'localhost' && !host.endsWith('.localhost') && !host.includes('.'))) {
    return { ok: false, error: 'the URL needs a full host name' };
  }
  if (u.protocol === 'http:' && !isLoopbackOrPrivate(host)) {
    return { ok: false, error: 'plain http is only allowed for a local mirror; use https://' };
  }
  if (!u.pathname.endsWith('/')) return { ok: false, error: 'the URL must end with /' };
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
