/**
 * One Korean summary made on the user's side, in full: its title (Korean when the provider made one, the English title
 * under it), the machine-generated mark, the sections (the same component as digest entries), the tokens it took,
 * links, and on its own view a remove button with an inline confirmation. Pure: removing goes through `onDelete`.
 */
import { useId, useState } from 'preact/hooks';
import { errorText } from '../../lib/error-text';
import { t, uiLang } from '../../lib/i18n';
import { arxivAbsUrl, hfPaperUrl } from '../../lib/links';
import type { ShownSummary } from '../../lib/records';
import { formatRoute } from '../../lib/route';
import { ConfirmAction } from '../ConfirmAction';
import { GeneratedMark } from '../GeneratedMark';
import { ExternalLink } from '../InlineText';
import { Sections } from '../Sections';

/** A token count as shown (`1,234`), `–` when the provider did not say. */
export function tokens(n: number | null | undefined): string {
  return typeof n === 'number' ? new Intl.NumberFormat(uiLang()).format(n) : '–';
}

function DeleteSummary({ arxivId, onDelete }: { arxivId: string; onDelete(arxivId: string): Promise<void> }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const remove = () => {
    setBusy(true);
    setError(null);
    onDelete(arxivId)
      .catch((e: unknown) => setError(t('reader_summaryDeleteFailed', errorText(e))))
      .finally(() => setBusy(false));
  };
  return (
    <div class="summary-delete">
      <ConfirmAction
        testId="delete-summary"
        prefix="delete-summary"
        label={t('reader_summaryDelete')}
        question={t('reader_summaryDeleteConfirm', arxivId)}
        yes={t('reader_summaryDeleteYes')}
        no={t('reader_summaryDeleteNo')}
        disabled={busy}
        onConfirm={remove}
      />
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

export interface SummaryCardProps {
  summary: ShownSummary;
  /** 2 on the summary's own view (or a paper view without a digest), 3 under a digest entry. */
  headingLevel: 2 | 3;
  /** Heading text instead of the title (under a digest entry, which shows the title already). */
  heading?: string;
  /** The summary's own view links to the paper's digest entry when there is one. */
  digestLink?: boolean;
  /** Links to the summary's own view (everywhere but there). */
  ownLink?: boolean;
  /** Shows the remove button (the summary's own view). */
  onDelete?(arxivId: string): Promise<void>;
}

export function SummaryCard({ summary, headingLevel, heading, digestLink, ownLink, onDelete }: SummaryCardProps) {
  const headingId = useId();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const { arxivId, usage } = summary;
  return (
    <article
      class="paper-card summary-card"
      aria-labelledby={headingId}
      data-testid="summary-card"
      data-arxiv-id={arxivId}
    >
      <Heading id={headingId} tabIndex={headingLevel === 2 ? -1 : undefined} data-focus-target={headingLevel === 2}>
        {heading ?? <span lang={summary.titleKo ? 'ko' : 'en'}>{summary.titleKo ?? summary.title}</span>}
      </Heading>
      {heading === undefined && summary.titleKo && (
        <p class="muted" lang="en">
          {summary.title}
        </p>
      )}
      <p>
        <GeneratedMark summary={summary} />
      </p>
      <p class="muted">
        arXiv {arxivId}
        {usage && ` · ${t('reader_summaryTokens', tokens(usage.inputTokens), tokens(usage.outputTokens))}`}
      </p>
      <Sections sections={summary.sections} />
      <nav class="paper-links" aria-label={t('reader_summaryLinks', arxivId)}>
        <ul class="plain">
          <li>
            <ExternalLink href={arxivAbsUrl(arxivId)}>{t('reader_arxivLink')}</ExternalLink>
          </li>
          <li>
            <ExternalLink href={hfPaperUrl(arxivId)}>{t('reader_hfLink')}</ExternalLink>
          </li>
          {digestLink && (
            <li>
              <a href={formatRoute({ kind: 'paper', arxivId })}>{t('reader_summaryDigestLink')}</a>
            </li>
          )}
          {ownLink && (
            <li>
              <a href={formatRoute({ kind: 'summary', arxivId })} data-testid="summary-link">
                {t('reader_summaryOpen')}
              </a>
            </li>
          )}
        </ul>
      </nav>
      {onDelete && <DeleteSummary arxivId={arxivId} onDelete={onDelete} />}
    </article>
  );
}
