/**
 * The options page's "Korean summaries" section (issue 11): who writes summaries for papers no digest covers (nobody,
 * Chrome on this device, an OpenAI-compatible endpoint, Anthropic), the endpoint's base URL, key and model, what is
 * sent and where, a test, auto-summarize, Chrome's model download, the token usage, and "remove all". Renders its
 * props; every save and request is a callback of the controller (lib/pages/options/use-summary-provider.ts).
 */
import { useId, useState } from 'preact/hooks';
import type { ChromeAiStatus } from '../../lib/gen/chrome-ai/availability';
import { ENDPOINT_DEFAULTS, isEndpointProvider } from '../../lib/gen/endpoint';
import { t, uiLang } from '../../lib/i18n';
import type { Feedback } from '../../lib/pages/options/use-options';
import {
  type DownloadProgress,
  endpointHost,
  type ProviderSettings,
  type SummaryController,
} from '../../lib/pages/options/use-summary-provider';
import { errorText } from '../../lib/pages/page';
import type { SummaryProvider } from '../../lib/setting-defaults';
import { ConfirmAction } from '../ConfirmAction';

export interface SummarySectionProps {
  summary: SummaryController;
}

/** Where a message puts its code samples: `$1`, `$2` are filled with these marks, then rendered as `<code>`. */
const CODE_MARKS = ['\uE001', '\uE002'];
const OLLAMA_URL = 'http://localhost:11434/v1';
const OLLAMA_ORIGINS = 'OLLAMA_ORIGINS=chrome-extension://*,moz-extension://*';

function WithCode({ text, codes }: { text: string; codes: string[] }) {
  const parts = text.split(/([\uE001\uE002])/);
  return <>{parts.map((p) => (CODE_MARKS.includes(p) ? <code>{codes[CODE_MARKS.indexOf(p)]}</code> : p))}</>;
}

function FeedbackLine({ feedback, testId }: { feedback: Feedback | null; testId: string }) {
  // Always rendered (empty when there is nothing to say) so screen readers announce changes.
  return (
    <p role="status" data-testid={testId} class={feedback?.kind === 'error' ? 'error' : 'ok'}>
      {feedback?.text ?? ''}
    </p>
  );
}

const reportError = (err: unknown): Feedback => ({ kind: 'error', text: t('options_error', errorText(err)) });

/** What a provider sends, and where, in plain words. */
function privacyText(provider: SummaryProvider, host: string | null): string {
  if (provider === 'chrome-ai') return t('options_summaryPrivacyChromeAi');
  if (host) return t('options_summaryPrivacyEndpoint', host);
  return t('options_summaryPrivacyNone');
}

function autoHelpText(saved: ProviderSettings): string {
  const host = endpointHost(saved.summaryProvider, saved.providerBaseUrl);
  if (host) return t('options_summaryAutoHelpEndpoint', host);
  return saved.summaryProvider === 'chrome-ai'
    ? t('options_summaryAutoHelpChromeAi')
    : t('options_summaryAutoHelpNone');
}

const percent = (f: number) => new Intl.NumberFormat(uiLang(), { style: 'percent' }).format(f);

function ChromeAiPanel({
  status,
  summarizer,
  progress,
  download,
}: {
  status: ChromeAiStatus | null;
  summarizer: ChromeAiStatus | null;
  progress: DownloadProgress | null;
  download(withSummarizer: boolean): Promise<Feedback>;
}) {
  const id = useId();
  const [withSummarizer, setWithSummarizer] = useState(false);
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const canDownload = status === 'downloadable' || status === 'downloading';
  const summarizerToFetch = summarizer === 'downloadable' || summarizer === 'downloading';
  return (
    <div class="notice summary-chrome-ai">
      <p data-testid="chrome-ai-status" data-status={status ?? 'unknown'}>
        {status ? t(`options_summaryStatus_${status}`) : t('popup_loading')}
      </p>
      {status === 'available' && summarizer && (
        <p class="help">
          {summarizer === 'available' ? t('options_summarySummarizerReady') : t('options_summarySummarizerNone')}
        </p>
      )}
      {(canDownload || (status === 'available' && summarizerToFetch)) && (
        <>
          {summarizerToFetch && (
            <div class="check">
              <input
                id={`${id}-sum`}
                type="checkbox"
                data-testid="chrome-ai-summarizer"
                checked={withSummarizer}
                disabled={progress !== null}
                onChange={(e) => setWithSummarizer(e.currentTarget.checked)}
              />
              <label for={`${id}-sum`}>{t('options_summaryWithSummarizer')}</label>
            </div>
          )}
          <button
            type="button"
            data-testid="chrome-ai-download"
            disabled={progress !== null || (!canDownload && !withSummarizer)}
            onClick={() => {
              setFeedback(null);
              // Straight from the click: Chrome starts a download only within the user activation.
              download(withSummarizer).then(setFeedback, (err: unknown) => setFeedback(reportError(err)));
            }}
          >
            {t('options_summaryDownload')}
          </button>
        </>
      )}
      {progress && (
        <div data-testid="chrome-ai-progress">
          <label for={`${id}-tp`}>{t('options_summaryProgressTranslator', percent(progress.translator))}</label>
          <progress id={`${id}-tp`} class="progress" max={1} value={progress.translator} />
          {progress.summarizer !== null && (
            <>
              <label for={`${id}-sp`}>{t('options_summaryProgressSummarizer', percent(progress.summarizer))}</label>
              <progress id={`${id}-sp`} class="progress" max={1} value={progress.summarizer} />
            </>
          )}
        </div>
      )}
      <FeedbackLine feedback={feedback} testId="chrome-ai-message" />
    </div>
  );
}

