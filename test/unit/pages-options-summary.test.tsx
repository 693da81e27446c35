// @vitest-environment happy-dom
/**
 * The options page's "Korean summaries" section as a user meets it: choosing a provider, the endpoint's host
 * permission asked inside the click, the key that never comes back (only its hint), the test in plain words, what is
 * sent and where, auto-summarize, the token usage and "remove all", and Chrome's on-device model (offered only where
 * `Translator` exists, its availability, the download a click starts, with progress).
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import axe from 'axe-core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { keyHint } from '../../lib/db/provider-key';
import type { UsageTotals } from '../../lib/db/summaries';
import type { GenErrorCode } from '../../lib/gen/types';
import type { Res } from '../../lib/messages';
import { OptionsApp } from '../../lib/pages/options/app';
import { send } from '../../lib/send';
import { FakeChromeAi, type FakeChromeAiOptions, heldPace } from '../support/fake-chrome-ai';
import { applyLanguage } from '../support/language';
import { answerWith, privileged, resetPrivileged, sentTypes, syncedHandlers, syncStatus } from './pages-fixtures';

vi.mock('../../lib/send', () => ({ send: vi.fn() }));

/** What happened, in order: `permission <origins>` and each message type sent. */
let log: string[];
let request: ReturnType<typeof vi.fn>;
/** The key as the background stores it (never sent back to the page). */
let storedKey: string | null;
let usage: UsageTotals;
let testAnswer: Res<'testProvider'>;

function grant(answer: boolean | Error) {
  request = vi.fn(async ({ origins }: { origins: string[] }) => {
    log.push(`permission ${origins.join(' ')}`);
    if (answer instanceof Error) throw answer;
    return answer;
  });
  vi.spyOn(browser.permissions, 'request').mockImplementation(request as never);
}

function installChromeAi(options: FakeChromeAiOptions): FakeChromeAi {
  const fake = new FakeChromeAi(options);
  Object.assign(globalThis, fake.api);
  return fake;
}

beforeEach(() => {
  fakeBrowser.reset();
  resetPrivileged();
  applyLanguage('en');
  vi.mocked(send).mockReset();
  log = [];
  storedKey = null;
  usage = { summaries: 3, inputTokens: 1_200, outputTokens: 345 };
  testAnswer = { ok: true, model: 'gpt-4o-mini' };
  grant(true);
});

afterEach(() => {
  cleanup();
  applyLanguage('auto');
  vi.restoreAllMocks();
  const g = globalThis as { Translator?: unknown; Summarizer?: unknown };
  delete g.Translator;
  delete g.Summarizer;
});

async function start(over: { setSettings?: (patch: Record<string, unknown>) => void } = {}) {
  const base = syncedHandlers();
  const mock = answerWith(send, {
    ...base,
    getSettings: () => ({ settings: privileged.current, apiKeyHint: keyHint(storedKey) }),
    setSettings: (req) => {
      over.setSettings?.(req.patch);
      return (base.setSettings as NonNullable<typeof base.setSettings>)(req);
    },
    setProviderKey: ({ key }) => {
      storedKey = key === '' ? null : key;
      return { apiKeyHint: keyHint(storedKey) };
    },
    testProvider: () => testAnswer,
    listSummaries: () => ({ summaries: [], usage }),
    // What the background's "clear all data" leaves: here, no settings record and no key.
    clearData: () => {
      resetPrivileged();
      storedKey = null;
      usage = { summaries: 0, inputTokens: 0, outputTokens: 0 };
      return { status: syncStatus({ paperCount: 0, digestCount: 0, lastSuccess: null, newestDate: null }) };
    },
    deleteSummaries: () => {
      const deleted = usage.summaries;
      usage = { summaries: 0, inputTokens: 0, outputTokens: 0 };
      return { deleted };
    },
  });
  const answer = mock.getMockImplementation();
  mock.mockImplementation(async (type: string, payload: unknown) => {
    log.push(type);
    return answer?.(type, payload);
  });
  render(<OptionsApp />);
  return (await screen.findByTestId('summary-provider')) as HTMLSelectElement;
}

const byId = (id: string) => screen.getByTestId(id) as HTMLInputElement;
const text = (id: string) => screen.getByTestId(id).textContent ?? '';
const optionValues = (select: HTMLSelectElement) => [...select.options].map((o) => o.value);

