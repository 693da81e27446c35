/**
 * The small vote badge next to each entry of an arXiv listing. Activating it shows the Korean summary inline.
 * The badge first renders from the compact badge data (id + votes); the full paper is fetched by the content
 * script on first expansion: `onToggle(true)` while `paper` is null is the cue to send `getPaper` and re-render
 * with `status: 'loading'`, then with the paper (or `status: 'missing'` / `'error'`).
 */
import { t, uiLang } from '../lib/i18n';
import { hfPaperUrl, readerPaperHash } from '../lib/links';
import type { ShownPaper } from '../lib/records';
import { Attribution, type PanelTheme, rootClass, useDomId } from './DigestPanel';
import { ExternalLink } from './InlineText';
import { Sections } from './Sections';

export type BadgeStatus = 'idle' | 'loading' | 'ready' | 'missing' | 'error';

export interface ListingBadgeProps {
  arxivId: string;
  /** From the badge data (`getBadges`), known before the paper is loaded. */
  votes: number | null;
  /** The full paper once loaded, null until then. */
  paper: ShownPaper | null;
  expanded: boolean;
  /** Called with the new state; on the first `true` with `paper` null, load the paper. */
  onToggle(expanded: boolean): void;
  /** Load state of `paper`; defaults to `ready` when `paper` is set, `loading` otherwise. */
  status?: BadgeStatus;
  /** Shown when `status` is `error`. */
  error?: string | null;
  /** When given, the expanded summary offers a button that opens the paper in the offline reader. */
  onOpenReader?(hash: string): void;
  theme?: PanelTheme;
}

function badgeLabel(votes: number | null): string {
  return votes === null ? t('panel_badgeLabelNoVotes') : t('panel_badgeLabel', votes);
}

export function ListingBadge({
  arxivId,
  votes,
  paper,
  expanded,
  onToggle,
  status,
  error,
  onOpenReader,
  theme,
}: ListingBadgeProps) {
  const bodyId = `${useDomId(arxivId)}-summary`;
  const state: BadgeStatus = status ?? (paper ? 'ready' : 'loading');
  const shown = paper?.votes ?? votes;

  let body = null;
  if (expanded) {
    if (state === 'ready' && paper) {
      body = (
        <>
          {paper.sections.length > 0 ? (
            <Sections sections={paper.sections} />
          ) : (
            <p class="akd-note">{t('panel_noSections')}</p>
          )}
          <p class="akd-badge-links">
            {onOpenReader && (
              <button
                type="button"
                class="akd-linkbtn"
                data-testid="open-reader"
                onClick={() => onOpenReader(readerPaperHash(arxivId))}
              >
                {t('panel_openInReader')}
              </button>
            )}
            <ExternalLink href={hfPaperUrl(arxivId)}>{t('panel_hfPage')}</ExternalLink>
          </p>
          <Attribution />
        </>
      );
    } else if (state === 'error') {
      body = (
        <p class="akd-note" role="alert">
          {t('panel_badgeError', error ?? '')}
        </p>
      );
    } else if (state === 'missing') {
      body = <p class="akd-note">{t('panel_badgeMissing')}</p>;
    } else {
      body = (
        <p class="akd-note" role="status">
          {t('panel_badgeLoading')}
        </p>
      );
    }
  }

  return (
    <div class={rootClass('akd-badge', theme)} data-testid="listing-badge" lang={uiLang()}>
      <button
        type="button"
        class="akd-badge-btn"
        aria-expanded={expanded}
        aria-controls={bodyId}
        aria-label={badgeLabel(shown)}
        data-testid="badge-toggle"
        onClick={() => onToggle(!expanded)}
      >
        <span aria-hidden="true">▲</span> <span data-testid="vote-count">{shown ?? '–'}</span>
      </button>
      <div id={bodyId} class="akd-badge-body" data-testid="badge-summary" hidden={!expanded}>
        {body}
      </div>
    </div>
  );
}
