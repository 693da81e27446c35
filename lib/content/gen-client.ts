/**
 * The content script's side of the generate Port (lib/messages.ts `GEN_PORT`): one port per run, one `start`, the
 * background's updates handed to the panel, and a cancel that leaves at once (the background stops the run when nobody
 * else waits for it, and stores nothing). A port that closes before `done` or `error` (the worker was stopped, the
 * extension reloaded) ends the run as a `network` error: the panel never waits forever.
 */
import type { GenErrorCode } from '../gen/types';
import type { GenRequest, GenUpdate } from '../messages';
import type { ShownSummary } from '../records';

/** The part of `runtime.Port` used here. */
export interface GenPort {
  postMessage(message: GenRequest): void;
  disconnect(): void;
  onMessage: { addListener(cb: (message: unknown) => void): void };
  onDisconnect: { addListener(cb: () => void): void };
}

export interface GenHandlers {
  partial(update: Extract<GenUpdate, { type: 'partial' }>): void;
  done(summary: ShownSummary): void;
  error(code: GenErrorCode, retryAfterMs: number | null): void;
}

/** Starts a run on `port`; returns the cancel (after which no handler is called). */
export function runGeneration(
  port: GenPort,
  start: Omit<Extract<GenRequest, { type: 'start' }>, 'type'>,
  h: GenHandlers,
): () => void {
  let over = false;
  const end = () => {
    over = true;
    port.disconnect();
  };
  port.onMessage.addListener((raw) => {
    const u = raw as GenUpdate;
    if (over) return;
    if (u.type === 'partial') h.partial(u);
    else if (u.type === 'done') {
      end();
      h.done(u.summary);
    } else if (u.type === 'error') {
      end();
      h.error(u.code, u.retryAfterMs);
    }
  });
  port.onDisconnect.addListener(() => {
    if (over) return;
    over = true;
    h.error('network', null);
  });
  port.postMessage({ type: 'start', ...start });
  return () => {
    if (over) return;
    port.postMessage({ type: 'cancel' });
    end();
  };
}
