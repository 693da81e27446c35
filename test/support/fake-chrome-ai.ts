/// <reference types="dom-chromium-ai" />
/**
 * A fake of Chrome's built-in `Translator` and `Summarizer` (types from `@types/dom-chromium-ai`), for tests only:
 * the instances implement the declared classes member for member, and the static sides have their `availability()`
 * and `create()`. Availability is controllable and changes as Chrome's does (a download from `create()` moves
 * `downloadable` → `downloading` → `available`, with `downloadprogress` events); a download without a user activation
 * fails with `NotAllowedError` as in Chrome; every wait goes through `pace()`, which tests replace to hold a stream
 * or a download at a point of their choosing (no wall-clock waits); signals abort with `AbortError`; a destroyed
 * instance refuses work with `InvalidStateError`.
 *
 * The production build must contain none of this: test/browser/gen-chrome-ai.test.ts looks for FAKE_CHROME_AI_MARKERS
 * in .output.
 */
import type { SummarizerFactory, TranslatorFactory } from '../../lib/gen/chrome-ai/api';

export const FAKE_CHROME_AI_MARKER = 'fake-chrome-ai:3f9c2e71';
/** Strings found only in this file: the build check looks for each. */
export const FAKE_CHROME_AI_MARKERS = [FAKE_CHROME_AI_MARKER, 'fake translator destroyed', 'fake summarizer destroyed'];

const abortError = () => new DOMException('The operation was aborted.', 'AbortError');

function progressEvent(loaded: number): ProgressEvent {
  return Object.assign(new Event('downloadprogress'), { loaded, total: 1, lengthComputable: true }) as ProgressEvent;
}

class FakeMonitor extends EventTarget implements CreateMonitor {
  ondownloadprogress: ((this: CreateMonitor, ev: ProgressEvent) => unknown) | null = null;
  progress(loaded: number): void {
    const e = progressEvent(loaded);
    this.ondownloadprogress?.call(this, e);
    this.dispatchEvent(e);
  }
}

interface Model {
  availability: Availability;
}

export interface FakeChromeAiOptions {
  translator?: Availability;
  /** null: no `Summarizer` global at all. */
  summarizer?: Availability | null;
  /** Whether the page has a user activation (a click) when `create()` must download. */
  userActivation?: boolean;
}

export class FakeChromeAi {
  readonly marker = FAKE_CHROME_AI_MARKER;
  readonly translatorModel: Model;
  readonly summarizerModel: Model | null;
  userActivation: boolean;
  /** Download progress fractions reported by a download. */
  downloadSteps: number[] = [0, 0.25, 0.5, 1];
  /** Characters per streamed chunk. */
  chunkSize = 7;
  /** Every wait of the fake (a chunk, a download step, an answer). Tests replace it to hold the fake. */
  pace: () => Promise<void> = () => Promise.resolve();
  translation: (text: string) => string = (text) => `KO〈${text}〉`;
  summary: (text: string) => string = (text) =>
    `* Point one of ${text.length} characters.\n* Point two.\n\n- Point three.`;
  /** Options each create() got, per model. */
  readonly translatorCreates: TranslatorCreateOptions[] = [];
  readonly summarizerCreates: (SummarizerCreateOptions | undefined)[] = [];
  readonly translatorAvailabilityAsks: TranslatorCreateCoreOptions[] = [];
  readonly summarizerAvailabilityAsks: (SummarizerCreateCoreOptions | undefined)[] = [];
  /** Instances created and not yet destroyed. */
  live = 0;
  /** Texts given to translate()/translateStreaming(), in order. */
  readonly translated: string[] = [];

  constructor(options: FakeChromeAiOptions = {}) {
    this.translatorModel = { availability: options.translator ?? 'available' };
    this.summarizerModel = options.summarizer === null ? null : { availability: options.summarizer ?? 'available' };
    this.userActivation = options.userActivation ?? false;
  }

  /** `{ Translator, Summarizer }` as a document's globals have them. */
  get api(): { Translator: TranslatorFactory; Summarizer?: SummarizerFactory } {
    return this.summarizerModel
      ? { Translator: this.translatorFactory(), Summarizer: this.summarizerFactory(this.summarizerModel) }
      : { Translator: this.translatorFactory() };
  }

  /** One pace step; rejects with AbortError if `signal` aborts first. */
  private async step(signal: AbortSignal | undefined): Promise<void> {
    if (signal?.aborted) throw abortError();
    await new Promise<void>((resolve, reject) => {
      const onAbort = () => reject(abortError());
      signal?.addEventListener('abort', onAbort, { once: true });
      this.pace().then(
        () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
        (e: unknown) => reject(e),
      );
    });
  }

