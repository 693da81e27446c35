/**
 * One paper in full: title, votes, authors, media (online only, loaded when asked or by the setting), all summary
 * sections, links. Pure.
 */
import { useId } from 'preact/hooks';
import { t } from '../../lib/i18n';
import { arxivAbsUrl, digestSourceUrl, hfPaperUrl } from '../../lib/links';
import type { ShownPaper } from '../../lib/records';
import { formatRoute } from '../../lib/route';
import { VoteCount } from '../DigestPanel';
import { ExternalLink, InlineText } from '../InlineText';
import { MediaView } from '../MediaView';
import { Sections } from '../Sections';

export interface PaperCardProps {
  paper: ShownPaper;
  /** 2 on the paper page, 3 inside a day. */
  headingLevel: 2 | 3;
  /** Remote media (thumbnails, videos) are rendered only when online. */
  online: boolean;
  /** Source base URL setting, for the link to the digest file. */
  sourceBase: string;
  /** Load media as shown instead of on the user's click (the `autoLoadMedia` setting). */
  autoLoadMedia: boolean;
}

export function PaperCard({ paper, headingLevel, online, sourceBase, autoLoadMedia }: PaperCardProps) {
  const headingId = useId();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const dates = paper.dates.length > 0 ? paper.dates : [paper.date];
  const source = digestSourceUrl(sourceBase, paper.date);
  return (
    <article class="paper-card" aria-labelledby={headingId} data-testid="paper-card" data-arxiv-id={paper.arxivId}>
      <div class="spread">
        <Heading id={headingId}>
          {headingLevel === 3 ? (
            <a href={formatRoute({ kind: 'paper', arxivId: paper.arxivId })}>
              <InlineText tokens={paper.titleTokens} />
            </a>
          ) : (
            <InlineText tokens={paper.titleTokens} />
          )}
        </Heading>
        <VoteCount votes={paper.votes} />
      </div>
      <p class="muted">
        arXiv {paper.arxivId} · {t('reader_inDigests')}{' '}
        {dates.map((d, i) => (
          <span key={d}>
            {i > 0 && ', '}
            <a href={formatRoute({ kind: 'day', date: d })}>{d}</a>
          </span>
        ))}
      </p>
      {paper.authors.length > 0 && (
        <p class="authors">
          {t('reader_authors')} {paper.authors.join(', ')}
        </p>
      )}
      {paper.media &&
        (online ? (
          <MediaView media={paper.media} buttonClass="link" videoLink={t('reader_video')} autoLoad={autoLoadMedia} />
        ) : (
          <p class="muted" data-testid="media-offline">
            {t('reader_mediaOffline')}
          </p>
        ))}
      {paper.sections.length > 0 ? <Sections sections={paper.sections} /> : <p>{t('reader_noSummary')}</p>}
      <nav class="paper-links" aria-label={t('reader_links', paper.arxivId)}>
        <ul class="plain">
          <li>
            <ExternalLink href={arxivAbsUrl(paper.arxivId)}>{t('reader_arxivLink')}</ExternalLink>
          </li>
          <li>
            <ExternalLink href={hfPaperUrl(paper.arxivId)}>{t('reader_hfLink')}</ExternalLink>
          </li>
          {source && (
            <li>
              <ExternalLink href={source}>{t('reader_sourceLink')}</ExternalLink>
            </li>
          )}
          {headingLevel === 3 && (
            <li>
              <a href={formatRoute({ kind: 'paper', arxivId: paper.arxivId })}>{t('reader_paperLink')}</a>
            </li>
          )}
        </ul>
      </nav>
    </article>
  );
}
