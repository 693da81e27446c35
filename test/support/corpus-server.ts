/**
 * A real HTTP server on 127.0.0.1 (port 0) serving a directory laid out like the upstream repository
 * (`paper_logs/papers_list.csv`, `paper_logs/YYYY/MM/DD.md`), for sync tests and the loopback bench.
 *
 * - Strong ETags (sha1 of the body) and Last-Modified (file mtime); 304 on If-None-Match / If-Modified-Since.
 * - Counts requests, 200/304 answers and body bytes served per path.
 * - Fault injection per path (`once` or until cleared): HTTP status (404, 429 + Retry-After, 500, 503), hang
 *   (headers never sent), truncated body (socket destroyed half-way), replacement body (non-UTF-8 bytes,
 *   an index that fails to parse), a redirect (status + Location), a huge body streamed from one small buffer
 *   (e.g. 200 MB, never allocated; with or without Content-Length; it stops when the client goes away);
 *   `override` changes a file's content; `goOffline` destroys every socket and refuses new connections until
 *   `goOnline`.
 * - `writeMiniTree` generates a small synthetic upstream tree whose expected contents are known independently.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { dirname, join, normalize, sep } from 'node:path';

export type Fault =
  | { kind: 'status'; status: number; retryAfter?: string }
  | { kind: 'hang' }
  | { kind: 'truncate' }
  | { kind: 'body'; body: string | Uint8Array }
  | { kind: 'redirect'; status: 301 | 302 | 303 | 307 | 308; location: string }
  | { kind: 'huge'; bytes: number; contentLength: boolean };

export interface PathStats {
  requests: number;
  ok: number;
  notModified: number;
  bytes: number;
}

export interface CorpusServer {
  /** `http://127.0.0.1:<port>/` */
  baseUrl: string;
  stats(path: string): PathStats;
  /** Sum over paths matching `filter` (default: all). */
  total(filter?: (path: string) => boolean): PathStats;
  /** Paths requested, in arrival order (with repeats). */
  log: string[];
  /** How the latest `huge` body served for `path` ended (resolves once the connection is done with it). */
  streamed(path: string): Promise<StreamEnd>;
  resetCounts(): void;
  fault(path: string, fault: Fault, opts?: { once?: boolean }): void;
  clearFaults(): void;
  /** Serve `content` for `path` instead of the file (null: back to the file). */
  override(path: string, content: string | null, lastModified?: Date): void;
  goOffline(): void;
  goOnline(): void;
  close(): Promise<void>;
}

interface Entry {
  body: Buffer;
  etag: string;
  lastModified: string;
}

const strip = (p: string) => p.replace(/^\/+/, '');

/** One 64 KiB chunk of ASCII text, written again and again (a huge body costs no memory). */
const HUGE_CHUNK = Buffer.alloc(64 << 10, 'abcdefghij\n');

export interface StreamEnd {
  /** Bytes handed to the socket before the stream ended. */
  sent: number;
  /** Whether all of it was sent (false: the client went away first). */
  complete: boolean;
}

/** Streams `total` bytes, honouring backpressure; stops when the client cancels (the socket closes). */
function streamHuge(res: ServerResponse, total: number, contentLength: boolean, s: PathStats): Promise<StreamEnd> {
  const headers: Record<string, string> = { 'content-type': 'text/plain; charset=utf-8' };
  if (contentLength) headers['content-length'] = String(total);
  res.writeHead(200, headers);
  s.ok++;
  let left = total;
  let closed = false;
  const ended = new Promise<StreamEnd>((resolve) => {
    res.on('close', () => {
      closed = true;
      resolve({ sent: total - left, complete: left === 0 && res.writableFinished });
    });
  });
  const pump = (): void => {
    while (!closed && left > 0) {
      const chunk = left >= HUGE_CHUNK.length ? HUGE_CHUNK : HUGE_CHUNK.subarray(0, left);
      left -= chunk.length;
      s.bytes += chunk.length;
      if (!res.write(chunk)) {
        res.once('drain', pump);
        return;
      }
    }
    if (!closed) res.end();
  };
  pump();
  return ended;
}

