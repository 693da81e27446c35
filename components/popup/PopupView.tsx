/**
 * The toolbar popup's layout: newest digest by votes, day navigation, search as you type, this tab's paper, sync
 * status. Renders its props; opening tabs goes through `actions` (lib/pages/popup/app.tsx wires the data).
 */
import { useId } from 'preact/hooks';
import { isToday } from '../../lib/dates';
import { errorsMessage } from '../../lib/error-text';
import { t } from '../../lib/i18n';
import { readerPaperHash } from '../../lib/links';
import type { HfKoreanController } from '../../lib/pages/popup/use-hf-today';
import type { PopupData } from '../../lib/pages/popup/use-popup';
import type { SyncController } from '../../lib/pages/use-sync-status';
import type { SyncStatus } from '../../lib/records';
import { formatRoute } from '../../lib/route';
import { type HfToday, HfTodayView } from './HfToday';
import { PaperList, SummaryItemList } from './PaperItem';
import { SyncStatusView } from './SyncStatus';

/**
 * Heading of the shown day. "Today" only when the date is today's UTC date; the newest digest otherwise says so
 * plainly (and, after a successful sync, that upstream has published nothing newer since).
 */
export function dayHeading(date: string, newestDate: string | null, lastSuccess: number | null, now: number): string {
  if (isToday(date, now)) return t('popup_today', date);
  if (date === newestDate) return lastSuccess !== null ? t('popup_newestStale', date) : t('popup_newestStored', date);
  return t('popup_dayOf', date);
}

/** What the popup's links and buttons open (each in a new tab, except the options page). */
export interface PopupActions {
  openAbs(arxivId: string): void;
  /** The reader at `hash` (a reader route; none: its home). */
  openReader(hash?: string): void;
  openUrl(url: string): void;
  openOptions(): void;
}

function EmptyState({ status }: { status: SyncStatus | null }) {
  const headingId = useId();
  let line: string;
  if (status?.running)
    line = status.progress
      ? t('popup_emptyDownloading', status.progress.done, status.progress.total)
      : t('popup_emptyStarting');
  else if (status?.lastError) line = t('popup_emptyFailed', errorsMessage(status.lastError));
  else line = t('popup_emptyIdle');
  return (
    <section class="notice" data-testid="empty-state" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('popup_emptyHeading')}</h2>
      <p>{t('popup_emptyIntro')}</p>
      <p class={status?.lastError && !status.running ? 'error' : undefined}>{line}</p>
    </section>
  );
}

function DaySection({
  data,
  sync,
  now,
  onOpen,
}: {
  data: PopupData;
  sync: SyncController;
  now: number;
  onOpen(arxivId: string): void;
}) {
  const headingId = useId();
  const view = data.view;
  if (!view) return null;
  return (
    <section aria-labelledby={headingId} data-testid="day-section">
      <div class="spread">
        <h2 id={headingId} data-testid="day-heading">
          {dayHeading(view.date, data.newestDate, sync.status?.lastSuccess ?? null, now)}
        </h2>
      </div>
      <nav class="row" aria-label={t('popup_dayNav')}>
        <button
          type="button"
          data-testid="prev-day"
          disabled={!data.prevDate}
          aria-label={data.prevDate ? t('popup_prevDayTo', data.prevDate) : t('popup_prevDay')}
          onClick={() => data.prevDate && data.goTo(data.prevDate)}
        >
          <span aria-hidden="true">← </span>
          {t('popup_prevDay')}
        </button>
        <button
          type="button"
          data-testid="next-day"
          disabled={!data.nextDate}
          aria-label={data.nextDate ? t('popup_nextDayTo', data.nextDate) : t('popup_nextDay')}
          onClick={() => data.nextDate && data.goTo(data.nextDate)}
        >
          {t('popup_nextDay')}
          <span aria-hidden="true"> →</span>
        </button>
      </nav>
      <p class="muted">{t('popup_paperTotal', view.papers.length)}</p>
      <PaperList papers={view.papers} onOpen={onOpen} label={dayHeading(view.date, data.newestDate, null, now)} />
    </section>
  );
}

