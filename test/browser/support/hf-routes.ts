/**
 * Hugging Face under its real URLs, from test/fixtures/hf/: the API (`/api/daily_papers?date=`, `/api/papers/<id>`)
 * answered per date / id by a table the test can change, and paper pages from the HTML fixtures. Every API request
 * is recorded (URL and time) so tests can say what was asked and when.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Route } from 'playwright-core';
import { LOCAL_FIXTURES_DIR } from '../../support/shared';

export const HF_FIXTURES = join(LOCAL_FIXTURES_DIR, 'hf');
export const hfFixture = (name: string) => readFileSync(join(HF_FIXTURES, name), 'utf8');

export interface HfAnswer {
  status: number;
  body: string;
  headers?: Record<string, string>;
}

export const ok = (name: string): HfAnswer => ({ status: 200, body: hfFixture(name) });
export const status = (code: number, name: string, headers?: Record<string, string>): HfAnswer => ({
  status: code,
  body: hfFixture(name),
  headers,
});

export interface HfRoutes {
  /** Answers by date (`YYYY-MM-DD`) for the daily list; unlisted dates answer `[]`. */
  daily: Map<string, HfAnswer>;
  /** Answers by arXiv id for `/api/papers/<id>`; unlisted ids answer 404 with the unknown-id error object. */
  papers: Map<string, HfAnswer | (() => Promise<HfAnswer>)>;
  /** Every API URL asked, in order. */
  requests: string[];
}

export async function routeHf(context: BrowserContext, pages: Record<string, string>): Promise<HfRoutes> {
  const r: HfRoutes = { daily: new Map(), papers: new Map(), requests: [] };
  const send = (route: Route, a: HfAnswer) =>
    route.fulfill({
      status: a.status,
      body: a.body,
      headers: { 'content-type': 'application/json; charset=utf-8', ...a.headers },
    });
  await context.route('https://huggingface.co/api/**', async (route) => {
    const url = new URL(route.request().url());
    r.requests.push(url.href);
    if (url.pathname === '/api/daily_papers') {
      return send(route, r.daily.get(url.searchParams.get('date') ?? '') ?? { status: 200, body: '[]' });
    }
    const id = /^\/api\/papers\/([^/]+)$/.exec(url.pathname)?.[1] ?? '';
    const answer = r.papers.get(id);
    if (!answer) return send(route, status(404, 'paper-unknown.json'));
    return send(route, typeof answer === 'function' ? await answer() : answer);
  });
  await context.route(/^https:\/\/huggingface\.co\/papers\//, (route) => {
    const file = pages[new URL(route.request().url()).pathname];
    if (!file)
      return route.fulfill({ status: 404, contentType: 'text/html', body: '<!doctype html><title>404</title>' });
    return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: hfFixture(file) });
  });
  return r;
}