export async function startCorpusServer(root: string): Promise<CorpusServer> {
  const stats = new Map<string, PathStats>();
  const faults = new Map<string, { fault: Fault; once: boolean }>();
  const overrides = new Map<string, Entry>();
  const cache = new Map<string, Entry>();
  const sockets = new Set<Socket>();
  const log: string[] = [];
  const streams = new Map<string, Promise<StreamEnd>>();
  let offline = false;

  const stat = (path: string): PathStats => {
    let s = stats.get(path);
    if (!s) {
      s = { requests: 0, ok: 0, notModified: 0, bytes: 0 };
      stats.set(path, s);
    }
    return s;
  };
  const entryFor = (body: Buffer, mtime: Date): Entry => ({
    body,
    etag: `"${createHash('sha1').update(body).digest('hex')}"`,
    lastModified: new Date(Math.floor(mtime.getTime() / 1000) * 1000).toUTCString(),
  });
  const load = (path: string): Entry | null => {
    const o = overrides.get(path);
    if (o) return o;
    const hit = cache.get(path);
    if (hit) return hit;
    const file = normalize(join(root, path));
    if (!file.startsWith(normalize(root) + sep)) return null;
    try {
      const st = statSync(file);
      if (!st.isFile()) return null;
      const e = entryFor(readFileSync(file), st.mtime);
      cache.set(path, e);
      return e;
    } catch {
      return null;
    }
  };

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const path = strip(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    log.push(path);
    const s = stat(path);
    s.requests++;
    const f = faults.get(path);
    if (f?.once) faults.delete(path);
    if (f) {
      const fault = f.fault;
      if (fault.kind === 'hang') return; // never answers; the socket is destroyed on close
      if (fault.kind === 'status') {
        const headers: Record<string, string> = { 'content-type': 'text/plain' };
        if (fault.retryAfter !== undefined) headers['retry-after'] = fault.retryAfter;
        res.writeHead(fault.status, headers);
        res.end(`fault ${fault.status}`);
        return;
      }
      if (fault.kind === 'redirect') {
        res.writeHead(fault.status, { location: fault.location, 'content-type': 'text/plain' });
        res.end(`moved to ${fault.location}`);
        return;
      }
      if (fault.kind === 'huge') {
        streams.set(path, streamHuge(res, fault.bytes, fault.contentLength, s));
        return;
      }
      if (fault.kind === 'body') {
        const body = Buffer.from(fault.body);
        s.ok++;
        s.bytes += body.length;
        res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'content-length': String(body.length) });
        res.end(body);
        return;
      }
      // truncate: announce the full length, send half, break the connection.
      const e = load(path);
      const body = e?.body ?? Buffer.from('x'.repeat(1000));
      const half = body.subarray(0, Math.floor(body.length / 2));
      s.bytes += half.length;
      res.writeHead(200, { 'content-length': String(body.length), 'content-type': 'text/plain; charset=utf-8' });
      res.flushHeaders();
      res.write(half, () => setTimeout(() => res.socket?.destroy(), 20));
      return;
    }
    const e = load(path);
    if (!e) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    const inm = req.headers['if-none-match'];
    const ims = req.headers['if-modified-since'];
    const matches =
      inm !== undefined
        ? inm.split(',').some((t) => t.trim() === e.etag || t.trim() === '*')
        : ims !== undefined && !Number.isNaN(Date.parse(ims)) && Date.parse(e.lastModified) <= Date.parse(ims);
    const headers = { etag: e.etag, 'last-modified': e.lastModified, 'cache-control': 'max-age=300' };
    if (matches) {
      s.notModified++;
      res.writeHead(304, headers);
      res.end();
      return;
    }
    s.ok++;
    s.bytes += e.body.length;
    res.writeHead(200, {
      ...headers,
      'content-type': 'text/plain; charset=utf-8',
      'content-length': String(e.body.length),
    });
    res.end(e.body);
  };

  const server = createServer(handle);
  server.on('connection', (socket) => {
    if (offline) {
      socket.destroy();
      return;
    }
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}/`,
    stats: (path) => ({ ...stat(strip(path)) }),
    total(filter = () => true) {
      const t: PathStats = { requests: 0, ok: 0, notModified: 0, bytes: 0 };
      for (const [p, s] of stats) {
        if (!filter(p)) continue;
        t.requests += s.requests;
        t.ok += s.ok;
        t.notModified += s.notModified;
        t.bytes += s.bytes;
      }
      return t;
    },
    log,
    streamed(path) {
      return streams.get(strip(path)) ?? Promise.reject(new Error(`no huge body was served for ${path}`));
    },
    resetCounts() {
      stats.clear();
      log.length = 0;
    },
    fault(path, fault, opts = {}) {
      faults.set(strip(path), { fault, once: opts.once ?? false });
    },
    clearFaults() {
      faults.clear();
    },
    override(path, content, lastModified = new Date()) {
      if (content === null) overrides.delete(strip(path));
      else overrides.set(strip(path), entryFor(Buffer.from(content, 'utf8'), lastModified));
    },
    goOffline() {
      offline = true;
      for (const s of sockets) s.destroy();
    },
    goOnline() {
      offline = false;
    },
    async close() {
      offline = true;
      for (const s of sockets) s.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Synthetic upstream trees.

export interface MiniPaper {
  id: string;
  title: string;
  votes: number | null;
  authors: string[];
}

export interface MiniDay {
  date: string;
  /** One array per run (`## Daily Papers (date)` heading); usually one. */
  runs: MiniPaper[][];
}