function fill(values: { provider?: string; baseUrl?: string; key?: string; model?: string }) {
  if (values.provider) fireEvent.change(screen.getByTestId('summary-provider'), { target: { value: values.provider } });
  if (values.baseUrl !== undefined) fireEvent.input(byId('provider-base-url'), { target: { value: values.baseUrl } });
  if (values.key !== undefined) fireEvent.input(byId('provider-api-key'), { target: { value: values.key } });
  if (values.model !== undefined) fireEvent.input(byId('provider-model'), { target: { value: values.model } });
}

async function message(id: string): Promise<string> {
  await waitFor(() => expect(text(id)).not.toBe(''));
  return text(id);
}

const SECRET = 'sk-proj-SECRETvalue0123456789wxyz';

describe('summary provider: saving', () => {
  it('offers none, openai and anthropic (none chosen) where the browser has no Translator', async () => {
    const select = await start();
    expect(optionValues(select)).toEqual(['none', 'openai', 'anthropic']);
    expect(select.value).toBe('none');
    expect(text('summary-privacy')).toBe('Nothing is sent anywhere.');
    expect(screen.queryByTestId('provider-base-url')).toBeNull();
  });

  it('asks for the endpoint origin inside the click, before any other await, then saves the settings and the key', async () => {
    await start();
    fill({ provider: 'openai', key: SECRET });
    const before = log.length;
    fireEvent.click(screen.getByTestId('save-provider'));
    // Synchronously in the click: the browser still sees the user gesture.
    expect(log.slice(before)).toEqual(['permission https://api.openai.com/*']);
    expect(request).toHaveBeenCalledWith({ origins: ['https://api.openai.com/*'] });
    expect(await message('provider-message')).toBe('Saved. Summaries are written by api.openai.com when you ask.');
    const steps = log.slice(before).filter((e) => e.startsWith('permission') || e.startsWith('set'));
    expect(steps).toEqual(['permission https://api.openai.com/*', 'setSettings', 'setProviderKey']);
    expect(privileged.current).toMatchObject({ summaryProvider: 'openai', providerBaseUrl: '', providerModel: '' });
    expect(storedKey).toBe(SECRET);
  });

  it('a refused permission saves nothing (no setSettings, no key) and says so', async () => {
    grant(false);
    await start();
    fill({ provider: 'anthropic', key: SECRET, model: 'claude-sonnet-4-5' });
    fireEvent.click(screen.getByTestId('save-provider'));
    expect(await message('provider-message')).toBe(
      'Access to https://api.anthropic.com was not granted, so nothing was saved.',
    );
    expect(screen.getByTestId('provider-message').className).toBe('error');
    expect(sentTypes(send)).not.toContain('setSettings');
    expect(sentTypes(send)).not.toContain('setProviderKey');
    expect(privileged.current.summaryProvider).toBe('none');
    expect(storedKey).toBeNull();
  });

  it('a failing permission request is reported and nothing is saved', async () => {
    grant(new Error('permissions.request may only be called from a user input handler'));
    await start();
    fill({ provider: 'openai' });
    fireEvent.click(screen.getByTestId('save-provider'));
    expect(await message('provider-message')).toContain('Could not ask for access to https://api.openai.com');
    expect(sentTypes(send)).not.toContain('setSettings');
  });

  it('after saving, the key is nowhere in the page: the field is empty and shows only the masked hint', async () => {
    await start();
    fill({ provider: 'openai', key: SECRET });
    fireEvent.click(screen.getByTestId('save-provider'));
    await message('provider-message');
    const key = byId('provider-api-key');
    expect(key.type).toBe('password');
    expect(key.value).toBe('');
    expect(key.placeholder).toBe('••••wxyz');
    expect(text('provider-key-help')).toContain('A key is stored (••••wxyz)');
    expect(document.body.innerHTML).not.toContain('SECRET');
    expect(document.body.textContent).not.toContain('SECRET');
  });

  it('an empty key field keeps the stored key; "forget the key" removes it', async () => {
    storedKey = SECRET;
    privileged.current = { ...privileged.current, summaryProvider: 'openai' };
    await start();
    expect(byId('provider-api-key').placeholder).toBe('••••wxyz');
    fill({ model: 'gpt-4.1-mini' });
    fireEvent.click(screen.getByTestId('save-provider'));
    await message('provider-message');
    expect(sentTypes(send)).not.toContain('setProviderKey');
    expect(storedKey).toBe(SECRET);
    expect(privileged.current.providerModel).toBe('gpt-4.1-mini');
    fireEvent.click(screen.getByTestId('forget-provider-key'));
    await waitFor(() => expect(text('provider-message')).toBe('The key was forgotten.'));
    expect(storedKey).toBeNull();
    expect(byId('provider-api-key').placeholder).toBe('');
    expect(screen.queryByTestId('forget-provider-key')).toBeNull();
  });

  it('a stored key is never carried to another host: a new endpoint origin without a new key forgets it', async () => {
    storedKey = SECRET;
    privileged.current = { ...privileged.current, summaryProvider: 'openai' };
    await start();
    fill({ baseUrl: 'https://openrouter.ai/api/v1' });
    fireEvent.click(screen.getByTestId('save-provider'));
    expect(await message('provider-message')).toBe(
      "Saved. Summaries are written by openrouter.ai when you ask. The stored key was for https://api.openai.com, so it was forgotten; enter this endpoint's key if it needs one.",
    );
    expect(storedKey).toBeNull();
    expect(byId('provider-api-key').placeholder).toBe('');
    // With a new key typed, that key is stored for the new host.
    fill({ baseUrl: 'https://api.deepseek.com/v1', key: 'sk-deepseek-000000001' });
    fireEvent.click(screen.getByTestId('save-provider'));
    await waitFor(() => expect(storedKey).toBe('sk-deepseek-000000001'));
  });

  it('a local Ollama: http on localhost is allowed, its origin (with port) is asked for, the hint is shown', async () => {
    await start();
    fill({ provider: 'openai' });
    const help = document.getElementById(byId('provider-base-url').getAttribute('aria-describedby') ?? '');
    expect(help?.textContent).toContain('For a local Ollama: base URL http://localhost:11434/v1, no key');
    expect([...(help?.querySelectorAll('code') ?? [])].map((c) => c.textContent)).toEqual([
      'http://localhost:11434/v1',
      'OLLAMA_ORIGINS=chrome-extension://*,moz-extension://*',
    ]);
    fill({ baseUrl: 'http://localhost:11434/v1/', model: 'qwen2.5:7b' });
    expect(text('summary-privacy')).toContain('are sent to localhost:11434');
    fireEvent.click(screen.getByTestId('save-provider'));
    expect(request).toHaveBeenCalledWith({ origins: ['http://localhost:11434/*'] });
    expect(await message('provider-message')).toBe('Saved. Summaries are written by localhost:11434 when you ask.');
    expect(privileged.current).toMatchObject({
      summaryProvider: 'openai',
      providerBaseUrl: 'http://localhost:11434/v1',
      providerModel: 'qwen2.5:7b',
    });
  });

  it.each([
    ['http://models.example.com/v1', 'plain http is only allowed'],
    ['https://user:pw@models.example.com/v1', 'must not contain a user name or password'],
    ['http://169.254.169.254/v1', 'link-local and cloud metadata addresses'],
  ])('refuses the base URL %j without asking for a permission or saving', async (url, reason) => {
    await start();
    fill({ provider: 'openai', baseUrl: url, key: SECRET });
    fireEvent.click(screen.getByTestId('save-provider'));
    const m = await message('provider-message');
    expect(m).toContain('This base URL cannot be used');
    expect(m).toContain(reason);
    expect(request).not.toHaveBeenCalled();
    expect(sentTypes(send)).not.toContain('setSettings');
    expect(storedKey).toBeNull();
  });

  it("shows the background's refusal and sends no key when it does not store the settings", async () => {
    await start({
      setSettings: () => {
        throw new Error('no host permission for https://models.example.com');
      },
    });
    fill({ provider: 'openai', baseUrl: 'https://models.example.com/v1', key: SECRET });
    fireEvent.click(screen.getByTestId('save-provider'));
    expect(await message('provider-message')).toBe('Not saved: no host permission for https://models.example.com');
    expect(sentTypes(send)).not.toContain('setProviderKey');
    expect(byId('provider-api-key').value).toBe(SECRET);
  });

  it('"none" saves without asking for any permission', async () => {
    privileged.current = { ...privileged.current, summaryProvider: 'openai' };
    await start();
    fill({ provider: 'none' });
    fireEvent.click(screen.getByTestId('save-provider'));
    expect(await message('provider-message')).toBe('Saved. No summaries are made and nothing is sent.');
    expect(request).not.toHaveBeenCalled();
    expect(privileged.current.summaryProvider).toBe('none');
  });

  it('says what is sent and where, and where the key is kept', async () => {
    await start();
    fill({ provider: 'anthropic' });
    expect(text('summary-privacy')).toBe(
      "When you ask for a summary, the paper's title and abstract are sent to api.anthropic.com — nothing else about you or what you read. That service may charge for the tokens used.",
    );
    expect(text('provider-key-help')).toContain(
      "kept in the extension's own database, where web pages and content scripts cannot read it; it is sent only to api.anthropic.com and never exported",
    );
    expect(byId('provider-base-url').placeholder).toBe('https://api.anthropic.com/v1');
  });
});