  /** Chrome's create(): a model still to fetch is downloaded first (only with a user activation). */
  private async prepare(model: Model, options: { signal?: AbortSignal; monitor?: CreateMonitorCallback }) {
    if (options.signal?.aborted) throw abortError();
    if (model.availability === 'unavailable') throw new DOMException('Unable to create.', 'NotSupportedError');
    const monitor = new FakeMonitor();
    options.monitor?.(monitor);
    if (model.availability === 'downloadable' || model.availability === 'downloading') {
      if (model.availability === 'downloadable' && !this.userActivation) {
        throw new DOMException('Requires a user gesture when availability is "downloadable".', 'NotAllowedError');
      }
      model.availability = 'downloading';
      for (const loaded of this.downloadSteps) {
        await this.step(options.signal);
        monitor.progress(loaded);
      }
      model.availability = 'available';
    } else {
      monitor.progress(1);
    }
    await this.step(options.signal);
    this.live++;
  }

  /** A stream of `text` in chunks, each after a pace step; errors with AbortError when `signal` aborts. */
  private stream(text: string, signal: AbortSignal | undefined, alive: () => void): ReadableStream<string> {
    let at = 0;
    return new ReadableStream<string>({
      pull: async (controller) => {
        alive();
        await this.step(signal);
        if (at >= text.length) {
          controller.close();
          return;
        }
        controller.enqueue(text.slice(at, at + this.chunkSize));
        at += this.chunkSize;
      },
    });
  }

  private translatorFactory(): TranslatorFactory {
    const fake = this;
    class FakeTranslator implements Translator {
      readonly inputQuota = Number.POSITIVE_INFINITY;
      private destroyed = false;
      constructor(
        readonly sourceLanguage: string,
        readonly targetLanguage: string,
      ) {}
      private alive(): void {
        if (this.destroyed) throw new DOMException('fake translator destroyed', 'InvalidStateError');
      }
      async translate(input: string, options?: TranslatorTranslateOptions): Promise<string> {
        this.alive();
        fake.translated.push(input);
        await fake.step(options?.signal);
        return fake.translation(input);
      }
      translateStreaming(input: string, options?: TranslatorTranslateOptions): ReadableStream<string> {
        this.alive();
        fake.translated.push(input);
        return fake.stream(fake.translation(input), options?.signal, () => this.alive());
      }
      async measureInputUsage(input: string): Promise<number> {
        this.alive();
        return input.length;
      }
      destroy(): void {
        if (!this.destroyed) fake.live--;
        this.destroyed = true;
      }
    }
    return {
      async availability(options) {
        fake.translatorAvailabilityAsks.push(options);
        return fake.translatorModel.availability;
      },
      async create(options) {
        fake.translatorCreates.push(options);
        await fake.prepare(fake.translatorModel, options);
        return new FakeTranslator(options.sourceLanguage, options.targetLanguage);
      },
    } satisfies Pick<typeof Translator, 'availability' | 'create'>;
  }

  private summarizerFactory(model: Model): SummarizerFactory {
    const fake = this;
    class FakeSummarizer implements Summarizer {
      readonly sharedContext: string;
      readonly type: SummarizerType;
      readonly format: SummarizerFormat;
      readonly length: SummarizerLength;
      readonly expectedInputLanguages?: ReadonlyArray<string>;
      readonly expectedContextLanguages?: ReadonlyArray<string>;
      readonly outputLanguage?: string;
      readonly inputQuota = 4_000;
      private destroyed = false;
      constructor(options: SummarizerCreateOptions = {}) {
        this.sharedContext = options.sharedContext ?? '';
        this.type = options.type ?? 'key-points';
        this.format = options.format ?? 'markdown';
        this.length = options.length ?? 'short';
        this.expectedInputLanguages = options.expectedInputLanguages;
        this.expectedContextLanguages = options.expectedContextLanguages;
        this.outputLanguage = options.outputLanguage;
      }
      private alive(): void {
        if (this.destroyed) throw new DOMException('fake summarizer destroyed', 'InvalidStateError');
      }
      async summarize(input: string, options?: SummarizerSummarizeOptions): Promise<string> {
        this.alive();
        await fake.step(options?.signal);
        return fake.summary(input);
      }
      summarizeStreaming(input: string, options?: SummarizerSummarizeOptions): ReadableStream<string> {
        this.alive();
        return fake.stream(fake.summary(input), options?.signal, () => this.alive());
      }
      async measureInputUsage(input: string): Promise<number> {
        this.alive();
        return input.length;
      }
      destroy(): void {
        if (!this.destroyed) fake.live--;
        this.destroyed = true;
      }
    }
    return {
      async availability(options) {
        fake.summarizerAvailabilityAsks.push(options);
        return model.availability;
      },
      async create(options) {
        fake.summarizerCreates.push(options);
        await fake.prepare(model, options ?? {});
        return new FakeSummarizer(options);
      },
    } satisfies Pick<typeof Summarizer, 'availability' | 'create'>;
  }
}

/** A pace that holds every step until released: `release()` lets the next step through, `open()` all of them. */
export function heldPace(): { pace: () => Promise<void>; release(): void; open(): void; waiting(): number } {
  const waiters: (() => void)[] = [];
  let opened = false;
  return {
    pace: () => (opened ? Promise.resolve() : new Promise<void>((r) => waiters.push(r))),
    release: () => waiters.shift()?.(),
    open: () => {
      opened = true;
      for (const w of waiters.splice(0)) w();
    },
    waiting: () => waiters.length,
  };
}