function ProviderFields({ summary, saved }: { summary: SummaryController; saved: ProviderSettings }) {
  const id = useId();
  const [provider, setProvider] = useState<SummaryProvider>(saved.summaryProvider);
  const [baseUrl, setBaseUrl] = useState(saved.providerBaseUrl);
  const [model, setModel] = useState(saved.providerModel);
  const [key, setKey] = useState('');
  const [busy, setBusy] = useState(false);
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const [testFeedback, setTestFeedback] = useState<Feedback | null>(null);
  const endpoint = isEndpointProvider(provider) ? ENDPOINT_DEFAULTS[provider] : null;
  const chromeAiOffered =
    (summary.chromeAi !== null && summary.chromeAi !== 'absent') || saved.summaryProvider === 'chrome-ai';

  const choose = (p: SummaryProvider) => {
    setProvider(p);
    // Another provider starts from its defaults; back to the saved one, its saved values.
    const same = p === saved.summaryProvider;
    setBaseUrl(same ? saved.providerBaseUrl : '');
    setModel(same ? saved.providerModel : '');
    setFeedback(null);
  };

  const submit = (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setTestFeedback(null);
    // save asks for the endpoint's host permission first thing, still inside this user gesture.
    summary
      .save({ provider, baseUrl, model, key })
      .then(
        (r) => {
          setFeedback(r);
          if (r.kind === 'ok') setKey('');
        },
        (err: unknown) => setFeedback(reportError(err)),
      )
      .finally(() => setBusy(false));
  };

  const test = () => {
    setBusy(true);
    setTestFeedback({ kind: 'ok', text: t('options_summaryTesting') });
    summary
      .test()
      .then(setTestFeedback, (err: unknown) => setTestFeedback(reportError(err)))
      .finally(() => setBusy(false));
  };

  const forget = () => {
    setBusy(true);
    summary
      .forgetKey()
      .then(setFeedback, (err: unknown) => setFeedback(reportError(err)))
      .finally(() => setBusy(false));
  };

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
      <FeedbackLine feedback={feedback} testId="provider-message" />
      <FeedbackLine feedback={testFeedback} testId="provider-test-message" />
    </form>
  );
}

function AutoSummarize({ summary, saved }: { summary: SummaryController; saved: ProviderSettings }) {
  const id = useId();
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  return (
    <div>
      <div class="check">
        <input
          id={`${id}-auto`}
          type="checkbox"
          data-testid="auto-summarize"
          checked={saved.autoSummarize}
          // Nothing to send with no provider; a box left on can still be turned off.
          disabled={saved.summaryProvider === 'none' && !saved.autoSummarize}
          aria-describedby={`${id}-auto-help`}
          onChange={(e) => {
            const input = e.currentTarget;
            const on = input.checked;
            summary.setAutoSummarize(on).then(
              (r) => {
                if (r.kind === 'error') input.checked = !on;
                setFeedback(r);
              },
              (err: unknown) => {
                input.checked = !on;
                setFeedback(reportError(err));
              },
            );
          }}
        />
        <label for={`${id}-auto`}>{t('options_summaryAuto')}</label>
      </div>
      <p id={`${id}-auto-help`} class="help">
        {autoHelpText(saved)}
      </p>
      <FeedbackLine feedback={feedback} testId="auto-summarize-message" />
    </div>
  );
}

function StoredSummaries({ summary }: { summary: SummaryController }) {
  const [busy, setBusy] = useState(false);
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const { usage } = summary;
  const n = new Intl.NumberFormat(uiLang());
  return (
    <div>
      {usage && (
        <p data-testid="summary-usage">
          {t(
            'options_summaryUsage',
            n.format(usage.summaries),
            n.format(usage.inputTokens + usage.outputTokens),
            n.format(usage.inputTokens),
            n.format(usage.outputTokens),
          )}
        </p>
      )}
      <ConfirmAction
        testId="delete-summaries"
        prefix="delete-summaries"
        label={t('options_summaryDelete')}
        question={t('options_summaryDeleteConfirm')}
        yes={t('options_summaryDeleteYes')}
        no={t('options_clearNo')}
        disabled={busy || usage?.summaries === 0}
        onAsk={() => setFeedback(null)}
        onConfirm={() => {
          setBusy(true);
          summary
            .deleteAll()
            .then(setFeedback, (err: unknown) => setFeedback(reportError(err)))
            .finally(() => setBusy(false));
        }}
      />
      <FeedbackLine feedback={busy ? { kind: 'ok', text: t('options_busy') } : feedback} testId="summaries-message" />
    </div>
  );
}

export function SummarySection({ summary }: SummarySectionProps) {
  const id = useId();
  const { saved } = summary;
  return (
    <section aria-labelledby={`${id}-h`} class="summary-options" data-testid="summary-options">
      <h2 id={`${id}-h`}>{t('options_summaryHeading')}</h2>
      <p class="help">{t('options_summaryIntro')}</p>
      {saved ? (
        <>
          <ProviderFields key={summary.loads} summary={summary} saved={saved} />
          <AutoSummarize summary={summary} saved={saved} />
          <StoredSummaries summary={summary} />
        </>
      ) : (
        <p class="muted">{t('popup_loading')}</p>
      )}
    </section>
  );
}
