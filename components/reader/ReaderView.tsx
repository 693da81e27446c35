/**
 * The offline reader's layout: days, one day in full, one paper, search, the generated summaries. Renders the route's loaded data it is
 * given (lib/pages/reader/app.tsx loads it from the background's DB).
 */
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import type { ReaderData } from '../../lib/pages/reader/use-reader';
import { formatRoute, type Route } from '../../lib/route';
import { Attribution } from '../DigestPanel';
import { SummaryListView, SummaryView } from './summary-views';
import { DayList, DayView, NotFoundView, PaperView, SearchView } from './views';

/** Results as you type: the search route follows the field (replacing, not stacking, history entries). */
const TYPING_DELAY_MS = 150;

function SearchForm({ route }: { route: Route }) {
  const id = useId();
  const [value, setValue] = useState(route.kind === 'search' ? route.query : '');
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => {
    if (route.kind === 'search') setValue(route.query);
  }, [route]);
  useEffect(() => () => clearTimeout(timer.current ?? undefined), []);
  const follow = (text: string) => {
    clearTimeout(timer.current ?? undefined);
    timer.current = setTimeout(() => {
      const query = text.trim();
      if (!query) return;
      const hash = formatRoute({ kind: 'search', query });
      if (location.hash === hash) return;
      if (location.hash.startsWith('#/search/')) location.replace(hash);
      else location.hash = hash;
    }, TYPING_DELAY_MS);
  };
  return (
    <search>
      <form
        class="row"
        onSubmit={(e) => {
          e.preventDefault();
          clearTimeout(timer.current ?? undefined);
          location.hash = formatRoute({ kind: 'search', query: value.trim() });
        }}
      >
        <label for={id} class="sr-only">
          {t('reader_searchLabel')}
        </label>
        <input
          id={id}
          type="search"
          data-testid="search-input"
          value={value}
          onInput={(e) => {
            setValue(e.currentTarget.value);
            follow(e.currentTarget.value);
          }}
          placeholder={t('popup_searchPlaceholder')}
        />
        <button type="submit">{t('reader_searchButton')}</button>
      </form>
    </search>
  );
}

export interface ReaderViewProps {
  route: Route;
  data: ReaderData;
  online: boolean;
  sourceBase: string;
  /** Load thumbnails and videos as shown instead of on the user's click (the `autoLoadMedia` setting). */
  autoLoadMedia: boolean;
  onOpenOptions(): void;
  /** Removes one generated summary (after the user confirmed on its view). */
  onDeleteSummary(arxivId: string): Promise<void>;
}

/** The content for a route's loaded data. */
type ContentProps = Pick<ReaderViewProps, 'data' | 'online' | 'sourceBase' | 'autoLoadMedia' | 'onDeleteSummary'>;

function ReaderContent({ data, online, sourceBase, autoLoadMedia, onDeleteSummary }: ContentProps) {
  switch (data.kind) {
    case 'loading':
      return (
        <p class="muted" role="status">
          {t('reader_loading')}
        </p>
      );
    case 'error':
      return (
        <p class="error" role="alert">
          {t('reader_error', data.message)}
        </p>
      );
    case 'home':
      return <DayList days={data.days} paperCount={data.paperCount} />;
    case 'day':
      return (
        <DayView
          date={data.date}
          papers={data.papers}
          prev={data.prev}
          next={data.next}
          online={online}
          sourceBase={sourceBase}
          autoLoadMedia={autoLoadMedia}
        />
      );
    case 'paper':
      return (
        <PaperView
          arxivId={data.arxivId}
          paper={data.paper}
          summary={data.summary}
          online={online}
          sourceBase={sourceBase}
          autoLoadMedia={autoLoadMedia}
        />
      );
    case 'search':
      return (
        <SearchView
          query={data.query}
          papers={data.papers}
          total={data.total}
          summaries={data.summaries}
          online={online}
          sourceBase={sourceBase}
          autoLoadMedia={autoLoadMedia}
        />
      );
    case 'summaries':
      return <SummaryListView summaries={data.summaries} usage={data.usage} />;
    case 'summary':
      return (
        <SummaryView
          arxivId={data.arxivId}
          summary={data.summary}
          hasDigest={data.hasDigest}
          onDelete={onDeleteSummary}
        />
      );
    case 'notFound':
      return <NotFoundView />;
  }
}

export function ReaderView({
  route,
  data,
  online,
  sourceBase,
  autoLoadMedia,
  onOpenOptions,
  onDeleteSummary,
}: ReaderViewProps) {
  const mainRef = useRef<HTMLElement>(null);
  const first = useRef(true);
  // After navigating (not on the first load), move focus to the new view's heading for keyboard and screen readers.
  useEffect(() => {
    if (data.kind === 'loading') return;
    if (first.current) {
      first.current = false;
      return;
    }
    mainRef.current?.querySelector<HTMLElement>('[data-focus-target]')?.focus();
  }, [data]);
  return (
    <div class="reader">
      {/* A button, not `<a href="#content">`: the hash is the route here. */}
      <button type="button" class="skip-link link" onClick={() => mainRef.current?.focus()}>
        {t('reader_skip')}
      </button>
      <header class="page-head">
        <h1>{t('reader_title')}</h1>
        <nav aria-label={t('reader_mainNav')}>
          <ul class="plain">
            <li>
              <a href={formatRoute({ kind: 'home' })} aria-current={route.kind === 'home' ? 'page' : undefined}>
                {t('reader_home')}
              </a>
            </li>
            <li>
              <a
                href={formatRoute({ kind: 'summaries' })}
                data-testid="summaries-link"
                aria-current={route.kind === 'summaries' ? 'page' : undefined}
              >
                {t('reader_summaries')}
              </a>
            </li>
            <li>
              <button type="button" class="link" onClick={onOpenOptions}>
                {t('reader_options')}
              </button>
            </li>
          </ul>
        </nav>
        <SearchForm route={route} />
      </header>
      <main id="content" ref={mainRef} tabIndex={-1}>
        <ReaderContent
          data={data}
          online={online}
          sourceBase={sourceBase}
          autoLoadMedia={autoLoadMedia}
          onDeleteSummary={onDeleteSummary}
        />
      </main>
      <footer>
        <Attribution />
      </footer>
    </div>
  );
}
