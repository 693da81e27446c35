/**
 * The options page's Korean-summaries section in real Chromium, against the loopback model endpoint: an
 * OpenAI-compatible endpoint on http://127.0.0.1:<port>/v1 (plain http allowed for loopback) is saved with its key,
 * the key never shows again (only its hint, also after a reload) and stays out of the export, and "test" says the
 * outcome in plain words. The build has the endpoint's origin granted, as after the user accepted the prompt
 * (headless Chromium cannot).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ModelServer, SAMPLE_MODEL, startModelServer } from '../support/model-server';
import { runAxe } from './support/axe';
import { extensionUrl, type Launched, launchWithExtension } from './support/launch';
import { ask } from './support/messages';

const KEY = 'sk-browser-SECRET-key-0001';

describe('options: Korean summaries', () => {
  let server: ModelServer;
  let l: Launched;
  beforeAll(async () => {
    server = await startModelServer();
    l = await launchWithExtension({ grantHosts: [`${server.origin}/*`], allowOrigins: [server.origin] });
  });
  afterAll(async () => {
    await l?.close();
    await server?.close();
  });

  it('saves an endpoint and its key, shows only the hint, and tests it in plain words', async () => {
    const page = await l.context.newPage();
    await page.goto(extensionUrl(l, 'options.html'));
    const select = page.getByTestId('summary-provider');
    await select.waitFor();
    // Chrome's on-device option only where this browser has a Translator.
    const hasTranslator = await page.evaluate(() => 'Translator' in globalThis);
    const values = await select.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(values).toEqual(
      hasTranslator ? ['none', 'chrome-ai', 'openai', 'anthropic'] : ['none', 'openai', 'anthropic'],
    );

    await select.selectOption('openai');
    await page.getByTestId('provider-base-url').fill(server.openaiBaseUrl);
    await page.getByTestId('provider-api-key').fill(KEY);
    await page.getByTestId('provider-model').fill(SAMPLE_MODEL);
    await page.getByTestId('save-provider').click();
    const message = page.getByTestId('provider-message');
    // The line is there (empty) before the answer: wait for its words.
    await expect.poll(() => message.textContent(), { timeout: 30_000 }).toContain(new URL(server.origin).host);
    expect(await message.getAttribute('class')).toBe('ok');
    expect(await page.getByTestId('provider-api-key').inputValue()).toBe('');
    expect(await page.getByTestId('provider-api-key').getAttribute('placeholder')).toBe('••••0001');
    expect(await page.content()).not.toContain('SECRET');

    const { settings } = await ask(page, 'getSettings', {});
    expect(settings).toMatchObject({ summaryProvider: 'openai', providerBaseUrl: server.openaiBaseUrl });
    expect(JSON.stringify(await ask(page, 'exportData', {}))).not.toContain('SECRET');

    await page.getByTestId('test-provider').click();
    const outcome = page.getByTestId('provider-test-message');
    await expect.poll(() => outcome.textContent(), { timeout: 60_000 }).toContain(SAMPLE_MODEL);
    expect(await outcome.getAttribute('class')).toBe('ok');
    expect(server.requests.at(-1)?.headers.authorization).toBe(`Bearer ${KEY}`);

    server.enqueue({ kind: 'status', status: 401 });
    await page.getByTestId('test-provider').click();
    await expect.poll(() => outcome.textContent(), { timeout: 60_000 }).toMatch(/401/);
    expect(await outcome.getAttribute('class')).toBe('error');

    expect((await runAxe(page)).violations).toEqual([]);

    await page.reload();
    await expect.poll(() => page.getByTestId('summary-provider').inputValue()).toBe('openai');
    expect(await page.getByTestId('provider-base-url').inputValue()).toBe(server.openaiBaseUrl);
    expect(await page.getByTestId('provider-api-key').getAttribute('placeholder')).toBe('••••0001');
    expect(await page.content()).not.toContain('SECRET');
    await page.close();
  });

  it('refuses plain http to a host on the internet, asking nothing and saving nothing', async () => {
    const page = await l.context.newPage();
    await page.goto(extensionUrl(l, 'options.html'));
    const before = (await ask(page, 'getSettings', {})).settings;
    await page.getByTestId('summary-provider').selectOption('anthropic');
    await page.getByTestId('provider-base-url').fill('http://models.example.com/v1');
    await page.getByTestId('save-provider').click();
    const message = page.getByTestId('provider-message');
    await expect.poll(() => message.textContent()).toMatch(/http/);
    expect(await message.getAttribute('class')).toBe('error');
    expect((await ask(page, 'getSettings', {})).settings).toEqual(before);
    await page.close();
  });
});