export function digestMarkdown(day: MiniDay): string {
  const out: string[] = [];
  for (const run of day.runs) {
    out.push(`## Daily Papers (${day.date})`, '');
    for (const p of run) {
      out.push(
        `### [${p.title}](https://arxiv.org/abs/${p.id})`,
        '',
        `![](https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/${p.id}.png)`,
        '',
        `Vote: ${p.votes ?? '-'}`,
        '',
        `Authors: ${p.authors.join(', ')}`,
        '',
        `- ***What's New***: ${p.title}에 대한 새로운 점입니다.`,
        `- ***Technical Details***: 기술적 세부 사항, "따옴표"와 쉼표를 포함합니다.`,
        '',
      );
    }
  }
  return out.join('\n');
}

/** `date,title,url` with CRLF line ends and RFC 4180 quoting, as upstream writes it. */
export function indexCsv(days: readonly MiniDay[]): string {
  const q = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
  const rows = ['date,title,url'];
  for (const d of [...days].sort((a, b) => (a.date < b.date ? -1 : 1))) {
    for (const p of d.runs.flat()) rows.push(`${d.date},${q(p.title)},https://arxiv.org/abs/${p.id}`);
  }
  return `${rows.join('\r\n')}\r\n`;
}

export function dayFile(date: string): string {
  return `paper_logs/${date.slice(0, 4)}/${date.slice(5, 7)}/${date.slice(8, 10)}.md`;
}

/**
 * `count` consecutive days ending `lastDate`, `perDay` papers each. Each day's first paper is the first day's
 * first paper again (title gains " (again)", votes +100 per day): one paper listed on every day; all other ids
 * are new, so there are `count·perDay − (count − 1)` distinct papers.
 */
export function miniDays(count: number, perDay: number, lastDate = '2025-05-09'): MiniDay[] {
  const days: MiniDay[] = [];
  const end = Date.parse(`${lastDate}T00:00:00Z`);
  let serial = 0;
  for (let k = count - 1; k >= 0; k--) {
    const date = new Date(end - k * 86_400_000).toISOString().slice(0, 10);
    const yymm = `${date.slice(2, 4)}${date.slice(5, 7)}`;
    const papers: MiniPaper[] = [];
    const prev = days.at(-1)?.runs[0]?.[0];
    if (prev) papers.push({ ...prev, votes: (prev.votes ?? 0) + 100, title: `${prev.title} (again)` });
    while (papers.length < perDay) {
      serial++;
      papers.push({
        id: `${yymm}.${String(10000 + serial).padStart(5, '0')}`,
        title: `Paper ${serial}: a study, with commas`,
        votes: serial % 7 === 0 ? null : serial,
        authors: [`Author ${serial}`, 'Kim Minsu'],
      });
    }
    days.push({ date, runs: [papers] });
  }
  return days;
}

export function writeMiniTree(dir: string, days: readonly MiniDay[]): void {
  for (const d of days) {
    const file = join(dir, dayFile(d.date));
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, digestMarkdown(d));
  }
  mkdirSync(join(dir, 'paper_logs'), { recursive: true });
  writeFileSync(join(dir, 'paper_logs', 'papers_list.csv'), indexCsv(days));
}