function SearchResults({ data, actions }: { data: PopupData; actions: PopupActions }) {
  const headingId = useId();
  const s = data.search;
  if (data.searchError) return <p class="error">{t('popup_searchError', data.searchError)}</p>;
  if (!s) return <p class="muted">{t('popup_loading')}</p>;
  return (
    <section aria-labelledby={headingId} data-testid="search-results">
      <h2 id={headingId}>{t('popup_searchResults', s.total + s.summaries.length)}</h2>
      {s.summaries.length > 0 && (
        <SummaryItemList
          summaries={s.summaries}
          onOpen={(id) => actions.openReader(formatRoute({ kind: 'summary', arxivId: id }))}
          label={t('reader_summarySearchHeading', s.summaries.length)}
        />
      )}
      {s.papers.length === 0 ? (
        s.summaries.length === 0 && <p>{t('popup_searchNone', s.query)}</p>
      ) : (
        <>
          <PaperList papers={s.papers} onOpen={actions.openAbs} />
          {s.total > s.papers.length && (
            <p class="row">
              <span class="muted">{t('popup_searchShowing', s.papers.length, s.total)}</span>
              <button
                type="button"
                class="link"
                onClick={() => actions.openReader(formatRoute({ kind: 'search', query: s.query }))}
              >
                {t('popup_searchAllInReader')}
              </button>
            </p>
          )}
        </>
      )}
    </section>
  );
}

export interface PopupViewProps {
  data: PopupData;
  sync: SyncController;
  now: number;
  /** "Today on Hugging Face" (absent: not shown). */
  hf?: { data: HfToday | null; error: string | null; allow(): void; korean?: HfKoreanController };
  actions: PopupActions;
}

export function PopupView({ data, sync, now, hf, actions }: PopupViewProps) {
  const searchId = useId();
  const thisPageId = useId();
  const searching = data.query.trim() !== '';
  const empty = !data.loading && data.days !== null && data.days.length === 0 && data.view === null;
  return (
    <div class="popup">
      <header class="spread">
        <h1>{t('extName')}</h1>
        <nav aria-label={t('popup_pagesNav')}>
          <ul class="plain">
            <li>
              <button type="button" class="link" data-testid="open-reader" onClick={() => actions.openReader()}>
                {t('popup_openReader')}
              </button>
            </li>
            <li>
              <button type="button" class="link" data-testid="open-options" onClick={actions.openOptions}>
                {t('popup_openOptions')}
              </button>
            </li>
          </ul>
        </nav>
      </header>
      <main>
        <search>
          <label for={searchId} class="sr-only">
            {t('popup_searchLabel')}
          </label>
          <input
            id={searchId}
            type="search"
            data-testid="search-input"
            placeholder={t('popup_searchPlaceholder')}
            value={data.query}
            onInput={(e) => data.setQuery(e.currentTarget.value)}
            autocomplete="off"
          />
        </search>
        {searching ? (
          <SearchResults data={data} actions={actions} />
        ) : (
          <>
            {data.tabPaper && (
              <section aria-labelledby={thisPageId} data-testid="tab-paper">
                <h2 id={thisPageId}>{t('popup_thisPage')}</h2>
                <PaperList papers={[data.tabPaper]} onOpen={actions.openAbs} />
              </section>
            )}
            {hf && (
              <HfTodayView
                data={hf.data}
                error={hf.error}
                now={now}
                onAllow={hf.allow}
                onOpenKorean={(id) => actions.openReader(readerPaperHash(id))}
                onOpenUrl={actions.openUrl}
                korean={hf.korean}
                onOpenOptions={actions.openOptions}
              />
            )}
            {data.loadError && <p class="error">{t('popup_loadError', data.loadError)}</p>}
            {data.loading && !data.view && <p class="muted">{t('popup_loading')}</p>}
            {empty && <EmptyState status={sync.status} />}
            <DaySection data={data} sync={sync} now={now} onOpen={actions.openAbs} />
          </>
        )}
      </main>
      <footer>
        <SyncStatusView sync={sync} now={now} />
      </footer>
    </div>
  );
}
