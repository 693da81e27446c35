/**
 * The one list of hosts that serve arXiv pages, and the match patterns built from it. Everything that knows an arXiv
 * host reads it from here: URL recognisers (lib/arxiv-id.ts), the content scripts' match patterns, the message sender
 * check (lib/messages.ts) and the manifest's host permissions (wxt.config.ts). Pure: no DOM, no browser APIs (the
 * build config imports it too).
 *
 * `browse.arxiv.org` served arXiv's new browse pages and HTML papers while they were in beta; its links still circulate,
 * so it is handled like the others everywhere.
 */
export const ARXIV_HOSTS = ['arxiv.org', 'www.arxiv.org', 'export.arxiv.org', 'browse.arxiv.org'] as const;

const HOST_SET: ReadonlySet<string> = new Set(ARXIV_HOSTS);

/** Whether `hostname` (as URL parsing gives it: lowercased, no port) is an arXiv host. */
export function isArxivHost(hostname: string): boolean {
  return HOST_SET.has(hostname);
}

/**
 * Match patterns (https only) for `paths` on every arXiv host, e.g. `['abs/*']` → `https://arxiv.org/abs/*`, ….
 * Only `*` is a wildcard in a match pattern: `abs?*` matches `/abs?id=…` and nothing under `/abs/`.
 */
export function arxivMatchPatterns(paths: readonly string[]): string[] {
  return ARXIV_HOSTS.flatMap((host) => paths.map((path) => `https://${host}/${path}`));
}
