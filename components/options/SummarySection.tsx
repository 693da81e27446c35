/**
 * The options page's "Korean summaries" section (issue 11): the provider and its endpoint (./ProviderFields.tsx, with
 * Chrome's model download in ./ChromeAiPanel.tsx), auto-summarize (./AutoSummarize.tsx), the token usage and "remove
 * all" (./StoredSummaries.tsx). Renders its props; every save and request is a callback of the controller
 * (lib/pages/options/use-summary-provider.ts).
 */
import { useId } from 'preact/hooks';
import { t } from '../../lib/i18n';
import type { SummaryController } from '../../lib/pages/options/use-summary-provider';
import { AutoSummarize } from './AutoSummarize';
import { ProviderFields } from './ProviderFields';
import { StoredSummaries } from './StoredSummaries';

export interface SummarySectionProps {
  summary: SummaryController;
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
