/**
 * "Today on Hugging Face" in the popup: the newest Hugging Face daily list with live upvotes, read from the
 * background's cache (so it reads offline) with its fetch time. Entries with a Korean digest are marked and open the
 * Korean summary in the reader; the others show the English title and Hugging Face's `ai_summary`, marked as not
 * Korean, and open the paper's Hugging Face page. With a summary provider chosen, one action asks for Korean
 * summaries of the shown papers without a digest (./HfKorean.tsx); a paper with one (stored or just made) shows its
 * machine-generated Korean title and short summary. Hugging Face text and model output are untrusted and only ever
 * rendered as text.
 */
import { useId } from 'preact/hooks';
import { relativeTime } from '../../lib/dates';
import { errorMessage } from '../../lib/error-text';
import type { GenErrorCode } from '../../lib/gen/types';
import type { HfDailyItem } from '../../lib/hf/api';
import { t, uiLang } from '../../lib/i18n';
import { hfPaperUrl } from '../../lib/links';
import type { Res } from '../../lib/messages';
import { type KoreanItem, papersToAsk } from '../../lib/pages/popup/hf-korean';
import type { HfKoreanController } from '../../lib/pages/popup/use-hf-today';
import type { ShownPaper, ShownSummary } from '../../lib/records';
import { clip } from '../../lib/summary';
import { HfItemLink } from './HfItemLink';
import { HfGeneratedItem, HfItemStatus, HfKoreanBar } from './HfKorean';

/** Entries shown in the popup; the rest are a link away on Hugging Face. */
export const HF_POPUP_MAX = 10;

export type HfToday = Res<'getHfToday'>;

export interface HfTodayViewProps {
  data: HfToday | null;
  /** The last request failed, or the permission request did. */
  error: string | null;
  now: number;
  onAllow(): void;
  onOpenKorean(arxivId: string): void;
  onOpenUrl(url: string): void;
  /** Korean summaries on demand (absent: not offered). */
  korean?: Pick<HfKoreanController, 'provider' | 'summaries' | 'state' | 'start' | 'cancel'>;
  onOpenOptions?(): void;
}

function Upvotes({ n }: { n: number }) {
  const label = t('popup_hfUpvotes', n);
  return (
    <span class="akd-votes hf-votes" title={label}>
      <span class="akd-votes-icon" aria-hidden="true">
        ▲
      </span>
      <span data-testid="hf-upvotes" aria-hidden="true">
        {n}
      </span>
      <span class="sr-only">{label}</span>
    </span>
  );
}

function HfItem({
  item,
  korean,
  summary,
  progress,
  onOpenKorean,
  onOpenUrl,
}: {
  item: HfDailyItem;
  korean: ShownPaper | undefined;
  summary: ShownSummary | undefined;
  progress: KoreanItem | undefined;
  onOpenKorean(id: string): void;
  onOpenUrl(url: string): void;
}) {
  if (korean) {
    const lead = clip(korean.lead, 160);
    return (
      <button
        type="button"
        class="paper-item hf-item"
        data-testid="hf-item"
        data-arxiv-id={item.arxivId}
        data-korean="true"
        onClick={() => onOpenKorean(item.arxivId)}
      >
        <Upvotes n={item.upvotes} />
        <span class="paper-item-title" lang="en">
          {item.title}
        </span>
        <span class="hf-mark hf-mark-ko" data-testid="hf-ko-mark">
          {t('popup_hfKoMark')}
        </span>
        {lead && (
          <span class="paper-item-lead" lang="ko">
            {lead}
          </span>
        )}
        <span class="sr-only"> {t('popup_hfOpenKorean')}</span>
      </button>
    );
  }
  const url = hfPaperUrl(item.arxivId);
  if (summary) {
    return (
      <HfGeneratedItem
        item={item}
        summary={summary}
        votes={<Upvotes n={item.upvotes} />}
        url={url}
        onOpenUrl={onOpenUrl}
      />
    );
  }
  const link = (
    <HfItemLink arxivId={item.arxivId} url={url} korean="false" onOpenUrl={onOpenUrl}>
      <Upvotes n={item.upvotes} />
      <span class="paper-item-title" lang="en">
        {item.title}
      </span>
      <span class="hf-mark hf-mark-en" data-testid="hf-en-mark">
        {t('popup_hfEnMark')}
      </span>
      {item.aiSummary && (
        <span class="paper-item-lead" lang="en" data-testid="hf-ai-summary">
          {item.aiSummary}
        </span>
      )}
    </HfItemLink>
  );
  if (progress?.kind === 'running' || progress?.kind === 'error') {
    const code: GenErrorCode | undefined = progress.kind === 'error' ? progress.code : undefined;
    return (
      <div class="hf-gen" aria-busy={progress.kind === 'running' ? 'true' : undefined}>
        {link}
        <HfItemStatus kind={progress.kind} code={code} />
      </div>
    );
  }
  return link;
}

