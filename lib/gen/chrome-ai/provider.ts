/// <reference types="dom-chromium-ai" />
/**
 * The on-device provider: Chrome's Translator (en → ko) translates the title and the abstract, streaming where it
 * can; where the Summarizer is available, its short English key points, translated, become a summary section. Runs
 * in a document (an offscreen document or an extension page: workers have neither API). Never starts a model
 * download (that needs the user's click: lib/gen/chrome-ai/availability.ts `downloadModel`), never stores anything,
 * and destroys every model instance it created, whatever happens.
 */
import type { Section } from '../../digest/types';
import { type GenCallbacks, GenError, type GenInput, type GenResult, type Provider } from '../types';
import type { ChromeAiApi, SummarizerFactory } from './api';
import { chromeAiStatus, summarizerStatus } from './availability';
import {
  CHROME_AI_LABELS,
  CHROME_AI_MODEL,
  CHROME_AI_MODEL_WITH_SUMMARY,
  MAX_KEY_POINTS,
  MAX_SECTION_TEXT,
  MAX_TITLE_KO,
  SUMMARIZER_OPTIONS,
  TRANSLATOR_OPTIONS,
} from './constants';
import { toGenError } from './errors';

/** A key point's leading list marker (`* `, `- `, `• `, `1. `, `1) `), removed: the section shows its own. */
const BULLET_RE = /^\s*(?:[-*•]|\d{1,2}[.)])\s+/;
const POINT_MARK = '• ';

/** The English key points of a plain-text `key-points` summary, one a line, markers removed. */
export function keyPoints(summary: string): string[] {
  const points: string[] = [];
  for (const line of summary.split('\n')) {
    const p = line.replace(BULLET_RE, '').trim();
    if (p) points.push(p);
    if (points.length === MAX_KEY_POINTS) break;
  }
  return points;
}

/**
 * Says whether a partial answer of `size` characters is worth sending: at once for the first text, then only when
 * the answer grew by at least an eighth since the last one sent. Each partial carries the whole answer, so the bytes
 * sent stay linear in the answer's size however finely Chrome streams it.
 */
function growthGate(): (size: number) => boolean {
  let last = 0;
  return (size) => {
    if (size <= last || size - last < Math.max(1, last >> 3)) return false;
    last = size;
    return true;
  };
}

/**
 * Translates `text`, streaming into `onText` (the whole translation so far) where the Translator streams. The
 * result is capped at `cap` characters (the rest is not read).
 */
async function translateInto(
  translator: Translator,
  text: string,
  signal: AbortSignal | undefined,
  cap: number,
  onText: (soFar: string) => void,
): Promise<string> {
  if (typeof translator.translateStreaming !== 'function') {
    const whole = (await translator.translate(text, { signal })).slice(0, cap);
    onText(whole);
    return whole;
  }
  const reader = translator.translateStreaming(text, { signal }).getReader();
  const stop = () => void reader.cancel().catch(() => undefined);
  signal?.addEventListener('abort', stop, { once: true });
  let soFar = '';
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (signal?.aborted) throw new GenError('cancelled');
      if (done) break;
      if (typeof value !== 'string') continue;
      soFar += value;
      if (soFar.length >= cap) {
        soFar = soFar.slice(0, cap);
        await reader.cancel();
        break;
      }
      onText(soFar);
    }
  } finally {
    signal?.removeEventListener('abort', stop);
  }
  return soFar;
}

/** Frees a model instance (Chrome keeps its memory until then); a failing destroy() must not hide the outcome. */
function release(model: { destroy(): void } | null): void {
  try {
    model?.destroy();
  } catch {
    // already destroyed, or the document is going away
  }
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new GenError('cancelled');
}

/** Refuses to start when the Translator is missing or its model is not on this device yet. */
async function requireAvailable(api: ChromeAiApi): Promise<NonNullable<ChromeAiApi['Translator']>> {
  const status = await chromeAiStatus(api);
  if (status === 'downloadable' || status === 'downloading') throw new GenError('needsDownload');
  if (status !== 'available' || !api.Translator) throw new GenError('unavailable');
  return api.Translator;
}

