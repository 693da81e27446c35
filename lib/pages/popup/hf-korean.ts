/**
 * Korean summaries for the papers of "Today on Hugging Face" that have no digest, asked from the popup in one
 * action: a small pool of `GEN_PORT` connections (lib/messages.ts), one per paper, at most `KOREAN_POOL_SIZE` open at
 * a time, with progress, cancel and one error per paper. The background stores a summary only when it is complete
 * (lib/gen/service.ts), so a cancel, a stop or the popup closing stores nothing partial; what was finished is kept
 * and comes back with `getHfToday` next time, without asking the provider again.
 *
 * Why 3 at a time: the first summaries show after one round instead of after the whole list; endpoints limit
 * concurrent requests on small plans (a burst of 10 tends to draw 429s), local servers (Ollama, llama.cpp) answer
 * a few at a time and queue the rest into timeouts, the on-device Translator runs in one offscreen document; and
 * when the provider refuses (bad key, 429…) at most 3 requests were in flight, not the whole list.
 *
 * A code that would fail the same way for every paper (configuration, availability, 429, offline) stops the batch:
 * the open requests are cancelled and nothing more is asked. No `browser.*` here: `connect` is injected.
 */
import type { GenErrorCode } from '../../gen/types';
import type { HfDailyItem } from '../../hf/api';
import { GEN_PORT, type GenRequest } from '../../messages';
import type { ShownSection, ShownSummary } from '../../records';
import { clip, firstSentenceOf, leadSection, tokensText } from '../../summary';

export const KOREAN_POOL_SIZE = 3;

/**
 * Codes after which asking for the next paper is pointless: the key, the model, the endpoint's address, the on-device
 * model, the network or the rate limit is the same for every paper.
 */
export const BATCH_STOPPING_CODES: ReadonlySet<GenErrorCode> = new Set<GenErrorCode>([
  'badKey',
  'forbidden',
  'unknownModel',
  'notFound',
  'unavailable',
  'needsDownload',
  'offline',
  'rateLimited',
]);

/** The part of `runtime.Port` used here (the one the popup opens with `runtime.connect`). */
export interface GenPortLike {
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(cb: (message: unknown) => void): void };
  onDisconnect: { addListener(cb: () => void): void };
}

export type Connect = (name: string) => GenPortLike;

/** What one summary is made from: Hugging Face's title and abstract of the paper. */
export interface KoreanPaper {
  arxivId: string;
  title: string;
  abstract: string;
}

/** One paper of this popup's batches. Papers never asked (or cancelled before their answer) have no entry. */
export type KoreanItem =
  | { kind: 'queued' }
  | { kind: 'running' }
  | { kind: 'done'; summary: ShownSummary }
  | { kind: 'error'; code: GenErrorCode };

export type KoreanEnd =
  | { kind: 'finished' }
  | { kind: 'cancelled' }
  /** A code of `BATCH_STOPPING_CODES`; `retryAt` (rate limited with a Retry-After) is when asking makes sense again. */
  | { kind: 'stopped'; code: GenErrorCode; retryAt: number | null };

export interface KoreanState {
  items: ReadonlyMap<string, KoreanItem>;
  /** Papers of the current (or last) batch answered so far (summary or error), out of `total`. */
  done: number;
  total: number;
  running: boolean;
  /** How the last batch ended (null while one runs or before the first). */
  end: KoreanEnd | null;
  /** No batch starts before this time (a 429 said when to retry). */
  retryAt: number | null;
}

export const IDLE: KoreanState = { items: new Map(), done: 0, total: 0, running: false, end: null, retryAt: null };

export interface KoreanRunnerDeps {
  connect: Connect;
  onChange(state: KoreanState): void;
  now?: () => number;
  poolSize?: number;
}

export interface KoreanRunner {
  /**
   * Asks for `papers` except those in `known` (a digest or a stored summary) and those already summarized here.
   * Returns false when nothing was started: a batch is running, a 429 said to wait, or nothing is left to ask.
   */
  start(papers: readonly KoreanPaper[], known?: ReadonlySet<string>): boolean;
  /** Cancels the running batch: `cancel` posted and every open port disconnected; unanswered papers lose their entry. */
  cancel(): void;
  state(): KoreanState;
}