describe('summary provider: test button', () => {
  it.each([
    ['en', { ok: true, model: 'gpt-4o-mini' }, 'It works: gpt-4o-mini answered.', 'ok'],
    [
      'en',
      { ok: false, code: 'badKey' },
      'The test failed: The API key was refused (401). Check the key in the options.',
      'error',
    ],
    ['ko', { ok: true, model: 'gpt-4o-mini' }, '잘 됩니다: gpt-4o-mini 모델이 답했습니다.', 'ok'],
    [
      'ko',
      { ok: false, code: 'unknownModel' },
      '테스트 실패: 엔드포인트가 이 모델을 모릅니다. 옵션에서 모델 이름을 확인하세요.',
      'error',
    ],
    ['ko', { ok: false, code: 'offline' }, '테스트 실패: 오프라인입니다. 연결되면 다시 시도하세요.', 'error'],
  ] as [string, Res<'testProvider'>, string, string][])(
    '(%s) %j is said in plain words',
    async (lang, answer, said, kind) => {
      applyLanguage(lang as 'ko' | 'en');
      privileged.current = { ...privileged.current, summaryProvider: 'openai' };
      testAnswer = answer;
      await start();
      fireEvent.click(screen.getByTestId('test-provider'));
      await waitFor(() => expect(text('provider-test-message')).toBe(said));
      expect(screen.getByTestId('provider-test-message').className).toBe(kind);
      expect(sentTypes(send)).toContain('testProvider');
    },
  );

  it('with no provider saved it says so and sends nothing', async () => {
    await start();
    fireEvent.click(screen.getByTestId('test-provider'));
    await waitFor(() => expect(text('provider-test-message')).toBe('No provider is saved: choose one and save first.'));
    expect(sentTypes(send)).not.toContain('testProvider');
  });

  it('every error code has words in both languages', async () => {
    const codes: GenErrorCode[] = ['forbidden', 'notFound', 'rateLimited', 'server', 'timeout', 'empty', 'malformed'];
    for (const lang of ['en', 'ko'] as const) {
      applyLanguage(lang);
      const { genErrorText } = await import('../../lib/gen/ui-text');
      for (const code of codes) expect(genErrorText(code)).not.toMatch(/^gen_error_/);
    }
  });
});

