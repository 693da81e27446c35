/**
 * The offscreen document's side (entrypoints/offscreen wires it): answers the background's requests on `GEN_PORT`
 * ports by running the on-device provider here, where Chrome's Translator and Summarizer exist. One request per port;
 * a `cancel` message or the port closing aborts it. Ports from anyone but this extension's own contexts (its service
 * worker and pages) are closed at once, and every message is validated before it is used.
 */
import { type SenderInfo, senderKind } from '../../messages';
import type { Provider } from '../types';
import type { ChromeAiApi } from './api';
import { chromeAiStatus } from './availability';
import { toGenError } from './errors';
import { createChromeAiProvider } from './provider';
import { errorReply, GEN_PORT, type HostReply, type HostRequest, parseHostRequest } from './wire';

/** The part of `runtime.Port` both sides use (a real Port has it; tests pass a pair of fakes). */
export interface PortLike {
  readonly name: string;
  readonly sender?: SenderInfo;
  postMessage(message: unknown): void;
  disconnect(): void;
  readonly onMessage: { addListener(callback: (message: unknown) => void): void };
  readonly onDisconnect: { addListener(callback: () => void): void };
}

export interface HostContext {
  api: ChromeAiApi;
  /** `runtime.id` and `runtime.getURL('/')`: who counts as this extension. */
  extensionId: string;
  extensionOrigin: string;
}

/** Serves one port (ignores ports of other names; closes ports of other senders). */
export function serveOffscreenPort(port: PortLike, ctx: HostContext, provider: Provider): void {
  if (port.name !== GEN_PORT) return;
  if (senderKind(port.sender ?? {}, ctx.extensionId, ctx.extensionOrigin) !== 'page') {
    port.disconnect();
    return;
  }
  let open = true;
  let started = false;
  const controller = new AbortController();
  const post = (reply: HostReply) => {
    if (!open) return;
    try {
      port.postMessage(reply);
    } catch {
      open = false; // the background went away meanwhile
    }
  };
  const close = () => {
    open = false;
    controller.abort();
  };
  port.onDisconnect.addListener(close);

  const run = async (req: Exclude<HostRequest, { kind: 'cancel' }>) => {
    const { signal } = controller;
    try {
      if (req.kind === 'status') post({ kind: 'status', status: await chromeAiStatus(ctx.api) });
      else if (req.kind === 'test') post({ kind: 'tested', model: (await provider.test(signal)).model });
      else {
        const result = await provider.generate(req.input, {
          signal,
          onPartial: (p) => post({ kind: 'partial', sections: p.sections, titleKo: p.titleKo }),
        });
        post({ kind: 'result', result });
      }
    } catch (e) {
      const err = toGenError(e, signal);
      post(errorReply(err.code, err.detail.message));
    }
  };

  port.onMessage.addListener((raw) => {
    const req = parseHostRequest(raw);
    if (typeof req === 'string' || (req.kind !== 'cancel' && started)) {
      post(errorReply('malformed', typeof req === 'string' ? `request: ${req}` : 'one request per port'));
      port.disconnect();
      close();
      return;
    }
    if (req.kind === 'cancel') {
      controller.abort();
      return;
    }
    started = true;
    void run(req);
  });
}

/** Listens for the background's ports for the lifetime of the offscreen document. */
export function startOffscreenHost(
  onConnect: { addListener(callback: (port: PortLike) => void): void },
  ctx: HostContext,
): void {
  const provider = createChromeAiProvider(ctx.api);
  onConnect.addListener((port) => serveOffscreenPort(port, ctx, provider));
}
