/**
 * `readCapped(res, maxBytes)`: a response body read with a size cap applied WHILE reading, for every download of
 * the extension (digest files, the day index, Hugging Face answers).
 *
 * - A Content-Length over the cap (on a body that is not content-encoded, where the header counts the bytes we
 *   would get) refuses the body before reading any of it.
 * - Otherwise the stream is read chunk by chunk; as soon as the bytes read exceed the cap the stream is cancelled
 *   (no more of it is downloaded) and nothing read is returned.
 * - A stream that breaks off (network, abort, timeout) gives `broken` with the bytes read so far; the caller
 *   tells why.
 * Never throws.
 */

export type CappedBody =
  | { kind: 'ok'; body: Uint8Array }
  /** `declared`: the Content-Length that refused the body early (null when the cap was hit while reading). */
  | { kind: 'too-large'; bytes: number; declared: number | null }
  | { kind: 'broken'; bytes: number };

/** The Content-Length of a body that is not content-encoded, or null when absent, unreadable or encoded. */
export function plainContentLength(headers: Headers): number | null {
  const encoding = (headers.get('content-encoding') ?? 'identity').trim().toLowerCase();
  const value = headers.get('content-length')?.trim();
  if (encoding !== 'identity' || value === undefined || !/^\d+$/.test(value)) return null;
  return Number(value);
}

function cancel(stream: ReadableStream<Uint8Array> | null | ReadableStreamDefaultReader<Uint8Array>): void {
  void stream?.cancel().catch(() => {});
}

export async function readCapped(res: Response, maxBytes: number): Promise<CappedBody> {
  const declared = plainContentLength(res.headers);
  if (declared !== null && declared > maxBytes) {
    cancel(res.body);
    return { kind: 'too-large', bytes: 0, declared };
  }
  if (!res.body) return { kind: 'ok', body: new Uint8Array(0) };
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      if (bytes > maxBytes) {
        cancel(reader);
        return { kind: 'too-large', bytes, declared: null };
      }
      chunks.push(value);
    }
  } catch {
    cancel(reader);
    return { kind: 'broken', bytes };
  }
  if (chunks.length === 1) return { kind: 'ok', body: chunks[0] as Uint8Array };
  const body = new Uint8Array(bytes);
  let at = 0;
  for (const c of chunks) {
    body.set(c, at);
    at += c.byteLength;
  }
  return { kind: 'ok', body };
}
