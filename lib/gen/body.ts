/**
 * An answer body as events: Server-Sent Events parsed with `eventsource-parser` (each event's data as JSON), or one
 * plain JSON answer (servers that ignore `stream`). The Content-Type decides; when it says neither, the first
 * character does (`{` / `[` → JSON). Unreadable JSON is `malformed`; one event is capped (MAX_EVENT_CHARS).
 */
import { createParser } from 'eventsource-parser';
import type { BodySink } from './http';
import { GenError } from './types';

/** Longest single SSE event (a token's event is ~200 characters). */
export const MAX_EVENT_CHARS = 1024 * 1024;

export interface BodyHandlers {
  /** One SSE event: its `event:` name and its data parsed as JSON (`[DONE]` is not passed on). */
  event(data: unknown, name: string | undefined): void;
  /** The whole answer when it is plain JSON. */
  json(value: unknown): void;
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new GenError('malformed', { message: `${what} is not JSON` });
  }
}

export function bodySink(contentType: string, h: BodyHandlers): BodySink {
  const ct = contentType.toLowerCase();
  let mode: 'sse' | 'json' | null = ct.includes('text/event-stream') ? 'sse' : ct.includes('json') ? 'json' : null;
  const parts: string[] = [];
  const parser = createParser({
    maxBufferSize: MAX_EVENT_CHARS,
    onEvent(e) {
      if (e.data === '[DONE]') return;
      h.event(parseJson(e.data, 'a stream event'), e.event);
    },
    onError(err) {
      if (err.type === 'max-buffer-size-exceeded') {
        throw new GenError('malformed', { message: `a stream event is longer than ${MAX_EVENT_CHARS} characters` });
      }
    },
  });
  return {
    write(text) {
      if (mode === null) {
        const first = text.trimStart();
        if (first === '') {
          parts.push(text);
          return;
        }
        mode = first.startsWith('{') || first.startsWith('[') ? 'json' : 'sse';
        if (mode === 'sse' && parts.length > 0) parser.feed(parts.splice(0).join(''));
      }
      if (mode === 'json') parts.push(text);
      else parser.feed(text);
    },
    end() {
      if (mode === 'json') h.json(parseJson(parts.join(''), 'the answer'));
      else if (mode === 'sse') parser.feed('\n\n');
    },
  };
}
