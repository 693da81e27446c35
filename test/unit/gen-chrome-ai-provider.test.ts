import { describe, expect, it } from 'vitest';
import { CHROME_AI_LABELS, MAX_SECTION_TEXT, MAX_TITLE_KO } from '../../lib/gen/chrome-ai/constants';
import { createChromeAiProvider, keyPoints } from '../../lib/gen/chrome-ai/provider';
import { GenError, type GenInput, type GenResult } from '../../lib/gen/types';
import { FakeChromeAi, heldPace } from '../support/fake-chrome-ai';

const input: GenInput = {
  arxivId: '2406.16793',
  title: 'Adam-mini: Use Fewer Learning Rates To Gain More',
  abstract:
    'We propose Adam-mini, an optimizer that achieves on-par or better performance than AdamW with 45% to 50% ' +
    'less memory footprint. Adam-mini reduces memory by cutting down the learning rate resources in Adam.',
};

type Partial = { sections: { label: string | null; text: string }[]; titleKo: string | null };

async function run(fake: FakeChromeAi, signal?: AbortSignal) {
  const partials: Partial[] = [];
  const result = await createChromeAiProvider(fake.api).generate(input, {
    signal,
    onPartial: (p) => partials.push(p),
  });
  return { result, partials };
}

async function failure(p: Promise<unknown>): Promise<GenError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(GenError);
  return e as GenError;
}

const ko = (s: string) => `KO〈${s}〉`;

describe('chrome-ai provider: translation', () => {
  it('translates the title and the abstract (en → ko), the abstract streamed into onPartial as it arrives', async () => {
    const fake = new FakeChromeAi({ summarizer: null });
    const { result, partials } = await run(fake);

    expect(result).toEqual<GenResult>({
      sections: [{ label: CHROME_AI_LABELS.abstract, text: ko(input.abstract) }],
      titleKo: ko(input.title),
      model: 'chrome-translator',
      usage: null,
    });
    expect(fake.translatorCreates.map((o) => [o.sourceLanguage, o.targetLanguage])).toEqual([['en', 'ko']]);
    // The Korean title shows first, then the abstract grows chunk by chunk, each partial a prefix of the next.
    expect(partials[0]).toEqual({ sections: [], titleKo: ko(input.title) });
    const texts = partials.slice(1).map((p) => p.sections[0]?.text ?? '');
    expect(texts.length).toBeGreaterThan(5);
    for (let i = 1; i < texts.length; i++) expect(texts[i]?.startsWith(texts[i - 1] ?? '')).toBe(true);
    expect(texts[0]?.length).toBeLessThan(ko(input.abstract).length);
    expect(texts.at(-1)).toBe(ko(input.abstract));
  });

  it('partials do not share objects with what the provider keeps changing', async () => {
    const fake = new FakeChromeAi({ summarizer: null });
    const { partials } = await run(fake);
    const first = partials[1]?.sections[0]?.text;
    expect(first).toBeDefined();
    expect(first?.length).toBeLessThan(ko(input.abstract).length);
  });

  it('works without translateStreaming (one partial with the whole abstract)', async () => {
    const fake = new FakeChromeAi({ summarizer: null });
    const api = fake.api;
    const create = api.Translator.create.bind(api.Translator);
    api.Translator.create = async (o) => {
      const t = await create(o);
      Object.defineProperty(t, 'translateStreaming', { value: undefined });
      return t;
    };
    const partials: Partial[] = [];
    const result = await createChromeAiProvider(api).generate(input, { onPartial: (p) => partials.push(p) });
    expect(result.sections[0]?.text).toBe(ko(input.abstract));
    expect(partials.map((p) => p.sections[0]?.text)).toEqual([undefined, ko(input.abstract), ko(input.abstract)]);
  });

  it('sends a linear amount of partial text however finely Chrome streams (size doubling)', async () => {
    const sent = async (abstract: string) => {
      const fake = new FakeChromeAi({ summarizer: 'available' });
      fake.summary = (t) => `* ${t.slice(0, t.length / 4)}\n* ${t.slice(0, t.length / 4)}`;
      fake.chunkSize = 1;
      let chars = 0;
      const result = await createChromeAiProvider(fake.api).generate(
        { ...input, abstract },
        { onPartial: (p) => (chars += p.sections.reduce((n, s) => n + s.text.length, 0)) },
      );
      const answer = result.sections.reduce((n, s) => n + s.text.length, 0);
      return { chars, answer };
    };
    const a = await sent('word '.repeat(400));
    const b = await sent('word '.repeat(800));
    expect(b.chars / a.chars).toBeLessThan(2.6);
    // Chunks of one character, yet the partials together carry about ten answers' worth, not one per chunk.
    expect(a.chars).toBeLessThan(12 * a.answer);
  });

  it('caps what it returns: the title and each section', async () => {
    const fake = new FakeChromeAi({ summarizer: null });
    fake.translation = (t) => 'ㄱ'.repeat(t.length * 100);
    fake.chunkSize = 4_000;
    const { result } = await run(fake);
    expect(result.titleKo?.length).toBe(MAX_TITLE_KO);
    expect(result.sections[0]?.text.length).toBe(MAX_SECTION_TEXT);
  });

  it('an empty translation is the error `empty`', async () => {
    const fake = new FakeChromeAi({ summarizer: null });
    fake.translation = () => '  ';
    expect((await failure(run(fake))).code).toBe('empty');
    expect(fake.live).toBe(0);
  });
});

