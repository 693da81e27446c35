/** Options, Korean summaries: summarize papers without a digest entry on their own, and where that sends them. */
import { useId } from 'preact/hooks';
import { t } from '../../lib/i18n';
import { useAction } from '../../lib/pages/options/use-action';
import {
  endpointHost,
  type ProviderSettings,
  type SummaryController,
} from '../../lib/pages/options/use-summary-provider';
import { FeedbackLine } from './FeedbackLine';

function autoHelpText(saved: ProviderSettings): string {
  const host = endpointHost(saved.summaryProvider, saved.providerBaseUrl);
  if (host) return t('options_summaryAutoHelpEndpoint', host);
  return saved.summaryProvider === 'chrome-ai'
    ? t('options_summaryAutoHelpChromeAi')
    : t('options_summaryAutoHelpNone');
}

export function AutoSummarize({ summary, saved }: { summary: SummaryController; saved: ProviderSettings }) {
  const id = useId();
  const { feedback, run } = useAction();
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
            void run(() => summary.setAutoSummarize(on)).then((shown) => {
              if (shown.kind === 'error') input.checked = !on;
            });
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