/** The Summarizer's English key points of the abstract, or null when it is not available or fails (it is optional). */
async function englishKeyPoints(
  api: ChromeAiApi,
  abstract: string,
  signal: AbortSignal | undefined,
  own: { summarizer: Summarizer | null },
): Promise<string[] | null> {
  if ((await summarizerStatus(api)) !== 'available') return null;
  try {
    own.summarizer = await (api.Summarizer as SummarizerFactory).create({ ...SUMMARIZER_OPTIONS, signal });
    const points = keyPoints(await own.summarizer.summarize(abstract, { signal }));
    return points.length > 0 ? points : null;
  } catch {
    if (signal?.aborted) throw new GenError('cancelled');
    return null;
  }
}

export function createChromeAiProvider(api: ChromeAiApi): Provider {
  async function generate(input: GenInput, cb: GenCallbacks = {}): Promise<GenResult> {
    const { signal } = cb;
    throwIfAborted(signal);
    const factory = await requireAvailable(api);
    throwIfAborted(signal);
    const own: { translator: Translator | null; summarizer: Summarizer | null } = {
      translator: null,
      summarizer: null,
    };
    try {
      const translator = await factory.create({ ...TRANSLATOR_OPTIONS, signal });
      own.translator = translator;
      const sections: Section[] = [];
      let titleKo: string | null = null;
      const grown = growthGate();
      const partial = (force: boolean) => {
        const size = sections.reduce((n, s) => n + s.text.length, titleKo?.length ?? 0);
        if (grown(size) || force) cb.onPartial?.({ sections: sections.map((s) => ({ ...s })), titleKo });
      };

      titleKo = (await translator.translate(input.title, { signal })).trim().slice(0, MAX_TITLE_KO) || null;
      throwIfAborted(signal);
      partial(true);

      const abstract: Section = { label: CHROME_AI_LABELS.abstract, text: '' };
      sections.push(abstract);
      abstract.text = (
        await translateInto(translator, input.abstract, signal, MAX_SECTION_TEXT, (text) => {
          abstract.text = text;
          partial(false);
        })
      ).trim();
      throwIfAborted(signal);
      if (!abstract.text) throw new GenError('empty');
      partial(true);

      const points = await englishKeyPoints(api, input.abstract, signal, own);
      if (points) {
        const summary: Section = { label: CHROME_AI_LABELS.summary, text: '' };
        sections.push(summary);
        let done = '';
        const line = (ko: string) => `${done}${done ? '\n' : ''}${POINT_MARK}${ko}`.slice(0, MAX_SECTION_TEXT);
        for (const point of points) {
          const ko = (
            await translateInto(translator, point, signal, MAX_SECTION_TEXT, (text) => {
              summary.text = line(text);
              partial(false);
            })
          ).trim();
          throwIfAborted(signal);
          if (ko) done = line(ko);
          summary.text = done;
        }
        if (!summary.text) sections.pop();
        partial(true);
      }

      const withSummary = sections.length > 1;
      return {
        sections,
        titleKo,
        model: withSummary ? CHROME_AI_MODEL_WITH_SUMMARY : CHROME_AI_MODEL,
        usage: null,
      };
    } catch (e) {
      throw toGenError(e, signal);
    } finally {
      release(own.translator);
      release(own.summarizer);
    }
  }

  async function test(signal?: AbortSignal): Promise<{ model: string }> {
    let translator: Translator | null = null;
    try {
      const factory = await requireAvailable(api);
      translator = await factory.create({ ...TRANSLATOR_OPTIONS, signal });
      const out = await translator.translate('Hello', { signal });
      if (!out.trim()) throw new GenError('empty');
      return { model: CHROME_AI_MODEL };
    } catch (e) {
      throw toGenError(e, signal);
    } finally {
      release(translator);
    }
  }

  return { id: 'chrome-ai', generate, test };
}