describe('summary provider: auto-summarize, usage, remove all', () => {
  it('auto-summarize is off by default, cannot be turned on with no provider, and says what it sends where', async () => {
    await start();
    const box = byId('auto-summarize');
    expect(box.checked).toBe(false);
    expect(box.disabled).toBe(true);
    fill({ provider: 'openai' });
    fireEvent.click(screen.getByTestId('save-provider'));
    await message('provider-message');
    expect(box.disabled).toBe(false);
    const help = document.getElementById(box.getAttribute('aria-describedby') ?? '');
    expect(help?.textContent).toBe(
      'Off by default. When on, opening an arXiv paper that has no Korean digest sends its title and abstract to api.openai.com at once, without a click.',
    );
    fireEvent.click(box);
    await waitFor(() => expect(privileged.current.autoSummarize).toBe(true));
    expect(box.checked).toBe(true);
  });

  it('shows the token usage and the number of summaries, and removes all only after a confirmation', async () => {
    await start();
    await waitFor(() =>
      expect(text('summary-usage')).toBe('Korean summaries stored: 3 · tokens used: 1,545 (1,200 in, 345 out)'),
    );
    fireEvent.click(screen.getByTestId('delete-summaries'));
    expect(text('delete-summaries-confirmation')).toContain('Digests are kept');
    expect(document.activeElement).toBe(screen.getByTestId('delete-summaries-confirm'));
    fireEvent.click(screen.getByTestId('delete-summaries-cancel'));
    expect(sentTypes(send)).not.toContain('deleteSummaries');
    fireEvent.click(screen.getByTestId('delete-summaries'));
    fireEvent.click(screen.getByTestId('delete-summaries-confirm'));
    await waitFor(() => expect(text('summaries-message')).toBe('Korean summaries removed: 3.'));
    expect(vi.mocked(send)).toHaveBeenCalledWith('deleteSummaries', { arxivId: null });
    await waitFor(() =>
      expect(text('summary-usage')).toBe('Korean summaries stored: 0 · tokens used: 0 (0 in, 0 out)'),
    );
    expect(byId('delete-summaries').disabled).toBe(true);
  });

  it('after "clear all data" the section shows what the background kept', async () => {
    storedKey = SECRET;
    privileged.current = { ...privileged.current, summaryProvider: 'openai', providerModel: 'gpt-4.1-mini' };
    const select = await start();
    expect(select.value).toBe('openai');
    expect(byId('provider-model').value).toBe('gpt-4.1-mini');
    fireEvent.click(screen.getByTestId('clear-data'));
    fireEvent.click(screen.getByTestId('clear-confirm'));
    await waitFor(() => expect((screen.getByTestId('summary-provider') as HTMLSelectElement).value).toBe('none'));
    await waitFor(() => expect(text('summary-usage')).toContain('Korean summaries stored: 0'));
    expect(screen.queryByTestId('provider-api-key')).toBeNull();
  });

  it('in Korean', async () => {
    applyLanguage('ko');
    await start();
    await waitFor(() =>
      expect(text('summary-usage')).toBe('저장된 한국어 요약: 3개 · 사용한 토큰: 1,545 (입력 1,200, 출력 345)'),
    );
    expect(screen.getByText('다이제스트가 없는 논문의 한국어 요약')).toBeTruthy();
  });
});

