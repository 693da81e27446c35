/** readCapped over streams whose every pull is counted: the cap is applied while reading, not after. */
import { describe, expect, it } from 'vitest';
import { readCapped } from '../../lib/sync/read-capped';

const CHUNK = 1024;

/** An endless (or `total`-byte) stream of 1 KiB chunks that counts pulls, bytes handed out and cancellation. */
function counted(total = Number.POSITIVE_INFINITY) {
  const seen = { pulls: 0, bytes: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(ctl) {
        seen.pulls++;
        const n = Math.min(CHUNK, total - seen.bytes);
        if (n <= 0) {
          ctl.close();
          return;
        }
        seen.bytes += n;
        ctl.enqueue(new Uint8Array(n).fill(0x61));
      },
      cancel() {
        seen.cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, seen };
}

describe('readCapped', () => {
  it('reads a body up to the cap whole', async () => {
    const { stream, seen } = counted(10 * CHUNK);
    const r = await readCapped(new Response(stream), 10 * CHUNK);
    expect(r.kind).toBe('ok');
    expect(r.kind === 'ok' && r.body.byteLength).toBe(10 * CHUNK);
    expect(seen.cancelled).toBe(false);
  });

  it('an endless stream is cancelled one chunk past the cap and nothing of it is returned', async () => {
    const { stream, seen } = counted();
    const r = await readCapped(new Response(stream), 10 * CHUNK);
    expect(r).toEqual({ kind: 'too-large', bytes: 11 * CHUNK, declared: null });
    expect(seen.cancelled).toBe(true);
    expect(seen.bytes).toBe(11 * CHUNK);
    // Nothing more is pulled after the cancellation (a pull would be due within a turn of the event loop).
    const pulls = seen.pulls;
    await new Promise((r) => setImmediate(r));
    expect(seen.pulls).toBe(pulls);
  });

  it('one byte over the cap is too large', async () => {
    const r = await readCapped(new Response(new Uint8Array(CHUNK + 1)), CHUNK);
    expect(r.kind).toBe('too-large');
  });

  it('a Content-Length over the cap refuses before a single byte is read', async () => {
    const { stream, seen } = counted();
    const res = new Response(stream, { headers: { 'content-length': String(200_000_000) } });
    expect(await readCapped(res, 10 * CHUNK)).toEqual({ kind: 'too-large', bytes: 0, declared: 200_000_000 });
    expect(seen.bytes).toBe(0);
    expect(seen.cancelled).toBe(true);
  });

  it('a compressed body is judged by what it decodes to, not by its Content-Length', async () => {
    const small = new Response('x'.repeat(100), { headers: { 'content-length': '99999', 'content-encoding': 'gzip' } });
    expect((await readCapped(small, 1000)).kind).toBe('ok');
  });

  it('a stream that breaks off gives the bytes read so far', async () => {
    let n = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(ctl) {
        if (n++ < 3) ctl.enqueue(new Uint8Array(CHUNK));
        else ctl.error(new TypeError('network'));
      },
    });
    expect(await readCapped(new Response(stream), 100 * CHUNK)).toEqual({ kind: 'broken', bytes: 3 * CHUNK });
  });

  it('an empty body is an empty result', async () => {
    const r = await readCapped(new Response(null, { status: 200 }), 10);
    expect(r.kind === 'ok' && r.body.byteLength).toBe(0);
  });
});
