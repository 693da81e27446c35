/**
 * One `GEN_PORT` connection (lib/messages.ts): checks who opened it, validates each message, starts or joins the
 * paper's run in the summary service, and streams its partials, its result or its error back, tokenized like digest
 * text. The port closing (tab closed, panel gone) leaves the run, which stops when nobody else waits for it.
 */
import { arxivIdFromUrl } from '../arxiv-id';
import type { GenService } from '../gen/service';
import { type GenUpdate, type SenderInfo, senderKind } from '../messages';
import { showSection } from '../show';
import { showSummary } from '../show-summary';
import type { SenderContext } from './handlers';
import { parseGenRequest } from './requests';

/** The part of `runtime.Port` used here. */
export interface PortLike {
  name: string;
  sender?: SenderInfo;
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(cb: (message: unknown) => void): void };
  onDisconnect: { addListener(cb: () => void): void };
}

export function serveGenPort(port: PortLike, service: GenService, ctx: SenderContext): void {
  const kind = port.sender ? senderKind(port.sender, ctx.extensionId, ctx.extensionOrigin) : null;
  if (!kind) {
    port.disconnect();
    return;
  }
  let closed = false;
  let leave: (() => void) | null = null;
  const post = (u: GenUpdate) => {
    if (!closed) port.postMessage(u);
  };
  const finish = () => {
    leave = null;
  };
  port.onDisconnect.addListener(() => {
    closed = true;
    leave?.();
    leave = null;
  });
  port.onMessage.addListener((raw) => {
    const req = parseGenRequest(raw);
    if (typeof req === 'string') {
      post({ type: 'error', code: 'malformed', retryAfterMs: null });
      return;
    }
    if (req.type === 'cancel') {
      leave?.();
      leave = null;
      post({ type: 'error', code: 'cancelled', retryAfterMs: null });
      return;
    }
    if (leave) return; // one run per port
    if (kind === 'content') {
      const own = port.sender?.tab?.url ? arxivIdFromUrl(port.sender.tab.url) : null;
      if (own?.id !== req.arxivId) {
        post({ type: 'error', code: 'forbidden', retryAfterMs: null });
        return;
      }
    }
    leave = service.start(
      { arxivId: req.arxivId, title: req.title, abstract: req.abstract },
      {
        onPartial: (p) => post({ type: 'partial', titleKo: p.titleKo, sections: p.sections.map(showSection) }),
        onDone: (s) => {
          finish();
          post({ type: 'done', summary: showSummary(s) });
        },
        onError: (code, retryAfterMs) => {
          finish();
          post({ type: 'error', code, retryAfterMs });
        },
      },
      { regenerate: req.regenerate },
    );
  });
}