describe('summary provider: Chrome on this device', () => {
  it.each([
    ['available', "Chrome's English → Korean translation model is ready on this device.", false],
    ['downloadable', "Chrome's English → Korean translation model must be downloaded once before use.", true],
    ['downloading', 'Chrome is downloading the translation model.', true],
    ['unavailable', 'Chrome cannot translate English to Korean on this device.', false],
  ] as const)('offered where Translator exists; %s is shown', async (availability, said, button) => {
    installChromeAi({ translator: availability, summarizer: null });
    const select = await start();
    await waitFor(() => expect(optionValues(select)).toEqual(['none', 'chrome-ai', 'openai', 'anthropic']));
    fill({ provider: 'chrome-ai' });
    await waitFor(() => expect(text('chrome-ai-status')).toBe(said));
    expect(screen.queryByTestId('chrome-ai-download') !== null).toBe(button);
    expect(text('summary-privacy')).toContain('translated by Chrome on this device and never leave it');
    expect(screen.queryByTestId('provider-api-key')).toBeNull();
  });

  it('saving chrome-ai asks for no permission', async () => {
    installChromeAi({ translator: 'available' });
    const select = await start();
    await waitFor(() => expect(optionValues(select)).toContain('chrome-ai'));
    fill({ provider: 'chrome-ai' });
    fireEvent.click(screen.getByTestId('save-provider'));
    expect(await message('provider-message')).toBe('Saved. Summaries are written by Chrome on this device.');
    expect(request).not.toHaveBeenCalled();
    expect(privileged.current.summaryProvider).toBe('chrome-ai');
  });

  it('the download starts from the click and shows its progress, then the model is ready', async () => {
    const fake = installChromeAi({ translator: 'downloadable', summarizer: null, userActivation: true });
    const held = heldPace();
    fake.pace = held.pace;
    const select = await start();
    await waitFor(() => expect(optionValues(select)).toContain('chrome-ai'));
    fill({ provider: 'chrome-ai' });
    await waitFor(() => expect(screen.getByTestId('chrome-ai-download')).toBeTruthy());
    expect(fake.translatorCreates).toHaveLength(0);
    fireEvent.click(screen.getByTestId('chrome-ai-download'));
    await waitFor(() => expect(fake.translatorCreates).toHaveLength(1));
    expect(byId('chrome-ai-download').disabled).toBe(true);
    const bar = () => screen.getByTestId('chrome-ai-progress').querySelector('progress') as HTMLProgressElement;
    for (const [i, shown] of ['0%', '25%', '50%', '100%'].entries()) {
      await waitFor(() => expect(held.waiting()).toBe(1));
      held.release();
      await waitFor(() => expect(text('chrome-ai-progress')).toBe(`Translation model: ${shown}`));
      expect(bar().value).toBe(fake.downloadSteps[i]);
    }
    held.open();
    await waitFor(() => expect(text('chrome-ai-message')).toBe('The model is downloaded and ready.'));
    expect(screen.queryByTestId('chrome-ai-progress')).toBeNull();
    expect(text('chrome-ai-status')).toBe("Chrome's English → Korean translation model is ready on this device.");
    expect(fake.live).toBe(0);
  });

  it('also downloads the summarizer when asked, with its own progress', async () => {
    const fake = installChromeAi({ translator: 'available', summarizer: 'downloadable', userActivation: true });
    const held = heldPace();
    fake.pace = held.pace;
    const select = await start();
    await waitFor(() => expect(optionValues(select)).toContain('chrome-ai'));
    fill({ provider: 'chrome-ai' });
    await waitFor(() => expect(screen.getByTestId('chrome-ai-summarizer')).toBeTruthy());
    expect(byId('chrome-ai-download').disabled).toBe(true);
    fireEvent.click(byId('chrome-ai-summarizer'));
    fireEvent.click(byId('chrome-ai-download'));
    await waitFor(() => expect(fake.summarizerCreates).toHaveLength(1));
    await waitFor(() => expect(text('chrome-ai-progress')).toContain('Summarizer model: 0%'));
    held.open();
    await waitFor(() => expect(text('chrome-ai-message')).toBe('The model is downloaded and ready.'));
    await waitFor(() =>
      expect(
        screen.getByText("Chrome's summarizer is ready too: each summary also gets a few key points."),
      ).toBeTruthy(),
    );
  });

  it('a download Chrome refuses without a fresh click says to press again', async () => {
    installChromeAi({ translator: 'downloadable', summarizer: null, userActivation: false });
    const select = await start();
    await waitFor(() => expect(optionValues(select)).toContain('chrome-ai'));
    fill({ provider: 'chrome-ai' });
    await waitFor(() => expect(screen.getByTestId('chrome-ai-download')).toBeTruthy());
    fireEvent.click(screen.getByTestId('chrome-ai-download'));
    await waitFor(() =>
      expect(text('chrome-ai-message')).toBe(
        'The download did not finish: Chrome allowed no download without a fresh click; press the button again.',
      ),
    );
    expect(text('chrome-ai-status')).toContain('must be downloaded once');
  });
});

