/** The reader's views, one per route. Pure: they render their props. */
import { useId } from 'preact/hooks';
import { t } from '../../lib/i18n';
import type { DaySummary, ShownPaper, ShownSummary } from '../../lib/records';
import { formatRoute } from '../../lib/route';
import { PaperCard } from './PaperCard';
import { SummaryCard } from './SummaryCard';
import { SummaryEntries } from './summary-views';

/** `paperCount`: distinct papers stored (not the sum of the days' counts: a paper can be on several days). */
export function DayList({ days, paperCount }: { days: readonly DaySummary[]; paperCount: number }) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} data-testid="day-list">
      <h2 id={headingId} tabIndex={-1} data-focus-target>
        {t('reader_days')}
      </h2>
      {days.length === 0 ? (
        <p class="notice">{t('reader_noDays')}</p>
      ) : (
        <>
          <p class="muted">{t('reader_daysSummary', days.length, paperCount)}</p>
          <ul class="plain day-list">
            {days.map((d) => (
              <li key={d.date} class="day-list-item">
                <a href={formatRoute({ kind: 'day', date: d.date })} data-testid="day-link">
                  {d.date}
                </a>{' '}
                <span class="muted">{t('reader_dayCount', d.paperCount)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

export interface DayViewProps {
  date: string;
  /** null when no digest is stored for the date. */
  papers: readonly ShownPaper[] | null;
  prev: string | null;
  next: string | null;
  online: boolean;
  sourceBase: string;
  autoLoadMedia: boolean;
}

export function DayView({ date, papers, prev, next, online, sourceBase, autoLoadMedia }: DayViewProps) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} data-testid="day-view">
      <h2 id={headingId} tabIndex={-1} data-focus-target>
        {t('reader_dayHeading', date)}
      </h2>
      <nav class="row" aria-label={t('reader_dayNav')}>
        {prev && (
          <a href={formatRoute({ kind: 'day', date: prev })}>
            <span aria-hidden="true">← </span>
            {t('reader_prevDay', prev)}
          </a>
        )}
        {next && (
          <a href={formatRoute({ kind: 'day', date: next })}>
            {t('reader_nextDay', next)}
            <span aria-hidden="true"> →</span>
          </a>
        )}
      </nav>
      {papers === null ? (
        <p class="notice">{t('reader_dayNotFound', date)}</p>
      ) : (
        <>
          <p class="muted">{t('reader_dayCount', papers.length)}</p>
          {papers.map((p) => (
            <PaperCard
              key={p.arxivId}
              paper={p}
              headingLevel={3}
              online={online}
              sourceBase={sourceBase}
              autoLoadMedia={autoLoadMedia}
            />
          ))}
        </>
      )}
    </section>
  );
}

export interface PaperViewProps {
  arxivId: string;
  paper: ShownPaper | null;
  /** The Korean summary the user generated for it: below the digest entry, or alone when there is none. */
  summary: ShownSummary | null;
  online: boolean;
  sourceBase: string;
  autoLoadMedia: boolean;
}

export function PaperView({ arxivId, paper, summary, online, sourceBase, autoLoadMedia }: PaperViewProps) {
  if (!paper && !summary) {
    return (
      <section aria-label={arxivId} data-testid="paper-missing">
        <p class="notice" tabIndex={-1} data-focus-target>
          {t('reader_paperNotFound', arxivId)}
        </p>
      </section>
    );
  }
  return (
    <div data-testid="paper-view" tabIndex={-1} data-focus-target>
      {paper && (
        <PaperCard
          paper={paper}
          headingLevel={2}
          online={online}
          sourceBase={sourceBase}
          autoLoadMedia={autoLoadMedia}
        />
      )}
      {summary &&
        (paper ? (
          <SummaryCard summary={summary} headingLevel={3} heading={t('reader_summaryHeading')} ownLink />
        ) : (
          <SummaryCard summary={summary} headingLevel={2} ownLink />
        ))}
    </div>
  );
}

export interface SearchViewProps {
  query: string;
  papers: readonly ShownPaper[];
  total: number;
  /** Generated summaries that match (a list of their own, marked as machine-generated). */
  summaries: readonly ShownSummary[];
  online: boolean;
  sourceBase: string;
  autoLoadMedia: boolean;
}

export function SearchView({ query, papers, total, summaries, online, sourceBase, autoLoadMedia }: SearchViewProps) {
  const headingId = useId();
  const generatedId = useId();
  const empty = query.trim() === '';
  return (
    <section aria-labelledby={headingId} data-testid="search-view">
      <h2 id={headingId} tabIndex={-1} data-focus-target>
        {empty ? t('reader_searchHeading') : t('reader_searchResults', total + summaries.length, query)}
      </h2>
      {empty ? (
        <p class="muted">{t('reader_searchHint')}</p>
      ) : papers.length === 0 && summaries.length === 0 ? (
        <p>{t('reader_searchNone', query)}</p>
      ) : (
        <>
          {summaries.length > 0 && (
            <section aria-labelledby={generatedId} data-testid="search-summaries">
              <h3 id={generatedId}>{t('reader_summarySearchHeading', summaries.length)}</h3>
              <SummaryEntries summaries={summaries} />
            </section>
          )}
          {total > papers.length && <p class="muted">{t('reader_searchShowing', papers.length)}</p>}
          {papers.map((p) => (
            <PaperCard
              key={p.arxivId}
              paper={p}
              headingLevel={3}
              online={online}
              sourceBase={sourceBase}
              autoLoadMedia={autoLoadMedia}
            />
          ))}
        </>
      )}
    </section>
  );
}

export function NotFoundView() {
  return (
    <p class="notice" tabIndex={-1} data-focus-target data-testid="not-found">
      {t('reader_notFound')} <a href={formatRoute({ kind: 'home' })}>{t('reader_home')}</a>
    </p>
  );
}
