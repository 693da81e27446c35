import { browser } from 'wxt/browser';
import { envelope, type MessageType, type Reply, type Req, type Res } from './messages';

/**
 * Sends one typed request to the background; when it refuses, throws an Error with the reply's code and parameters
 * (lib/errors.ts; lib/error-text `errorText` words it in the UI language) and its English text as the message. Kept
 * free of the error table: content scripts send too.
 */
export async function send<K extends MessageType>(type: K, payload: Req<K>): Promise<Res<K>> {
  const reply = (await browser.runtime.sendMessage(envelope(type, payload))) as Reply<K> | undefined;
  if (!reply) throw Object.assign(new Error(`no answer to ${type}`), { code: 'noAnswer', params: {} });
  if (!reply.ok) throw Object.assign(new Error(reply.error), { code: reply.code, params: reply.params });
  return reply.data;
}