describe('chrome-ai provider: the summary section', () => {
  it('adds the Summarizer key points, translated, one a line, when the Summarizer is available', async () => {
    const fake = new FakeChromeAi({ summarizer: 'available' });
    const { result, partials } = await run(fake);
    expect(result.model).toBe('chrome-translator+summarizer');
    expect(result.sections).toEqual([
      { label: CHROME_AI_LABELS.abstract, text: ko(input.abstract) },
      {
        label: CHROME_AI_LABELS.summary,
        text: [
          `• ${ko(`Point one of ${input.abstract.length} characters.`)}`,
          `• ${ko('Point two.')}`,
          `• ${ko('Point three.')}`,
        ].join('\n'),
      },
    ]);
    expect(fake.summarizerCreates[0]).toMatchObject({ type: 'key-points', length: 'short', outputLanguage: 'en' });
    expect(partials.at(-1)?.sections).toEqual(result.sections);
    expect(fake.live).toBe(0);
  });

  it('has no summary section without a Summarizer, or when its model is not downloaded (and downloads nothing)', async () => {
    for (const summarizer of [null, 'downloadable', 'downloading', 'unavailable'] as const) {
      const fake = new FakeChromeAi({ summarizer, userActivation: true });
      const { result } = await run(fake);
      expect(result.sections.map((s) => s.label)).toEqual([CHROME_AI_LABELS.abstract]);
      expect(result.model).toBe('chrome-translator');
      expect(fake.summarizerCreates).toEqual([]);
      if (summarizer) expect(fake.summarizerModel?.availability).toBe(summarizer);
    }
  });

  it('keeps the translation when the Summarizer fails', async () => {
    const fake = new FakeChromeAi({ summarizer: 'available' });
    fake.summary = () => {
      throw new DOMException('The model crashed', 'OperationError');
    };
    const { result } = await run(fake);
    expect(result.sections.map((s) => s.label)).toEqual([CHROME_AI_LABELS.abstract]);
    expect(fake.live).toBe(0);
  });

  it('keyPoints reads plain-text key points: markers removed, blank lines skipped, at most 8', () => {
    expect(keyPoints('* One.\n- Two.\n\n• Three.\n1. Four.\n2) Five.\nSix.')).toEqual([
      'One.',
      'Two.',
      'Three.',
      'Four.',
      'Five.',
      'Six.',
    ]);
    expect(keyPoints(Array.from({ length: 20 }, (_, i) => `* P${i}`).join('\n'))).toHaveLength(8);
  });
});

