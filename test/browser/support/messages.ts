/** Sends a protocol message from an extension page (as the popup would) and returns the reply's data. */
import type { Page } from 'playwright-core';

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

import { CHANNEL, type MessageType, type Req, type Res } from '../../../lib/messages';

export async function ask<K extends MessageType>(page: Page, type: K, payload: Req<K>): Promise<Res<K>> {
  const reply = (await page.evaluate(
    ([channel, t, p]) => chrome.runtime.sendMessage({ channel, type: t, payload: p }),
    [CHANNEL, type, payload] as const,
  )) as { ok: boolean; data?: Res<K>; error?: string };
  if (!reply.ok) throw new Error(reply.error);
  return reply.data as Res<K>;
}

/**
 * Polls the sync status until no run is going and at least `minDigests` digests are stored. The install-time
 * run may have started before the test's routes existed (and failed offline): when idle and short, sync again.
 */
export async function waitForSync(page: Page, minDigests: number, timeoutMs = 60_000, pollMs = 200) {
  const start = Date.now();
  for (;;) {
    const { status } = await ask(page, 'getSyncStatus', {});
    if (!status.running && status.digestCount >= minDigests) return status;
    if (!status.running) await ask(page, 'syncNow', {});
    if (Date.now() - start > timeoutMs) throw new Error(`sync did not finish: ${JSON.stringify(status)}`);
    await page.waitForTimeout(pollMs);
  }
}
