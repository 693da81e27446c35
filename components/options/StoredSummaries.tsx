/** Options, Korean summaries: the token usage so far and "remove all summaries" with an inline confirmation. */
import { t, uiLang } from '../../lib/i18n';
import { useAction } from '../../lib/pages/options/use-action';
import type { SummaryController } from '../../lib/pages/options/use-summary-provider';
import { ConfirmAction } from '../ConfirmAction';
import { FeedbackLine } from './FeedbackLine';

export function StoredSummaries({ summary }: { summary: SummaryController }) {
  const { busy, feedback, run, setFeedback } = useAction();
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
        onConfirm={() => void run(summary.deleteAll, { kind: 'ok', text: t('options_busy') })}
      />
      <FeedbackLine feedback={feedback} testId="summaries-message" />
    </div>
  );
}
