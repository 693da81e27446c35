/**
 * Message handlers of the background: one dispatch table over the areas' handlers. No `browser.*` here: the entrypoint
 * passes what they need (./handler-deps.ts).
 *
 *   const h = createHandlers({ db: () => dbPromise, runner, search, openTab });
 *   browser.runtime.onMessage.addListener((raw, sender) =>
 *     h.handleMessage(raw, sender, { extensionId: browser.runtime.id, extensionOrigin: browser.runtime.getURL('/') }));
 *
 * - One async function per message type of lib/messages.ts `Protocol` (`h.getPaper(req)` …), from the areas:
 *   reading (./paper-handlers), sync and data (./data-handlers), Hugging Face (./hf-handlers), settings
 *   (./settings-handlers) and Korean summaries (./summary-handlers).
 * - `handleMessage(raw, sender, ctx)` checks the sender (`senderKind`), the request (./requests.ts `parseRequest`)
 *   and that this sender may ask it (`mayAsk`: content scripts only read), and returns a `Reply`; it never throws
 *   (errors become `{ ok: false, error }`).
 */
import { type MessageType, mayAsk, type Reply, type Req, type Res, type SenderInfo, senderKind } from '../messages';
import { dataHandlers } from './data-handlers';
import type { HandlerContext, HandlerDeps, Handlers } from './handler-deps';
import { hfHandlers } from './hf-handlers';
import { paperHandlers } from './paper-handlers';
import { parseRequest } from './requests';
import { settingsHandlers } from './settings-handlers';
import { summaryHandlers } from './summary-handlers';

export type { HandlerDeps, Handlers, HfDeps, StorageEstimateLike } from './handler-deps';

export interface SenderContext {
  extensionId: string;
  /** `browser.runtime.getURL('/')`, e.g. `chrome-extension://<id>/`. */
  extensionOrigin: string;
}

export type MessageHandler = (raw: unknown, sender: SenderInfo, ctx: SenderContext) => Promise<Reply<MessageType>>;

export function createHandlers(deps: HandlerDeps): Handlers & { handleMessage: MessageHandler } {
  const ctx: HandlerContext = { deps, db: async () => deps.db(), now: deps.now ?? Date.now };

  /** The dispatch table: every message type of the protocol, each from its area (tsc checks none is missing). */
  const handlers: Handlers = {
    ...paperHandlers(ctx),
    ...dataHandlers(ctx),
    ...hfHandlers(ctx),
    ...settingsHandlers(ctx),
    ...summaryHandlers({
      db: ctx.db,
      provider: deps.provider,
      onChanged: deps.onSummariesChanged ?? deps.onDataChanged,
    }),
  };

  const handleMessage: MessageHandler = async (raw, sender, senderCtx) => {
    try {
      const kind = senderKind(sender, senderCtx.extensionId, senderCtx.extensionOrigin);
      if (!kind) return { ok: false, error: 'sender not allowed' };
      const env = parseRequest(raw);
      if (typeof env === 'string') return { ok: false, error: env };
      if (!mayAsk(kind, env.type)) return { ok: false, error: `${env.type} is not allowed from a content script` };
      const handler = handlers[env.type] as (req: Req<MessageType>) => Promise<Res<MessageType>>;
      return { ok: true, data: await handler(env.payload) };
    } catch (e) {
      const code = (e as { code?: unknown } | null)?.code;
      const error = e instanceof Error ? e.message : String(e);
      return code === 'dbNewer' ? { ok: false, error, code } : { ok: false, error };
    }
  };

  return { ...handlers, handleMessage };
}