/**
 * The list's papers a Korean summary can be asked for: no digest, no summary yet, and an abstract (lists cached
 * before abstracts were kept have none until the next refresh).
 */
export function papersToAsk(items: readonly HfDailyItem[], known: ReadonlySet<string>): KoreanPaper[] {
  const out: KoreanPaper[] = [];
  for (const item of items) {
    const abstract = item.abstract ?? null;
    if (known.has(item.arxivId) || !abstract) continue;
    out.push({ arxivId: item.arxivId, title: item.title, abstract });
  }
  return out;
}

type Update =
  | { kind: 'partial' }
  | { kind: 'done'; summary: ShownSummary }
  | { kind: 'error'; code: GenErrorCode; retryAfterMs: number | null };

/** A message from the background's port, checked for the shape this module reads (anything else is malformed). */
function readUpdate(raw: unknown, arxivId: string): Update {
  const malformed: Update = { kind: 'error', code: 'malformed', retryAfterMs: null };
  if (typeof raw !== 'object' || raw === null) return malformed;
  const m = raw as Record<string, unknown>;
  if (m.type === 'partial') return { kind: 'partial' };
  if (m.type === 'done') {
    const s = m.summary as ShownSummary | undefined;
    return s && s.arxivId === arxivId && Array.isArray(s.sections) ? { kind: 'done', summary: s } : malformed;
  }
  if (m.type === 'error' && typeof m.code === 'string') {
    const ms = m.retryAfterMs;
    return {
      kind: 'error',
      code: m.code as GenErrorCode,
      retryAfterMs: typeof ms === 'number' && Number.isFinite(ms) && ms >= 0 ? ms : null,
    };
  }
  return malformed;
}

