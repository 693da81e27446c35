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
 * - `handleMessage(raw, sender, ctx)` checks the sender (`senderKind`), the request, once (./requests.ts
 *   `checkRequest`), and that this sender may ask it (`mayAsk`: content scripts only read), and returns a `Reply`; it never throws: a
 *   refusal is `{ ok: false, error, code, params }` (lib/errors.ts; a handler throws a CodedError for one the user
 *   should read, anything else is `internal`).
 */
import { englishError } from '../error-english';
import { type AppError, appError, errorOf, readAppError } from '../errors';
import { type MessageType, mayAsk, type Reply, type Req, type Res, type SenderInfo, senderKind } from '../messages';
import { dataHandlers } from './data-handlers';
import type { HandlerContext, HandlerDeps, Handlers } from './handler-deps';
import { hfHandlers } from './hf-handlers';
import { paperHandlers } from './paper-handlers';
import { checkRequest } from './requests';
import { settingsHandlers } from './settings-handlers';
import { summaryHandlers } from './summary-handlers';

export type { HandlerDeps, Handlers, HfDeps, StorageEstimateLike } from './handler-deps';

export interface SenderContext {
  extensionId: string;
  /** `browser.runtime.getURL('/')`, e.g. `chrome-extension://<id>/`. */
  extensionOrigin: string;
}

export type MessageHandler = (raw: unknown, sender: SenderInfo, ctx: SenderContext) => Promise<Reply<MessageType>>;

/** A refusal: the code the pages word, and `error` for logs (the code's English words unless told). */
function refuse(problem: AppError, error: string = englishError(problem)): Reply<MessageType> {
  return { ok: false, error, ...problem };
}

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
      if (!kind) return refuse(appError('requestRefused'), 'sender not allowed');
      const env = checkRequest(raw);
      if ('problem' in env) return refuse(env.problem, env.error);
      if (!mayAsk(kind, env.type)) {
        return refuse(appError('requestRefused'), `${env.type} is not allowed from a content script`);
      }
      const handler = handlers[env.type] as (req: Req<MessageType>) => Promise<Res<MessageType>>;
      return { ok: true, data: await handler(env.payload) };
    } catch (e) {
      const coded = readAppError(e);
      if (coded) return refuse(coded);
      return refuse(errorOf(e, 'internal'), e instanceof Error ? e.message : String(e));
    }
  };

  return { ...handlers, handleMessage };
}
