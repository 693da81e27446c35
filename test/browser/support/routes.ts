/** Routes that serve the shared corpus under the default upstream URL and arXiv fixtures under their real URLs. */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { isArxivHost } from '../../../lib/arxiv-hosts';

export const UPSTREAM = 'https://raw.githubusercontent.com/l-yohai/daily_papers_ko/main/';

export interface CorpusCounters {
  requests: number;
  bodies: number;
  bodyBytes: number;
  notModified: number;
  /** Paths whose body was sent, in order. */
  bodyPaths: string[];
}

/** Serves `dir` (laid out like upstream) under UPSTREAM with strong ETags; counts what is downloaded. */
export async function routeCorpus(
  context: BrowserContext,
  dir: string,
  options: { delayMs?: number } = {},
): Promise<CorpusCounters> {
  const counters: CorpusCounters = { requests: 0, bodies: 0, bodyBytes: 0, notModified: 0, bodyPaths: [] };
  await context.route(`${UPSTREAM}**`, async (route) => {
    const req = route.request();
    if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
    const rel = decodeURIComponent(new URL(req.url()).pathname.replace('/l-yohai/daily_papers_ko/main/', ''));
    counters.requests++;
    const file = join(dir, rel);
    if (rel.includes('..') || !existsSync(file)) return route.fulfill({ status: 404, body: '404: Not Found' });
    const body = readFileSync(file);
    const etag = `"${createHash('sha1').update(body).digest('hex')}"`;
    const headers = await req.allHeaders();
    if (headers['if-none-match'] === etag) {
      counters.notModified++;
      return route.fulfill({ status: 304, headers: { etag } });
    }
    counters.bodies++;
    counters.bodyPaths.push(rel);
    counters.bodyBytes += body.length;
    return route.fulfill({
      status: 200,
      body,
      headers: { etag, 'content-type': 'text/plain; charset=utf-8', 'access-control-allow-origin': '*' },
    });
  });
  return counters;
}

/**
 * Serves fixture pages at their arXiv URLs, on every arXiv host (lib/arxiv-hosts.ts): `pages` maps a URL path
 * (e.g. `/abs/2406.16793`; the query is not looked at) to a file.
 */
export async function routeArxiv(context: BrowserContext, pages: Record<string, string>): Promise<void> {
  await context.route(
    (url) => isArxivHost(url.hostname),
    (route) => {
      const path = new URL(route.request().url()).pathname;
      const file = pages[path];
      if (!file)
        return route.fulfill({ status: 404, contentType: 'text/html', body: '<!doctype html><title>404</title>' });
      return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: readFileSync(file) });
    },
  );
}
