/**
 * One paper in a compact list: vote count, title and the first Korean sentence of its summary. The whole entry is a
 * link to the arXiv abstract; activating it (click or Enter) calls `onOpen` so the page can open a new tab.
 */
import type { TargetedKeyboardEvent } from 'preact';
import { t } from '../../lib/i18n';
import { arxivAbsUrl } from '../../lib/links';
import type { ShownPaper, ShownSummary } from '../../lib/records';
import { clip, tokensText } from '../../lib/summary';
import { VoteCount } from '../DigestPanel';
import { GeneratedMark, summaryLead } from '../GeneratedMark';

/** Preview length in the narrow popup (characters). */
export const POPUP_PREVIEW_MAX = 160;

export interface PaperItemProps {
  paper: ShownPaper;
  onOpen(arxivId: string): void;
}

export function PaperItem({ paper, onOpen }: PaperItemProps) {
  const lead = clip(paper.lead, POPUP_PREVIEW_MAX);
  const open = (e: Event) => {
    e.preventDefault();
    onOpen(paper.arxivId);
  };
  const onKeyDown = (e: TargetedKeyboardEvent<HTMLAnchorElement>) => {
    // Handled here (and the default prevented) so Enter opens exactly one tab in every browser and in tests.
    if (e.key === 'Enter' && !e.isComposing) open(e);
  };
  return (
    <a
      class="paper-item"
      data-testid="paper-item"
      data-arxiv-id={paper.arxivId}
      href={arxivAbsUrl(paper.arxivId)}
      target="_blank"
      rel="noopener noreferrer"
      onClick={open}
      onKeyDown={onKeyDown}
    >
      <VoteCount votes={paper.votes} />
      <span class="paper-item-title">{tokensText(paper.titleTokens)}</span>
      <span class="paper-item-lead" lang="ko">
        {lead || t('popup_noSummary')}
      </span>
      <span class="sr-only"> {t('common_newTab')}</span>
    </a>
  );
}

export interface PaperListProps {
  papers: readonly ShownPaper[];
  onOpen(arxivId: string): void;
  /** Accessible name of the list. */
  label?: string;
}

export function PaperList({ papers, onOpen, label }: PaperListProps) {
  return (
    <ul class="plain paper-list" aria-label={label}>
      {papers.map((p) => (
        <li key={p.arxivId} class="paper-list-item">
          <PaperItem paper={p} onOpen={onOpen} />
        </li>
      ))}
    </ul>
  );
}

export interface SummaryItemProps {
  summary: ShownSummary;
  /** Opens the reader's view of this summary. */
  onOpen(arxivId: string): void;
}

/**
 * A Korean summary the user generated, in a search result list: marked as machine-generated (with the model), its
 * title (Korean when there is one) and first sentence; activating it opens the summary in the reader.
 */
export function SummaryItem({ summary, onOpen }: SummaryItemProps) {
  const lead = summaryLead(summary, POPUP_PREVIEW_MAX);
  return (
    <button
      type="button"
      class="paper-item summary-item"
      data-testid="summary-item"
      data-arxiv-id={summary.arxivId}
      onClick={() => onOpen(summary.arxivId)}
    >
      <span class="paper-item-title" lang={summary.titleKo ? 'ko' : 'en'}>
        {summary.titleKo ?? summary.title}
      </span>
      <GeneratedMark summary={summary} compact />
      <span class="paper-item-lead" lang="ko">
        {lead}
      </span>
      <span class="sr-only"> {t('common_newTab')}</span>
    </button>
  );
}

export function SummaryItemList({
  summaries,
  onOpen,
  label,
}: Omit<PaperListProps, 'papers'> & { summaries: readonly ShownSummary[] }) {
  return (
    <ul class="plain paper-list" aria-label={label}>
      {summaries.map((s) => (
        <li key={s.arxivId} class="paper-list-item">
          <SummaryItem summary={s} onOpen={onOpen} />
        </li>
      ))}
    </ul>
  );
}
