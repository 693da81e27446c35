/** Options, Korean summaries: Chrome's on-device models (status, the download a click starts, its progress). */
import { useId, useState } from 'preact/hooks';
import type { ChromeAiStatus } from '../../lib/gen/chrome-ai/availability';
import { t, uiLang } from '../../lib/i18n';
import { type Feedback, useAction } from '../../lib/pages/options/use-action';
import type { DownloadProgress } from '../../lib/pages/options/use-summary-provider';
import { FeedbackLine } from './FeedbackLine';

const percent = (f: number) => new Intl.NumberFormat(uiLang(), { style: 'percent' }).format(f);

export function ChromeAiPanel({
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
  const { feedback, run } = useAction();
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
            // Straight from the click: Chrome starts a download only within the user activation.
            onClick={() => void run(() => download(withSummarizer), null)}
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
