/**
 * The default upstream host served from loopback for real: an HTTPS server on 127.0.0.1 with a throw-away
 * self-signed certificate, and Chromium told to resolve raw.githubusercontent.com to it
 * (`--host-resolver-rules`, `--ignore-certificate-errors`). Unlike Playwright's request routing, the server answers
 * the browser directly; launched with `interceptAll: false` (the benchmark) no request makes a round trip through
 * Node's test process either, so timings are those of a fast network. (Tests keep the catch-all route, which lets
 * these requests through with `allowOrigins` after a round trip.)
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, normalize } from 'node:path';

const PREFIX = '/l-yohai/daily_papers_ko/main/';

export interface LoopbackUpstream {
  port: number;
  /** Launch options that send raw.githubusercontent.com to this server (and let its requests through). */
  launch: { extraArgs: string[]; allowOrigins: string[] };
  bodyBytes: number;
  close(): Promise<void>;
}

function selfSignedCert(): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'akd-cert-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=raw.githubusercontent.com',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function startLoopbackUpstream(root: string): Promise<LoopbackUpstream> {
  const cache = new Map<string, { body: Buffer; etag: string }>();
  const state = { bodyBytes: 0 };
  const server: Server = createServer(selfSignedCert(), (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'https://x').pathname);
    const rel = path.startsWith(PREFIX) ? normalize(path.slice(PREFIX.length)) : null;
    const file = rel && !rel.startsWith('..') ? join(root, rel) : null;
    if (!file || !existsSync(file)) {
      res.writeHead(404).end('404: Not Found');
      return;
    }
    let entry = cache.get(file);
    if (!entry) {
      const body = readFileSync(file);
      entry = { body, etag: `"${createHash('sha1').update(body).digest('hex')}"` };
      cache.set(file, entry);
    }
    if (req.headers['if-none-match'] === entry.etag) {
      res.writeHead(304, { etag: entry.etag }).end();
      return;
    }
    state.bodyBytes += entry.body.length;
    res.writeHead(200, { etag: entry.etag, 'content-type': 'text/plain; charset=utf-8' }).end(entry.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    launch: {
      extraArgs: [
        `--host-resolver-rules=MAP raw.githubusercontent.com:443 127.0.0.1:${port}`,
        '--ignore-certificate-errors',
      ],
      allowOrigins: ['https://raw.githubusercontent.com/'],
    },
    get bodyBytes() {
      return state.bodyBytes;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
