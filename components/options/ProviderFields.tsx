/**
 * Options, Korean summaries: who writes them (nobody, Chrome on this device, an OpenAI-compatible endpoint,
 * Anthropic), the endpoint's base URL, key and model, what is sent and where, save, test and "forget the key".
 */
import { useId, useState } from 'preact/hooks';
import { ENDPOINT_DEFAULTS, isEndpointProvider } from '../../lib/gen/endpoint';
import { t } from '../../lib/i18n';
import { useAction } from '../../lib/pages/options/use-action';
import {
  endpointHost,
  type ProviderSettings,
  type SummaryController,
} from '../../lib/pages/options/use-summary-provider';
import type { SummaryProvider } from '../../lib/setting-defaults';
import { ChromeAiPanel } from './ChromeAiPanel';
import { FeedbackLine } from './FeedbackLine';

/** Where a message puts its code samples: `$1`, `$2` are filled with these marks, then rendered as `<code>`. */
const CODE_MARKS = ['\uE001', '\uE002'];
const OLLAMA_URL = 'http://localhost:11434/v1';
const OLLAMA_ORIGINS = 'OLLAMA_ORIGINS=chrome-extension://*,moz-extension://*';

function WithCode({ text, codes }: { text: string; codes: string[] }) {
  const parts = text.split(/([\uE001\uE002])/);
  return <>{parts.map((p) => (CODE_MARKS.includes(p) ? <code>{codes[CODE_MARKS.indexOf(p)]}</code> : p))}</>;
}

/** What a provider sends, and where, in plain words. */
function privacyText(provider: SummaryProvider, host: string | null): string {
  if (provider === 'chrome-ai') return t('options_summaryPrivacyChromeAi');
  if (host) return t('options_summaryPrivacyEndpoint', host);
  return t('options_summaryPrivacyNone');
}

export function ProviderFields({ summary, saved }: { summary: SummaryController; saved: ProviderSettings }) {
  const id = useId();
  const [provider, setProvider] = useState<SummaryProvider>(saved.summaryProvider);
  const [baseUrl, setBaseUrl] = useState(saved.providerBaseUrl);
  const [model, setModel] = useState(saved.providerModel);
  const [key, setKey] = useState('');
  // The save/forget line and the test line; the buttons wait while either runs.
  const main = useAction();
  const probe = useAction();
  const busy = main.busy || probe.busy;
  const endpoint = isEndpointProvider(provider) ? ENDPOINT_DEFAULTS[provider] : null;
  const chromeAiOffered =
    (summary.chromeAi !== null && summary.chromeAi !== 'absent') || saved.summaryProvider === 'chrome-ai';

  const choose = (p: SummaryProvider) => {
    setProvider(p);
    // Another provider starts from its defaults; back to the saved one, its saved values.
    const same = p === saved.summaryProvider;
    setBaseUrl(same ? saved.providerBaseUrl : '');
    setModel(same ? saved.providerModel : '');
    main.setFeedback(null);
  };

  const submit = (e: Event) => {
    e.preventDefault();
    probe.setFeedback(null);
    // save asks for the endpoint's host permission first thing, still inside this user gesture.
    void main.run(async () => {
      const r = await summary.save({ provider, baseUrl, model, key });
      if (r.kind === 'ok') setKey('');
      return r;
    });
  };

  const test = () => void probe.run(summary.test, { kind: 'ok', text: t('options_summaryTesting') });

  const forget = () => void main.run(summary.forgetKey);

  const host = endpointHost(provider, baseUrl);
  return (
    <form onSubmit={submit} noValidate>
      <div class="field">
        <label for={`${id}-provider`}>{t('options_summaryProviderLabel')}</label>
        <select
          id={`${id}-provider`}
          data-testid="summary-provider"
          value={provider}
          aria-describedby={`${id}-privacy`}
          onChange={(e) => choose(e.currentTarget.value as SummaryProvider)}
        >
          <option value="none">{t('options_summaryProviderNone')}</option>
          {chromeAiOffered && <option value="chrome-ai">{t('options_summaryProviderChromeAi')}</option>}
          <option value="openai">{t('options_summaryProviderOpenai')}</option>
          <option value="anthropic">{t('options_summaryProviderAnthropic')}</option>
        </select>
        <p id={`${id}-privacy`} class="help" data-testid="summary-privacy">
          {privacyText(provider, host)}
        </p>
      </div>
      {provider === 'chrome-ai' && (
        <ChromeAiPanel
          status={summary.chromeAi}
          summarizer={summary.summarizer}
          progress={summary.progress}
          download={summary.download}
        />
      )}
      {endpoint && (
        <>
          <div class="field">
            <label for={`${id}-url`}>{t('options_summaryBaseUrlLabel')}</label>
            <input
              id={`${id}-url`}
              type="url"
              data-testid="provider-base-url"
              value={baseUrl}
              placeholder={endpoint.baseUrl}
              onInput={(e) => setBaseUrl(e.currentTarget.value)}
              aria-describedby={`${id}-url-help`}
              spellcheck={false}
              autocomplete="off"
            />
            <p id={`${id}-url-help`} class="help">
              {t('options_summaryBaseUrlHelp', endpoint.baseUrl)}
              {provider === 'openai' && (
                <>
                  {' '}
                  <WithCode text={t('options_summaryOllama', ...CODE_MARKS)} codes={[OLLAMA_URL, OLLAMA_ORIGINS]} />
                </>
              )}
            </p>
          </div>
          <div class="field">
            <label for={`${id}-key`}>{t('options_summaryKeyLabel')}</label>
            <input
              id={`${id}-key`}
              type="password"
              data-testid="provider-api-key"
              value={key}
              placeholder={summary.apiKeyHint ?? ''}
              onInput={(e) => setKey(e.currentTarget.value)}
              aria-describedby={`${id}-key-help`}
              spellcheck={false}
              autocomplete="off"
            />
            <p id={`${id}-key-help`} class="help" data-testid="provider-key-help">
              {summary.apiKeyHint ? t('options_summaryKeyStored', summary.apiKeyHint) : t('options_summaryKeyNone')}{' '}
              {t('options_summaryKeyPrivacy', host ?? '')}
            </p>
            {summary.apiKeyHint && (
              <div class="row">
                <button type="button" data-testid="forget-provider-key" disabled={busy} onClick={forget}>
                  {t('options_summaryKeyForget')}
                </button>
              </div>
            )}
          </div>
          <div class="field">
            <label for={`${id}-model`}>{t('options_summaryModelLabel')}</label>
            <input
              id={`${id}-model`}
              type="text"
              data-testid="provider-model"
              value={model}
              placeholder={endpoint.model}
              onInput={(e) => setModel(e.currentTarget.value)}
              aria-describedby={`${id}-model-help`}
              spellcheck={false}
              autocomplete="off"
            />
            <p id={`${id}-model-help`} class="help">
              {t('options_summaryModelHelp', endpoint.model)}
            </p>
          </div>
        </>
      )}
      <div class="row">
        <button type="submit" class="primary" data-testid="save-provider" disabled={busy}>
          {t('options_summarySave')}
        </button>
        <button
          type="button"
          data-testid="test-provider"
          disabled={busy}
          aria-describedby={`${id}-test-help`}
          onClick={test}
        >
          {t('options_summaryTest')}
        </button>
      </div>
      <p id={`${id}-test-help`} class="help">
        {t('options_summaryTestHelp')}
      </p>
      <FeedbackLine feedback={main.feedback} testId="provider-message" />
      <FeedbackLine feedback={probe.feedback} testId="provider-test-message" />
    </form>
  );
}
