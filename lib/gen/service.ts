/**
 * Runs Korean summaries in the background and keeps them like digests. One run per paper at a time: a second ask for
 * the same paper (another tab, the popup) joins the running one and gets its latest partial answer at once. A run is
 * stored (v4 `summaries`) only when it completes; a failure or a cancel stores nothing and keeps what was stored. A
 * stored summary is answered without asking the provider again unless `regenerate` is set. A listener that leaves
 * (cancel, tab closed) stops the run when it was the last one. No `browser.*` here: the entrypoint injects the
 * provider factory (built from the settings and the key at each run).
 */

import type { DigestDb } from '../db/schema';
import { getSummary, putSummary } from '../db/summaries';
import type { Section } from '../digest/types';
import type { StoredSummary } from '../records';
import { capInput } from './input';
import { GenError, type GenErrorCode, type GenInput, type Provider, type ProviderId } from './types';

export interface GenListener {
  onPartial(p: { sections: Section[]; titleKo: string | null }): void;
  onDone(summary: StoredSummary): void;
  onError(code: GenErrorCode, retryAfterMs: number | null): void;
}

export interface ProviderChoice {
  provider: Provider;
  id: ProviderId;
  /** The prompt version the provider asks with (on-device translation has none: 0). */
  promptVersion: number;
}

export interface GenServiceDeps {
  db: () => Promise<DigestDb>;
  /** The configured provider, or null when the user chose none. */
  provider: () => Promise<ProviderChoice | null>;
  now?: () => number;
  /** After a summary was stored (drop search caches). */
  onStored?: (s: StoredSummary) => void;
}

interface Run {
  listeners: Set<GenListener>;
  controller: AbortController;
  partial: { sections: Section[]; titleKo: string | null } | null;
}

export interface GenService {
  /** Starts (or joins) the summary of `input.arxivId`; returns a function that leaves (cancels when last). */
  start(input: GenInput, listener: GenListener, opts?: { regenerate?: boolean }): () => void;
  /** Whether a run for `arxivId` is going. */
  running(arxivId: string): boolean;
}

export function createGenService(deps: GenServiceDeps): GenService {
  const runs = new Map<string, Run>();
  const now = deps.now ?? Date.now;

  const leave = (arxivId: string, listener: GenListener) => {
    const run = runs.get(arxivId);
    if (!run?.listeners.delete(listener)) return;
    if (run.listeners.size === 0) {
      run.controller.abort();
      runs.delete(arxivId);
    }
  };

  async function execute(input: GenInput, run: Run): Promise<void> {
    const each = (f: (l: GenListener) => void) => {
      for (const l of [...run.listeners]) f(l);
    };
    try {
      const choice = await deps.provider();
      if (!choice) throw new GenError('unavailable', { message: 'no provider chosen' });
      const result = await choice.provider.generate(input, {
        signal: run.controller.signal,
        onPartial: (p) => {
          if (run.controller.signal.aborted) return;
          run.partial = p;
          each((l) => l.onPartial(p));
        },
      });
      if (run.controller.signal.aborted) throw new GenError('cancelled');
      if (result.sections.length === 0) throw new GenError('empty');
      const summary: StoredSummary = {
        arxivId: input.arxivId,
        title: input.title,
        titleKo: result.titleKo,
        sections: result.sections,
        provider: choice.id,
        model: result.model,
        promptVersion: choice.promptVersion,
        createdAt: now(),
        usage: result.usage,
      };
      await putSummary(await deps.db(), summary);
      deps.onStored?.(summary);
      each((l) => l.onDone(summary));
    } catch (e) {
      const err =
        e instanceof GenError
          ? e
          : run.controller.signal.aborted
            ? new GenError('cancelled')
            : new GenError('network', { message: e instanceof Error ? e.message : String(e) });
      each((l) => l.onError(err.code, err.detail.retryAfterMs ?? null));
    } finally {
      if (runs.get(input.arxivId) === run) runs.delete(input.arxivId);
    }
  }

  return {
    start(raw, listener, opts = {}) {
      const input = capInput(raw);
      const id = input.arxivId;
      const existing = runs.get(id);
      if (existing) {
        existing.listeners.add(listener);
        if (existing.partial) listener.onPartial(existing.partial);
        return () => leave(id, listener);
      }
      const run: Run = { listeners: new Set([listener]), controller: new AbortController(), partial: null };
      runs.set(id, run);
      void (async () => {
        if (!opts.regenerate) {
          const stored = await getSummary(await deps.db(), id).catch(() => null);
          if (stored) {
            runs.delete(id);
            for (const l of [...run.listeners]) l.onDone(stored);
            return;
          }
        }
        await execute(input, run);
      })();
      return () => leave(id, listener);
    },
    running: (arxivId) => runs.has(arxivId),
  };
}
