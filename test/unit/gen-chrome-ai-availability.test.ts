import { describe, expect, it } from 'vitest';
import type { ChromeAiApi } from '../../lib/gen/chrome-ai/api';
import { chromeAiStatus, downloadModel, summarizerStatus } from '../../lib/gen/chrome-ai/availability';
import { GenError } from '../../lib/gen/types';
import { FakeChromeAi, heldPace } from '../support/fake-chrome-ai';

async function failure(p: Promise<unknown>): Promise<GenError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(GenError);
  return e as GenError;
}

describe('chromeAiStatus', () => {
  it('is absent where there is no Translator (Firefox, workers)', async () => {
    expect(await chromeAiStatus({})).toBe('absent');
    expect(await summarizerStatus({})).toBe('absent');
  });

  it("is Chrome's availability for English → Korean", async () => {
    for (const a of ['available', 'downloadable', 'downloading', 'unavailable'] as const) {
      const fake = new FakeChromeAi({ translator: a, summarizer: a });
      expect(await chromeAiStatus(fake.api)).toBe(a);
      expect(await summarizerStatus(fake.api)).toBe(a);
      expect(fake.translatorAvailabilityAsks).toEqual([{ sourceLanguage: 'en', targetLanguage: 'ko' }]);
    }
  });

  it('is unavailable when Chrome throws or answers something unknown', async () => {
    const throwing: ChromeAiApi = {
      Translator: {
        availability: async () => {
          throw new DOMException('Access denied by permissions policy', 'NotAllowedError');
        },
        create: async () => {
          throw new Error('not reached');
        },
      },
    };
    expect(await chromeAiStatus(throwing)).toBe('unavailable');
    const odd = new FakeChromeAi().api;
    odd.Translator.availability = async () => 'readily' as Availability;
    expect(await chromeAiStatus(odd)).toBe('unavailable');
  });
});

describe('downloadModel (from a click in the options page)', () => {
  it('downloads the Translator, reporting progress, and ends available', async () => {
    const fake = new FakeChromeAi({ translator: 'downloadable', summarizer: null, userActivation: true });
    const progress: [number, string][] = [];
    expect(await downloadModel(fake.api, (f, m) => progress.push([f, m]))).toBe('available');
    expect(progress).toEqual([
      [0, 'translator'],
      [0.25, 'translator'],
      [0.5, 'translator'],
      [1, 'translator'],
    ]);
    expect(fake.translatorCreates[0]).toMatchObject({ sourceLanguage: 'en', targetLanguage: 'ko' });
    expect(fake.live).toBe(0);
  });

  it('shows "downloading" while it runs', async () => {
    const fake = new FakeChromeAi({ translator: 'downloadable', userActivation: true });
    const held = heldPace();
    fake.pace = held.pace;
    const done = downloadModel(fake.api, () => undefined);
    await new Promise((r) => setTimeout(r, 0));
    held.release();
    await new Promise((r) => setTimeout(r, 0));
    expect(await chromeAiStatus(fake.api)).toBe('downloading');
    held.open();
    expect(await done).toBe('available');
  });

  it('without a user activation Chrome refuses → needsDownload, nothing downloaded', async () => {
    const fake = new FakeChromeAi({ translator: 'downloadable', userActivation: false });
    const progress: number[] = [];
    expect((await failure(downloadModel(fake.api, (f) => progress.push(f)))).code).toBe('needsDownload');
    expect(progress).toEqual([]);
    expect(await chromeAiStatus(fake.api)).toBe('downloadable');
  });

  it('no Translator, or a device that cannot run it → unavailable', async () => {
    expect((await failure(downloadModel({}, () => undefined))).code).toBe('unavailable');
    const fake = new FakeChromeAi({ translator: 'unavailable' });
    expect((await failure(downloadModel(fake.api, () => undefined))).code).toBe('unavailable');
    expect(fake.translatorCreates).toEqual([]);
  });

  it('an already available model is simply confirmed', async () => {
    const fake = new FakeChromeAi();
    expect(await downloadModel(fake.api, () => undefined)).toBe('available');
  });

  it('downloads the Summarizer too only when asked, both started within the click', async () => {
    const fake = new FakeChromeAi({ translator: 'downloadable', summarizer: 'downloadable', userActivation: true });
    const held = heldPace();
    fake.pace = held.pace;
    const models = new Set<string>();
    const done = downloadModel(fake.api, (_f, m) => models.add(m), { summarizer: true });
    await new Promise((r) => setTimeout(r, 0));
    // Both create() calls happened before any download step went through (the click's activation is short-lived).
    expect(fake.translatorCreates).toHaveLength(1);
    expect(fake.summarizerCreates).toHaveLength(1);
    expect(fake.summarizerCreates[0]).toMatchObject({ type: 'key-points', length: 'short' });
    held.open();
    expect(await done).toBe('available');
    expect([...models].sort()).toEqual(['summarizer', 'translator']);
    expect(await summarizerStatus(fake.api)).toBe('available');
    expect(fake.live).toBe(0);

    const notAsked = new FakeChromeAi({ translator: 'downloadable', summarizer: 'downloadable', userActivation: true });
    await downloadModel(notAsked.api, () => undefined);
    expect(notAsked.summarizerCreates).toEqual([]);
  });

  it('a failing Summarizer download does not fail the Translator download', async () => {
    const fake = new FakeChromeAi({ translator: 'downloadable', summarizer: 'downloadable', userActivation: true });
    const api = fake.api;
    if (!api.Summarizer) throw new Error('fake has a Summarizer');
    api.Summarizer.create = async () => {
      throw new DOMException('Not enough disk space', 'OperationError');
    };
    expect(await downloadModel(api, () => undefined, { summarizer: true })).toBe('available');
  });

  it('an abort → cancelled', async () => {
    const fake = new FakeChromeAi({ translator: 'downloadable', userActivation: true });
    const held = heldPace();
    fake.pace = held.pace;
    const ac = new AbortController();
    const done = downloadModel(fake.api, () => undefined, { signal: ac.signal });
    await new Promise((r) => setTimeout(r, 0));
    ac.abort();
    expect((await failure(done)).code).toBe('cancelled');
  });
});
