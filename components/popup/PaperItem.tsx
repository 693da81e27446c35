/**
 * One paper in a compact list: vote count, title and the first Korean sentence of its summary. The whole entry is a
 * link to the arXiv abstract; activating it (click or Enter) calls `onOpen` so the page can open a new tab.
 */
import type { TargetedKeyboardEvent } from 'preact';
import { t } from '../../lib/i18n';
import { arxivAbsUrl } from '../../lib/links';
import type { ShownPaper } from '../../lib/records';
import { clip, tokensText } from '../../lib/summary';
import { VoteCount } from '../DigestPanel';

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