describe('chrome-ai provider: when it cannot run', () => {
  it('no Translator at all → unavailable', async () => {
    const e = await failure(createChromeAiProvider({}).generate(input));
    expect(e.code).toBe('unavailable');
  });

  it('Translator unavailable on this device → unavailable', async () => {
    const fake = new FakeChromeAi({ translator: 'unavailable' });
    expect((await failure(run(fake))).code).toBe('unavailable');
    expect(fake.translatorCreates).toEqual([]);
  });

  it('model downloadable or downloading → needsDownload, and generation never starts a download', async () => {
    for (const translator of ['downloadable', 'downloading'] as const) {
      // Even with a user activation: downloading is the options page's click, never a side effect of generating.
      const fake = new FakeChromeAi({ translator, userActivation: true });
      expect((await failure(run(fake))).code).toBe('needsDownload');
      expect(fake.translatorCreates).toEqual([]);
      expect(fake.translatorModel.availability).toBe(translator);
    }
  });

  it('Chrome refusing create() for want of a user activation → needsDownload', async () => {
    const fake = new FakeChromeAi();
    const api = fake.api;
    api.Translator.create = async () => {
      throw new DOMException('Requires a user gesture', 'NotAllowedError');
    };
    expect((await failure(createChromeAiProvider(api).generate(input))).code).toBe('needsDownload');
  });

  it('any other Chrome error → unavailable with its words, and the models are destroyed', async () => {
    const fake = new FakeChromeAi({ summarizer: null });
    fake.translation = (t) => {
      if (t === input.abstract) throw new DOMException('Other generic failures occurred.', 'UnknownError');
      return ko(t);
    };
    const e = await failure(run(fake));
    expect(e.code).toBe('unavailable');
    expect(e.detail.message).toContain('UnknownError');
    expect(fake.live).toBe(0);
  });
});

describe('chrome-ai provider: cancel', () => {
  it('an abort while the abstract streams → cancelled, no more partials, every model destroyed', async () => {
    const fake = new FakeChromeAi({ summarizer: 'available' });
    const held = heldPace();
    fake.pace = held.pace;
    const ac = new AbortController();
    const partials: Partial[] = [];
    const p = createChromeAiProvider(fake.api).generate(input, {
      signal: ac.signal,
      onPartial: (x) => partials.push(x),
    });
    // Let the title and three chunks of the abstract through, then cancel.
    while (partials.filter((x) => x.sections.length > 0).length < 3) {
      held.release();
      await new Promise((r) => setTimeout(r, 0));
    }
    const seen = partials.length;
    ac.abort();
    expect((await failure(p)).code).toBe('cancelled');
    held.open();
    await new Promise((r) => setTimeout(r, 0));
    expect(partials.length).toBe(seen);
    expect(fake.live).toBe(0);
    expect(fake.summarizerCreates).toEqual([]);
  });

  it('an abort while the Summarizer works → cancelled (not a result without summary)', async () => {
    const fake = new FakeChromeAi({ summarizer: 'available' });
    const ac = new AbortController();
    fake.summary = () => {
      ac.abort();
      return '* x';
    };
    expect((await failure(run(fake, ac.signal))).code).toBe('cancelled');
    expect(fake.live).toBe(0);
  });

  it('an already aborted signal → cancelled before anything is created', async () => {
    const fake = new FakeChromeAi();
    const ac = new AbortController();
    ac.abort();
    expect((await failure(run(fake, ac.signal))).code).toBe('cancelled');
    expect(fake.translatorCreates).toEqual([]);
  });
});

describe('chrome-ai provider: test()', () => {
  it('translates one word when available, and says why not otherwise', async () => {
    expect(await createChromeAiProvider(new FakeChromeAi().api).test()).toEqual({ model: 'chrome-translator' });
    const down = createChromeAiProvider(new FakeChromeAi({ translator: 'downloadable' }).api);
    expect((await failure(down.test())).code).toBe('needsDownload');
    expect((await failure(createChromeAiProvider({}).test())).code).toBe('unavailable');
  });
});
