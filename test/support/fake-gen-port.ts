/** A stand-in for the popup's `GEN_PORT` connection (lib/pages/popup/hf-korean.ts `GenPortLike`), for unit tests. */
import type { GenErrorCode } from '../../lib/gen/types';
import type { GenPortLike } from '../../lib/pages/popup/hf-korean';
import type { ShownSummary } from '../../lib/records';
import { showSummary } from '../../lib/show-summary';
import { storedSummary } from './summaries';

/** A model's summary of `arxivId` as the background sends it (title `새로운 옵티마이저를 제안합니다.`). */
export function fakeSummary(arxivId: string, over: Partial<ShownSummary> = {}): ShownSummary {
  return {
    ...showSummary(
      storedSummary(arxivId, `Paper ${arxivId}`, {
        sections: [
          { label: "What's New", text: '새로운 **옵티마이저**를 제안합니다. 메모리를 절반으로 줄입니다.' },
          { label: 'Technical Details', text: '세부 사항입니다.' },
        ],
        model: 'gpt-test',
        createdAt: 1,
        usage: null,
      }),
    ),
    ...over,
  };
}

/** A port like `runtime.Port`: our own `disconnect()` does not fire our `onDisconnect` (as in Chrome). */
export class FakePort implements GenPortLike {
  sent: unknown[] = [];
  disconnected = false;
  private messageCbs: ((m: unknown) => void)[] = [];
  private disconnectCbs: (() => void)[] = [];
  constructor(readonly name: string) {}
  postMessage(m: unknown) {
    if (this.disconnected) throw new Error('Attempting to use a disconnected port object');
    this.sent.push(m);
  }
  disconnect() {
    this.disconnected = true;
  }
  onMessage = { addListener: (cb: (m: unknown) => void) => void this.messageCbs.push(cb) };
  onDisconnect = { addListener: (cb: () => void) => void this.disconnectCbs.push(cb) };
  /** The paper its `start` asked for. */
  get arxivId(): string {
    return (this.sent[0] as { arxivId: string }).arxivId;
  }
  reply(m: unknown) {
    for (const cb of this.messageCbs) cb(m);
  }
  done(summary: ShownSummary = fakeSummary(this.arxivId)) {
    this.reply({ type: 'done', summary });
  }
  fail(code: GenErrorCode, retryAfterMs: number | null = null) {
    this.reply({ type: 'error', code, retryAfterMs });
  }
  /** The background goes away. */
  drop() {
    this.disconnected = true;
    for (const cb of this.disconnectCbs) cb();
  }
}