export function createKoreanRunner(deps: KoreanRunnerDeps): KoreanRunner {
  const now = deps.now ?? Date.now;
  const poolSize = Math.max(1, deps.poolSize ?? KOREAN_POOL_SIZE);
  let state: KoreanState = IDLE;
  /** The running batch: what is left to ask and the open ports. */
  let batch: { queue: KoreanPaper[]; next: number; open: Map<string, GenPortLike> } | null = null;
  let pumping = false;

  const emit = (patch: Partial<KoreanState>, items?: Map<string, KoreanItem>) => {
    state = { ...state, ...patch, ...(items ? { items } : {}) };
    deps.onChange(state);
  };
  const withItem = (id: string, item: KoreanItem | null) => {
    const items = new Map(state.items);
    if (item) items.set(id, item);
    else items.delete(id);
    return items;
  };

  const close = (port: GenPortLike, cancel: boolean) => {
    try {
      if (cancel) port.postMessage({ type: 'cancel' } satisfies GenRequest);
    } catch {
      // already closed
    }
    try {
      port.disconnect();
    } catch {
      // already closed
    }
  };

  /** Ends the running batch: open ports cancelled, unanswered papers forgotten (they may be asked again). */
  const end = (how: KoreanEnd) => {
    const b = batch;
    if (!b) return;
    batch = null;
    for (const port of b.open.values()) close(port, true);
    const items = new Map(state.items);
    for (const [id, item] of items) if (item.kind === 'queued' || item.kind === 'running') items.delete(id);
    emit({ running: false, end: how, retryAt: how.kind === 'stopped' ? how.retryAt : state.retryAt }, items);
  };

  const launch = (paper: KoreanPaper) => {
    const b = batch;
    if (!b) return;
    const id = paper.arxivId;
    let settled = false;
    const settle = (item: KoreanItem) => {
      if (settled || batch !== b) return;
      settled = true;
      const port = b.open.get(id);
      b.open.delete(id);
      if (port) close(port, false);
      emit({ done: state.done + 1 }, withItem(id, item));
      pump();
    };
    let port: GenPortLike;
    try {
      port = deps.connect(GEN_PORT);
    } catch {
      emit({}, withItem(id, { kind: 'running' }));
      settle({ kind: 'error', code: 'network' });
      return;
    }
    b.open.set(id, port);
    emit({}, withItem(id, { kind: 'running' }));
    port.onMessage.addListener((raw) => {
      if (settled || batch !== b) return;
      const u = readUpdate(raw, id);
      if (u.kind === 'partial') return;
      if (u.kind === 'done') settle({ kind: 'done', summary: u.summary });
      else if (BATCH_STOPPING_CODES.has(u.code)) {
        settled = true;
        b.open.delete(id);
        close(port, false);
        const retryAt = u.code === 'rateLimited' && u.retryAfterMs !== null ? now() + u.retryAfterMs : null;
        end({ kind: 'stopped', code: u.code, retryAt });
      } else settle({ kind: 'error', code: u.code });
    });
    // The background went away without an answer (its worker restarted, the extension was updated).
    port.onDisconnect.addListener(() => settle({ kind: 'error', code: 'network' }));
    port.postMessage({
      type: 'start',
      arxivId: id,
      title: paper.title,
      abstract: paper.abstract,
      regenerate: false,
    } satisfies GenRequest);
  };

  /** Opens ports while fewer than `poolSize` are open; ends the batch when every paper is answered. */
  function pump(): void {
    if (pumping) return;
    pumping = true;
    try {
      for (let b = batch; b && b === batch; b = batch) {
        if (b.open.size < poolSize && b.next < b.queue.length) {
          const paper = b.queue[b.next++] as KoreanPaper;
          launch(paper);
          continue;
        }
        if (b.open.size === 0 && b.next >= b.queue.length) end({ kind: 'finished' });
        break;
      }
    } finally {
      pumping = false;
    }
  }

  return {
    start(papers, known = new Set()) {
      if (batch || (state.retryAt !== null && now() < state.retryAt)) return false;
      const seen = new Set<string>();
      const queue = papers.filter((p) => {
        if (seen.has(p.arxivId) || known.has(p.arxivId) || state.items.get(p.arxivId)?.kind === 'done') return false;
        seen.add(p.arxivId);
        return true;
      });
      if (queue.length === 0) return false;
      batch = { queue, next: 0, open: new Map() };
      const items = new Map(state.items);
      for (const p of queue) items.set(p.arxivId, { kind: 'queued' });
      emit({ running: true, done: 0, total: queue.length, end: null, retryAt: null }, items);
      pump();
      return true;
    },
    cancel() {
      end({ kind: 'cancelled' });
    },
    state: () => state,
  };
}

/** A section's text without its inline markers (the tokens the background made), lines joined by spaces. */
function plain(section: ShownSection): string {
  return section.lines.map((line) => tokensText(line)).join(' ');
}

export const PREVIEW_TITLE_MAX = 160;
export const PREVIEW_SHORT_MAX = 220;

/**
 * What the popup shows of a summary: a Korean title (the provider's when it made one, else the first sentence of
 * the lead section) and a short Korean summary (the lead section's text after that sentence, else the next
 * section's), both plain text and clipped.
 */
export function koreanPreview(summary: ShownSummary): { title: string; short: string } {
  const sections = summary.sections;
  const lead = leadSection(sections) as ShownSection | null;
  const leadText = lead ? plain(lead) : '';
  if (summary.titleKo) {
    return { title: clip(summary.titleKo, PREVIEW_TITLE_MAX), short: clip(leadText, PREVIEW_SHORT_MAX) };
  }
  const first = firstSentenceOf(leadText, Number.POSITIVE_INFINITY);
  let rest = leadText.replace(/\s+/g, ' ').trim().slice(first.length).trim();
  if (!rest) {
    const next = sections.find((s) => s !== lead && s.text.trim() !== '');
    rest = next ? plain(next) : '';
  }
  return { title: clip(first, PREVIEW_TITLE_MAX), short: clip(rest.replace(/\s+/g, ' ').trim(), PREVIEW_SHORT_MAX) };
}
