import { browser } from 'wxt/browser';
import { envelope, type MessageType, type Reply, type Req, type Res } from './messages';

/** Sends one typed request to the background; throws the background's error message when it refuses. */
export async function send<K extends MessageType>(type: K, payload: Req<K>): Promise<Res<K>> {
  const reply = (await browser.runtime.sendMessage(envelope(type, payload))) as Reply<K> | undefined;
  if (!reply) throw new Error(`no answer to ${type}`);
  if (!reply.ok) throw Object.assign(new Error(reply.error), reply.code ? { code: reply.code } : {});
  return reply.data;
}
