/**
 * Hugging Face under its real URLs, from test/fixtures/hf/: the API (`/api/daily_papers?date=`, `/api/papers/<id>`)
 * answered per date / id by a table the test can change, and paper pages from the HTML fixtures. Every API request
 * is recorded (its https://huggingface.co URL) so tests can say what was asked and when. Chromium answers through
 * playwright routes (`routeHf`); Firefox, whose background requests WebDriver BiDi cannot intercept, through a
 * loopback server answering from the same table (`startHfServer`) that the test copy of the build redirects to.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { BrowserContext, Route } from 'playwright-core';
import { addDays, utcToday } from '../../../lib/dates';
import { LOCAL_FIXTURES_DIR } from '../../support/shared';

export const HF_ORIGIN = 'https://huggingface.co';
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

export function hfRoutes(): HfRoutes {
  return { daily: new Map(), papers: new Map(), requests: [] };
}

/** Today (UTC) answers 400 (not open), yesterday `[]`, the day before the fixture list (4 papers). */
export function setUpDays(hf: HfRoutes): { today: string; listDay: string } {
  const today = utcToday();
  hf.daily.set(today, status(400, 'daily-400.json'));
  hf.daily.set(addDays(today, -1), { status: 200, body: '[]' });
  hf.daily.set(addDays(today, -2), ok('daily-2025-07-01.json'));
  return { today, listDay: addDays(today, -2) };
}

/** What the table answers for an API URL (path and query as Hugging Face has them), recording the request. */
async function answerApi(r: HfRoutes, url: URL): Promise<HfAnswer> {
  r.requests.push(`${HF_ORIGIN}${url.pathname}${url.search}`);
  if (url.pathname === '/api/daily_papers') {
    return r.daily.get(url.searchParams.get('date') ?? '') ?? { status: 200, body: '[]' };
  }
  const id = /^\/api\/papers\/([^/]+)$/.exec(url.pathname)?.[1] ?? '';
  const answer = r.papers.get(id);
  if (!answer) return status(404, 'paper-unknown.json');
  return typeof answer === 'function' ? await answer() : answer;
}

const JSON_TYPE = { 'content-type': 'application/json; charset=utf-8' };

export async function routeHf(context: BrowserContext, pages: Record<string, string>, table = hfRoutes()) {
  const r = table;
  const send = (route: Route, a: HfAnswer) =>
    route.fulfill({ status: a.status, body: a.body, headers: { ...JSON_TYPE, ...a.headers } });
  await context.route(`${HF_ORIGIN}/api/**`, async (route) =>
    send(route, await answerApi(r, new URL(route.request().url()))),
  );
  await context.route(/^https:\/\/huggingface\.co\/papers\//, (route) => {
    const file = pages[new URL(route.request().url()).pathname];
    if (!file)
      return route.fulfill({ status: 404, contentType: 'text/html', body: '<!doctype html><title>404</title>' });
    return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: hfFixture(file) });
  });
  return r;
}

export interface HfServer {
  /** `http://127.0.0.1:<port>`: `https://huggingface.co/api/…` is answered at `<base>/api/…`. */
  base: string;
  close(): Promise<void>;
}

/** The API part of `table` on a loopback port (any origin may read it, as the extension's background does). */
export async function startHfServer(table: HfRoutes): Promise<HfServer> {
  const server = createServer((req, res) => {
    void answerApi(table, new URL(req.url ?? '/', 'http://127.0.0.1')).then((a) => {
      res.writeHead(a.status, { ...JSON_TYPE, 'access-control-allow-origin': '*', ...a.headers });
      res.end(a.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
