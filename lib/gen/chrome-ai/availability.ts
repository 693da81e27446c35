/// <reference types="dom-chromium-ai" />
/**
 * Whether Chrome's on-device translation can run here, and the model download, which only a user's click may start
 * (Chrome refuses `create()` of a model still to download without a user activation: `NotAllowedError`).
 */
import { GenError } from '../types';
import type { ChromeAiApi, SummarizerFactory, TranslatorFactory } from './api';
import { SUMMARIZER_OPTIONS, TRANSLATOR_OPTIONS } from './constants';
import { toGenError } from './errors';

/** `absent`: this browser has no `Translator` at all (Firefox, Chrome before 138); otherwise Chrome's availability. */
export type ChromeAiStatus = 'absent' | Availability;

const AVAILABILITIES: ReadonlySet<string> = new Set<Availability>([
  'available',
  'downloadable',
  'downloading',
  'unavailable',
]);

export function isChromeAiStatus(v: unknown): v is ChromeAiStatus {
  return v === 'absent' || (typeof v === 'string' && AVAILABILITIES.has(v));
}

async function availabilityOf(
  factory: TranslatorFactory | SummarizerFactory | undefined,
  ask: () => Promise<Availability>,
): Promise<ChromeAiStatus> {
  if (!factory) return 'absent';
  try {
    const a: unknown = await ask();
    return typeof a === 'string' && AVAILABILITIES.has(a) ? (a as Availability) : 'unavailable';
  } catch {
    // Chrome throws for unsupported options or a context without the API's permission policy.
    return 'unavailable';
  }
}

/** The Translator's availability for English → Korean (what the provider needs). */
export function chromeAiStatus(api: ChromeAiApi): Promise<ChromeAiStatus> {
  const t = api.Translator;
  return availabilityOf(t, () => (t as TranslatorFactory).availability(TRANSLATOR_OPTIONS));
}

/** The Summarizer's availability for the provider's options (its short key points are optional). */
export function summarizerStatus(api: ChromeAiApi): Promise<ChromeAiStatus> {
  const s = api.Summarizer;
  return availabilityOf(s, () => (s as SummarizerFactory).availability(SUMMARIZER_OPTIONS));
}

export type DownloadedModel = 'translator' | 'summarizer';

export interface DownloadOptions {
  /** Also download the Summarizer's model when it is downloadable (Gemini Nano: large; off unless asked). */
  summarizer?: boolean;
  signal?: AbortSignal;
}

const NEEDS_FETCH: ReadonlySet<ChromeAiStatus> = new Set(['downloadable', 'downloading']);

/**
 * Downloads the models from a user's click (call it synchronously from the click handler: both downloads start
 * within the click's user activation). `onProgress` gets each model's fraction (0…1) as Chrome reports it. Resolves
 * with the Translator's status afterwards (`available` when all went well). Throws a GenError: `unavailable` when
 * there is no Translator or this device cannot run it, `needsDownload` when Chrome wanted a user activation it did
 * not get, `cancelled` on abort. A failing Summarizer download does not fail the Translator's.
 */
export async function downloadModel(
  api: ChromeAiApi,
  onProgress: (fraction: number, model: DownloadedModel) => void,
  options: DownloadOptions = {},
): Promise<ChromeAiStatus> {
  const { signal } = options;
  const [translator, summarizer] = await Promise.all([
    chromeAiStatus(api),
    options.summarizer ? summarizerStatus(api) : Promise.resolve<ChromeAiStatus>('absent'),
  ]);
  if (translator === 'absent' || translator === 'unavailable') throw new GenError('unavailable');
  const monitor =
    (model: DownloadedModel): CreateMonitorCallback =>
    (m) => {
      m.addEventListener('downloadprogress', (e) => {
        const f = e.loaded;
        if (Number.isFinite(f)) onProgress(Math.min(1, Math.max(0, f)), model);
      });
    };
  const t = api.Translator as TranslatorFactory;
  const translatorDone = t.create({ ...TRANSLATOR_OPTIONS, signal, monitor: monitor('translator') });
  const summarizerDone =
    summarizer !== 'absent' && NEEDS_FETCH.has(summarizer)
      ? (api.Summarizer as SummarizerFactory).create({ ...SUMMARIZER_OPTIONS, signal, monitor: monitor('summarizer') })
      : null;
  // The Summarizer is optional: its failure is left to its own status (shown by summarizerStatus afterwards).
  const optional = summarizerDone?.then(
    (s) => s.destroy(),
    () => undefined,
  );
  try {
    (await translatorDone).destroy();
  } catch (e) {
    throw toGenError(e, signal);
  }
  await optional;
  return chromeAiStatus(api);
}