describe('summary provider: accessibility', () => {
  const rules = { rules: { 'color-contrast': { enabled: false } } };
  const violations = async () =>
    (await axe.run(document.body, rules)).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`);

  it('has no axe violations (endpoint fields, Chrome download with progress, remove-all confirmation)', async () => {
    const fake = installChromeAi({ translator: 'downloadable', summarizer: 'downloadable', userActivation: true });
    const held = heldPace();
    fake.pace = held.pace;
    storedKey = SECRET;
    const select = await start();
    await waitFor(() => expect(screen.getByTestId('summary-usage')).toBeTruthy());
    expect(await violations()).toEqual([]);
    fill({ provider: 'openai' });
    expect(await violations()).toEqual([]);
    await waitFor(() => expect(optionValues(select)).toContain('chrome-ai'));
    fill({ provider: 'chrome-ai' });
    await waitFor(() => expect(screen.getByTestId('chrome-ai-summarizer')).toBeTruthy());
    fireEvent.click(byId('chrome-ai-summarizer'));
    fireEvent.click(byId('chrome-ai-download'));
    // Both models download at once: each waits on its own step.
    await waitFor(() => expect(held.waiting()).toBe(2));
    held.release();
    await waitFor(() => expect(screen.getByTestId('chrome-ai-progress')).toBeTruthy());
    fireEvent.click(screen.getByTestId('delete-summaries'));
    expect(await violations()).toEqual([]);
    held.open();
    await waitFor(() => expect(text('chrome-ai-message')).not.toBe(''));
  });
});
