/**
 * The Korean summary panel shown on an arXiv paper page (inside a shadow root). Pure: it renders its props and
 * reports the user's actions through callbacks; the content script does the messaging and storage.
 */
import type { ComponentChild, ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';
import { t, uiLang } from '../lib/i18n';
import {
  hfPaperUrl,
  LICENSE_NAME,
  LICENSE_URL,
  readerDateHash,
  readerPaperHash,
  UPSTREAM_REPO_NAME,
  UPSTREAM_REPO_URL,
} from '../lib/links';
import type { ShownPaper } from '../lib/records';
import { ExternalLink } from './InlineText';
import { MediaView } from './MediaView';
import { Sections } from './Sections';

/** `light`/`dark` force a colour scheme (the content script's reading of the page); `auto` follows the OS. */
export type PanelTheme = 'auto' | 'light' | 'dark';

export interface DigestPanelProps {
  paper: ShownPaper;
  /**
   * The paper's digest file on the chosen source (lib/links.ts `digestSourceUrl`, made by the caller: the background
   * for content scripts), linked when http(s); null: no link.
   */
  sourceFile: string | null;
  collapsed: boolean;
  /** Called with the new state when the user collapses or expands the panel. */
  onToggle(collapsed: boolean): void;
  /** When false, the thumbnail or video (remote media) is not rendered. */
  online: boolean;
  /**
   * Load the thumbnail or video as the panel shows (the `autoLoadMedia` setting); otherwise, the default, nothing is
   * requested until the user presses its button.
   */
  autoLoadMedia?: boolean;
  /** Called with a reader route (`#/YYYY-MM-DD` or `#/paper/<id>`) to open the offline reader there. */
  onOpenReader(hash: string): void;
  theme?: PanelTheme;
  /**
   * The live upvote count from Hugging Face, when live votes are on and it arrived; shown beside the digest's vote
   * and date. Null/absent: only the digest vote.
   */
  live?: LiveVotes | null;
  /** Shown last (after the digest's attribution): a summary the user made for this paper too, compact. */
  extra?: ComponentChild;
}

export interface LiveVotes {
  upvotes: number;
  fetchedAt: number;
}

/** Root classes: `akd-root`, plus `light`/`dark` when the scheme is forced. */
export function rootClass(base: string, theme: PanelTheme | undefined): string {
  return theme === 'light' || theme === 'dark' ? `akd-root ${base} ${theme}` : `akd-root ${base}`;
}

/** Element id prefix unique per component instance and paper (ids must be unique within the shadow root). */
export function useDomId(arxivId: string): string {
  return `akd-${arxivId.replace(/[^A-Za-z0-9-]/g, '-')}-${useId().replace(/[^A-Za-z0-9-]/g, '')}`;
}

/** The vote count as shown (`22` or `–`) with a spoken label (`22 votes` / `no vote count`). */
export function VoteCount({ votes }: { votes: number | null }) {
  const label = votes === null ? t('common_votesNone') : t('common_votes', votes);
  return (
    <span class="akd-votes" title={label}>
      <span class="akd-votes-icon" aria-hidden="true">
        ▲
      </span>
      <span data-testid="vote-count" data-votes={votes ?? ''} aria-hidden="true">
        {votes ?? '–'}
      </span>
      <span class="akd-sr">{label}</span>
    </span>
  );
}

/** The live count, then the digest's vote with its digest date beside it. */
function LiveVoteCount({ live, votes, date }: { live: LiveVotes; votes: number | null; date: string }) {
  const label = t('panel_liveVotes', live.upvotes);
  return (
    <span class="akd-vote-pair" data-testid="live-votes">
      <span class="akd-votes akd-live" title={label}>
        <span class="akd-votes-icon" aria-hidden="true">
          ▲
        </span>
        <span data-testid="live-vote-count" data-votes={live.upvotes} aria-hidden="true">
          {live.upvotes}
        </span>
        <span class="akd-live-mark" aria-hidden="true">
          {t('panel_liveMark')}
        </span>
        <span class="akd-sr">{label}</span>
      </span>
      <span class="akd-digest-vote" title={votes === null ? undefined : t('panel_digestVoteOnLabel', votes, date)}>
        <VoteCount votes={votes} />{' '}
        <span class="akd-vote-date" data-testid="digest-vote-date">
          {t('panel_digestVoteOn', date)}
        </span>
      </span>
    </span>
  );
}

/** Data attribution required by the licence of the digests (CC BY-NC 4.0, l-yohai/daily_papers_ko). */
export function Attribution() {
  return (
    <p class="akd-attribution" data-testid="attribution">
      {t('common_attributionLabel')} <ExternalLink href={UPSTREAM_REPO_URL}>{UPSTREAM_REPO_NAME}</ExternalLink> (
      <ExternalLink href={LICENSE_URL} rel="license">
        {LICENSE_NAME}
      </ExternalLink>
      ), {t('common_attributionNote')}
    </p>
  );
}

export interface PanelShellProps {
  arxivId: string;
  collapsed: boolean;
  onToggle(collapsed: boolean): void;
  theme?: PanelTheme | undefined;
  /** Beside the title: the vote count of a digest, the machine-generated tag of a made summary. */
  aside: ComponentChild;
  /** The body, hidden while collapsed. */
  children: ComponentChildren;
}

/**
 * The panel itself (`data-testid="digest-panel"`): a labelled region whose heading is the collapse button, the same
 * for a digest's summary and for one the user made.
 */
export function PanelShell({ arxivId, collapsed, onToggle, theme, aside, children }: PanelShellProps) {
  const id = useDomId(arxivId);
  const titleId = `${id}-title`;
  const bodyId = `${id}-body`;
  return (
    <section
      class={rootClass(collapsed ? 'akd-panel akd-collapsed' : 'akd-panel', theme)}
      data-testid="digest-panel"
      aria-labelledby={titleId}
      lang={uiLang()}
    >
      <header class="akd-head">
        <h2 id={titleId} class="akd-title">
          <button
            type="button"
            class="akd-toggle"
            aria-expanded={!collapsed}
            aria-controls={bodyId}
            data-testid="panel-toggle"
            onClick={() => onToggle(!collapsed)}
          >
            <span class="akd-chevron" aria-hidden="true" />
            {t('panel_title')}
          </button>
        </h2>
        {aside}
      </header>
      <div id={bodyId} class="akd-body" hidden={collapsed}>
        {children}
      </div>
    </section>
  );
}

export function DigestPanel({
  paper,
  sourceFile,
  collapsed,
  onToggle,
  online,
  autoLoadMedia = false,
  onOpenReader,
  theme,
  live,
  extra,
}: DigestPanelProps) {
  const dates = paper.dates.length > 0 ? paper.dates : [paper.date];
  const sourceUrl = sourceFile;

  return (
    <PanelShell
      arxivId={paper.arxivId}
      collapsed={collapsed}
      onToggle={onToggle}
      theme={theme}
      aside={
        live ? <LiveVoteCount live={live} votes={paper.votes} date={paper.date} /> : <VoteCount votes={paper.votes} />
      }
    >
      <p class="akd-dates">
        {t('panel_digestDates')}{' '}
        {dates.map((date) => (
          <button
            key={date}
            type="button"
            class="akd-linkbtn"
            aria-label={t('panel_openDigestDate', date)}
            data-testid="digest-date"
            onClick={() => onOpenReader(readerDateHash(date))}
          >
            {date}
          </button>
        ))}
      </p>
      <div class={paper.media && online ? 'akd-content akd-with-media' : 'akd-content'}>
        {paper.media &&
          (online ? (
            <MediaView
              media={paper.media}
              class="akd-media"
              buttonClass="akd-linkbtn"
              videoLink={t('panel_videoLink')}
              autoLoad={autoLoadMedia}
            />
          ) : (
            <p class="akd-note" data-testid="media-offline">
              {t('panel_mediaOffline')}
            </p>
          ))}
        {paper.sections.length > 0 ? (
          <Sections sections={paper.sections} />
        ) : (
          <p class="akd-note">{t('panel_noSections')}</p>
        )}
      </div>
      <nav class="akd-links" aria-label={t('panel_links')}>
        <ul>
          <li>
            <button
              type="button"
              class="akd-linkbtn"
              data-testid="open-reader"
              onClick={() => onOpenReader(readerPaperHash(paper.arxivId))}
            >
              {t('panel_openInReader')}
            </button>
          </li>
          <li>
            <ExternalLink href={hfPaperUrl(paper.arxivId)}>{t('panel_hfPage')}</ExternalLink>
          </li>
          {sourceUrl && (
            <li>
              <ExternalLink href={sourceUrl}>{t('panel_sourceFile')}</ExternalLink>
            </li>
          )}
        </ul>
      </nav>
      <Attribution />
      {extra}
    </PanelShell>
  );
}