function stateLine(data: HfToday): { text: string; error: boolean } | null {
  switch (data.state) {
    case 'offline':
      return { text: data.list ? t('popup_hfOffline') : t('popup_hfNothingSaved'), error: false };
    case 'rateLimited':
      return { text: t('popup_hfRateLimited'), error: false };
    case 'error':
      return { text: t('popup_hfError', data.error ? errorMessage(data.error) : ''), error: true };
    case 'empty':
      return { text: t('popup_hfEmpty'), error: false };
    default:
      return null;
  }
}

export function HfTodayView({
  data,
  error,
  now,
  onAllow,
  onOpenKorean,
  onOpenUrl,
  korean: gen,
  onOpenOptions,
}: HfTodayViewProps) {
  const headingId = useId();
  const helpId = useId();
  if (!data || data.state === 'off') return error ? <p class="error">{error}</p> : null;
  const list = data.list;
  const korean = new Map(data.digestPapers.map((p) => [p.arxivId, p]));
  const items = list ? [...list.items].sort((a, b) => b.upvotes - a.upvotes).slice(0, HF_POPUP_MAX) : [];
  const line = stateLine(data);
  const summaries = gen?.summaries ?? new Map<string, ShownSummary>();
  const toAsk = gen ? papersToAsk(items, new Set([...korean.keys(), ...summaries.keys()])) : [];
  return (
    <section aria-labelledby={headingId} data-testid="hf-today">
      <h2 id={headingId}>{t('popup_hfHeading')}</h2>
      {data.state === 'needsPermission' && (
        <div class="notice">
          <p id={helpId}>{t('popup_hfAllowHelp')}</p>
          <button type="button" class="primary" data-testid="hf-allow" aria-describedby={helpId} onClick={onAllow}>
            {t('popup_hfAllow')}
          </button>
        </div>
      )}
      {error && <p class="error">{error}</p>}
      {line && (
        <p class={line.error ? 'error' : 'muted'} data-testid="hf-state">
          {line.text}
        </p>
      )}
      {list && (
        <>
          <p class="muted" data-testid="hf-fetched" title={new Date(list.fetchedAt).toISOString()}>
            {t('popup_hfDay', list.date, relativeTime(list.fetchedAt, now, uiLang()))}
          </p>
          {gen && (
            <HfKoreanBar
              provider={gen.provider}
              state={gen.state}
              papers={toAsk}
              now={now}
              onStart={gen.start}
              onCancel={gen.cancel}
              onOpenOptions={() => onOpenOptions?.()}
            />
          )}
          <ul class="plain paper-list" aria-label={t('popup_hfHeading')}>
            {items.map((item) => (
              <li key={item.arxivId} class="paper-list-item">
                <HfItem
                  item={item}
                  korean={korean.get(item.arxivId)}
                  summary={summaries.get(item.arxivId)}
                  progress={gen?.state.items.get(item.arxivId)}
                  onOpenKorean={onOpenKorean}
                  onOpenUrl={onOpenUrl}
                />
              </li>
            ))}
          </ul>
          <p>
            <a
              href={`https://huggingface.co/papers/date/${list.date}`}
              target="_blank"
              rel="noopener noreferrer"
              onClick={(e) => {
                e.preventDefault();
                onOpenUrl(`https://huggingface.co/papers/date/${list.date}`);
              }}
            >
              {t('popup_hfMore', list.date)}
              <span class="sr-only"> {t('common_newTab')}</span>
            </a>
          </p>
        </>
      )}
    </section>
  );
}
