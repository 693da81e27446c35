/**
 * The Korean parts of "Today on Hugging Face" (components/popup/HfToday.tsx): the one action that asks for Korean
 * summaries of the shown papers without a digest, its progress and cancel, and an entry with its machine-generated
 * Korean title and short summary (the English kept under it). Model output arrives tokenized from the background and
 * is only rendered as text.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef } from 'preact/hooks';
import type { GenErrorCode } from '../../lib/gen/types';
import { genErrorText } from '../../lib/gen/ui-text';
import type { HfDailyItem } from '../../lib/hf/api';
import { t } from '../../lib/i18n';
import type { KoreanPaper, KoreanState } from '../../lib/pages/popup/hf-korean';
import { koreanPreview } from '../../lib/pages/popup/hf-korean';
import type { ShownSummary } from '../../lib/records';
import type { SummaryProvider } from '../../lib/setting-defaults';
import { clip } from '../../lib/summary';
import { Sections } from '../Sections';
import { HfItemLink } from './HfItemLink';

/** How long until `retryAt` (a time, or null) as lib/gen/ui-text.ts `genErrorText` takes it: at least a second. */
const waitFor = (retryAt: number | null, now: number) => (retryAt === null ? null : Math.max(1000, retryAt - now));

/** Codes whose fix is in the options (key, model, endpoint, on-device model). */
const FIX_IN_OPTIONS = new Set<GenErrorCode>(['badKey', 'forbidden', 'unknownModel', 'notFound', 'needsDownload']);

function statusLine(state: KoreanState, now: number): string {
  const end = state.end;
  if (state.running) return t('popup_hfKoProgress', state.done, state.total);
  if (!end) return '';
  if (end.kind === 'cancelled') return t('popup_hfKoCancelled', state.done, state.total);
  if (end.kind === 'stopped') return t('popup_hfKoStopped', genErrorText(end.code, waitFor(end.retryAt, now)));
  let failed = 0;
  for (const item of state.items.values()) if (item.kind === 'error') failed++;
  const done = state.done - failed;
  return [t('popup_hfKoFinished', done, state.total), failed > 0 ? t('popup_hfKoSomeFailed', failed) : '']
    .filter(Boolean)
    .join(' ');
}

export interface HfKoreanBarProps {
  provider: SummaryProvider | null;
  state: KoreanState;
  /** The shown papers a summary can be asked for now. */
  papers: readonly KoreanPaper[];
  now: number;
  onStart(papers: readonly KoreanPaper[]): void;
  onCancel(): void;
  onOpenOptions(): void;
}

export function HfKoreanBar({ provider, state, papers, now, onStart, onCancel, onOpenOptions }: HfKoreanBarProps) {
  const helpId = useId();
  const statusRef = useRef<HTMLParagraphElement>(null);
  /** Whether the action/cancel button holds the focus (one element for both, so the focus stays as it turns). */
  const buttonFocused = useRef(false);
  const running = state.running;
  const showButton = running || papers.length > 0;
  useEffect(() => {
    // The button went away with the focus on it (everything is summarized): the focus goes to the outcome.
    if (!showButton && buttonFocused.current) {
      buttonFocused.current = false;
      statusRef.current?.focus();
    }
  }, [showButton]);

  if (provider === null) return null;
  if (provider === 'none') {
    if (papers.length === 0) return null;
    return (
      <p class="muted hf-ko-bar" data-testid="hf-ko-setup">
        {t('popup_hfKoNeedsProvider')}{' '}
        <button type="button" class="link" data-testid="hf-ko-options" onClick={onOpenOptions}>
          {t('popup_hfKoSetUp')}
        </button>
      </p>
    );
  }
  const waiting = state.retryAt !== null && now < state.retryAt;
  const line = statusLine(state, now);
  const end = state.end;
  if (!showButton && !line) return null;
  return (
    <div class="hf-ko-bar">
      {showButton && (
        <button
          type="button"
          class={running ? undefined : 'primary'}
          data-testid={running ? 'hf-translate-cancel' : 'hf-translate-all'}
          aria-describedby={running ? undefined : helpId}
          disabled={!running && waiting}
          onFocus={() => {
            buttonFocused.current = true;
          }}
          onBlur={() => {
            buttonFocused.current = false;
          }}
          onClick={() => (running ? onCancel() : onStart(papers))}
        >
          {running ? t('popup_hfKoCancel') : t('popup_hfKoAction')}
        </button>
      )}
      {!running && papers.length > 0 && (
        <p id={helpId} class="muted hf-ko-help">
          {t('popup_hfKoActionHelp', papers.length)}
        </p>
      )}
      <p
        ref={statusRef}
        tabIndex={-1}
        role="status"
        class={end?.kind === 'stopped' ? 'error hf-ko-status' : 'hf-ko-status'}
        data-testid="hf-translate-progress"
      >
        {line}
        {end?.kind === 'stopped' && FIX_IN_OPTIONS.has(end.code) && (
          <>
            {' '}
            <button type="button" class="link" onClick={onOpenOptions}>
              {t('popup_openOptions')}
            </button>
          </>
        )}
      </p>
    </div>
  );
}

/** A paper without a digest whose Korean summary was made on the user's side. */
export function HfGeneratedItem({
  item,
  summary,
  votes,
  url,
  onOpenUrl,
}: {
  item: HfDailyItem;
  summary: ShownSummary;
  votes: ComponentChildren;
  url: string;
  onOpenUrl(url: string): void;
}) {
  const { title, short } = koreanPreview(summary);
  return (
    <div class="hf-gen">
      <HfItemLink arxivId={item.arxivId} url={url} korean="generated" onOpenUrl={onOpenUrl}>
        {votes}
        <span class="paper-item-title" lang={title ? 'ko' : 'en'} data-testid="hf-ko-title">
          {title || item.title}
        </span>
        <span class="paper-item-lead" lang="en" data-testid="hf-en-title">
          {item.title}
        </span>
      </HfItemLink>
      <div class="hf-gen-body">
        <span class="hf-mark hf-mark-ai" data-testid="ai-generated">
          {t('popup_hfKoGenerated', clip(summary.model, 60))}
        </span>
        {short && (
          <p class="hf-gen-short" lang="ko" data-testid="hf-ko-summary">
            {short}
          </p>
        )}
        <details class="hf-gen-more">
          <summary>{t('popup_hfKoMore')}</summary>
          <Sections sections={summary.sections} />
          {item.aiSummary && (
            <p class="muted" lang="en" data-testid="hf-ai-summary">
              <span class="hf-gen-label">{t('popup_hfKoEnglish')}</span> {item.aiSummary}
            </p>
          )}
        </details>
      </div>
    </div>
  );
}

/** Under an English entry: this paper's summary is being made, or why it could not be. */
export function HfItemStatus({ kind, code }: { kind: 'running' | 'error'; code?: GenErrorCode }) {
  if (kind === 'running') {
    return <p class="muted hf-item-status">{t('popup_hfKoRunning')}</p>;
  }
  return (
    <p class="error hf-item-status" data-testid="summary-error">
      {genErrorText(code ?? 'network')}
    </p>
  );
}
