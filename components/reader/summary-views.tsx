/**
 * The reader's views of the Korean summaries made on the user's side: the list of all of them (`#/summaries`), one
 * of them (`#/summary/<id>`), and the compact entry both the list and the search results use. Pure.
 */
import { useId } from 'preact/hooks';
import type { UsageTotals } from '../../lib/db/summaries';
import { t } from '../../lib/i18n';
import type { ShownSummary } from '../../lib/records';
import { formatRoute } from '../../lib/route';
import { PREVIEW_MAX } from '../../lib/summary';
import { GeneratedMark, summaryLead } from '../GeneratedMark';
import { SummaryCard, tokens } from './SummaryCard';

/** Title (Korean when there is one) linking to the summary's view, the mark, and the first sentence. */
export function SummaryListItem({ summary }: { summary: ShownSummary }) {
  const lead = summaryLead(summary, PREVIEW_MAX);
  return (
    <li class="summary-list-item" data-testid="summary-item" data-arxiv-id={summary.arxivId}>
      <a href={formatRoute({ kind: 'summary', arxivId: summary.arxivId })} lang={summary.titleKo ? 'ko' : 'en'}>
        {summary.titleKo ?? summary.title}
      </a>{' '}
      <span class="muted">arXiv {summary.arxivId}</span>
      <br />
      <GeneratedMark summary={summary} />
      {lead && (
        <p class="muted" lang="ko">
          {lead}
        </p>
      )}
    </li>
  );
}

export function SummaryEntries({ summaries, label }: { summaries: readonly ShownSummary[]; label?: string }) {
  return (
    <ul class="plain summary-list" aria-label={label}>
      {summaries.map((s) => (
        <SummaryListItem key={s.arxivId} summary={s} />
      ))}
    </ul>
  );
}

export function SummaryListView({ summaries, usage }: { summaries: readonly ShownSummary[]; usage: UsageTotals }) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} data-testid="summary-list">
      <h2 id={headingId} tabIndex={-1} data-focus-target>
        {t('reader_summaries')}
      </h2>
      <p>{t('reader_summariesIntro')}</p>
      {summaries.length === 0 ? (
        <p class="notice">{t('reader_summariesNone')}</p>
      ) : (
        <>
          <p class="muted" data-testid="summary-usage">
            {t('reader_summariesTotal', usage.summaries, tokens(usage.inputTokens), tokens(usage.outputTokens))}
          </p>
          <SummaryEntries summaries={summaries} />
        </>
      )}
    </section>
  );
}

export interface SummaryViewProps {
  arxivId: string;
  summary: ShownSummary | null;
  /** Whether a digest entry exists for the paper (then the view links to it). */
  hasDigest: boolean;
  onDelete(arxivId: string): Promise<void>;
}

export function SummaryView({ arxivId, summary, hasDigest, onDelete }: SummaryViewProps) {
  if (!summary) {
    return (
      <section aria-label={arxivId} data-testid="summary-missing">
        <p class="notice" tabIndex={-1} data-focus-target>
          {t('reader_summaryNotFound', arxivId)}{' '}
          <a href={formatRoute({ kind: 'summaries' })}>{t('reader_summaries')}</a>
        </p>
      </section>
    );
  }
  return (
    <div data-testid="summary-view">
      <SummaryCard summary={summary} headingLevel={2} digestLink={hasDigest} onDelete={onDelete} />
    </div>
  );
}
