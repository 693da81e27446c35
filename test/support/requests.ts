/** lib/background/requests.ts `checkRequest` for tests that compare a refusal's words: the envelope, or the words. */
import { checkRequest } from '../../lib/background/requests';
import type { Envelope } from '../../lib/messages';

export function parseRequest(raw: unknown): Envelope | string {
  const r = checkRequest(raw);
  return 'problem' in r ? r.error : r;
}
