/**
 * Sync status block shared by the popup and the options page: last successful sync (relative time), progress while
 * running, the last error in the UI language, the stored paper count and a "Sync now" button. Pure: renders its props.
 */
import { useId } from 'preact/hooks';
import { relativeTime } from '../../lib/dates';
import { errorsMessage } from '../../lib/error-text';
import { t, uiLang } from '../../lib/i18n';
import type { SyncController } from '../../lib/pages/use-sync-status';
import type { SyncStatus } from '../../lib/records';

export interface SyncStatusProps {
  /** The status, why the background could not be asked, whether "Sync now" is on its way, and "Sync now". */
  sync: Pick<SyncController, 'status' | 'error' | 'requesting' | 'syncNow'>;
  /** Current time (ms), for the relative time of the last sync. */
  now: number;
  /** Heading level of the block's title. */
  headingLevel?: 2 | 3;
  /** Show the heading visibly (options page) or only to screen readers (popup). */
  visibleHeading?: boolean;
  /** Heading text; defaults to "Sync". */
  title?: string;
}

/** "Syncing… 12 / 311 days" or "Syncing…" when the total is not known yet. */
function progressText(status: SyncStatus): string {
  const p = status.progress;
  return p ? t('popup_syncRunning', p.done, p.total) : t('popup_syncRunningNoProgress');
}

export function SyncStatusView({ sync, now, headingLevel = 2, visibleHeading = false, title }: SyncStatusProps) {
  const { status, error, requesting } = sync;
  const headingId = useId();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const running = status?.running === true;
  const progress = status?.progress ?? null;
  return (
    <section class="sync-status" aria-labelledby={headingId}>
      <Heading id={headingId} class={visibleHeading ? undefined : 'sr-only'}>
        {title ?? t('popup_syncHeading')}
      </Heading>
      <div data-testid="sync-status" role="status">
        {status && running && (
          <>
            <p>{progressText(status)}</p>
            <progress
              class="progress"
              max={progress?.total || undefined}
              value={progress?.done}
              aria-label={progressText(status)}
            />
          </>
        )}
        {status && (
          <p>
            {status.lastSuccess !== null
              ? t('popup_syncLast', relativeTime(status.lastSuccess, now, uiLang()))
              : t('popup_syncNever')}
          </p>
        )}
        {status?.lastError && <p class="error">{t('popup_syncError', errorsMessage(status.lastError))}</p>}
        {status && status.fileErrors.length > 0 && (
          <p class="muted">{t('popup_syncFileErrors', status.fileErrors.length)}</p>
        )}
        {error && <p class="error">{t('popup_syncUnreachable', error)}</p>}
      </div>
      <div class="spread">
        <p>
          {t('popup_paperCount')} <span data-testid="paper-count">{status ? String(status.paperCount) : '–'}</span>
        </p>
        <button
          type="button"
          data-testid="sync-now"
          onClick={() => void sync.syncNow()}
          disabled={running || requesting}
        >
          {t('popup_syncNow')}
        </button>
      </div>
    </section>
  );
}
