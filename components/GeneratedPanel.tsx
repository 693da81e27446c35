/**
 * A Korean summary the user made (or is making) for a paper no digest covers, in the digest panel's own shape and
 * labels, plainly marked as machine-generated with the provider, the model and the date (`ai-generated`). Pure: the
 * content script runs the generation and passes what it has so far; the model's text arrives tokenized (untrusted,
 * like digest text) and is rendered by the same Sections component.
 */

import type { ProviderId } from '../lib/gen/types';
import { localDate, providerName } from '../lib/gen/ui-text';
import { t } from '../lib/i18n';
import type { ShownSection } from '../lib/records';
import { PanelShell, type PanelTheme } from './DigestPanel';
import { Sections } from './Sections';

/** What a made summary shows: a stored one, or the partial answer of a run (no `createdAt` yet). */
export interface GeneratedView {
  sections: readonly ShownSection[];
  /** A Korean title (on-device translation), else null. */
  titleKo: string | null;
  provider: ProviderId;
  model: string;
  /** When it was stored; null while it is being written. */
  createdAt: number | null;
}

/** The machine-generated mark: provider · model · date (or "writing…"). */
export function GeneratedMark({ view }: { view: GeneratedView }) {
  const when = view.createdAt === null ? t('panel_genRunning') : localDate(view.createdAt);
  return (
    <p class="akd-dates" data-testid="ai-generated">
      {t('panel_genMark', providerName(view.provider), view.model, when)}
    </p>
  );
}

/** The summary's own text: its Korean title when it has one, then its sections. */
export function GeneratedBody({ view }: { view: GeneratedView }) {
  return (
    <>
      {view.titleKo && (
        <p class="akd-text" lang="ko">
          <strong>{view.titleKo}</strong>
        </p>
      )}
      <Sections sections={view.sections} />
    </>
  );
}

export interface GeneratedPanelProps {
  arxivId: string;
  view: GeneratedView;
  collapsed: boolean;
  onToggle(collapsed: boolean): void;
  theme?: PanelTheme;
  /** The run is going: a cancel button instead of regenerate. */
  running: boolean;
  /** A failed run's message (the shown summary, if any, stays as it was stored). */
  error: string | null;
  onCancel(): void;
  /** Absent when no provider is chosen (a stored summary is still shown). */
  onRegenerate?: (() => void) | undefined;
}

export function GeneratedPanel({ view, running, error, onCancel, onRegenerate, ...shell }: GeneratedPanelProps) {
  return (
    <PanelShell {...shell} aside={<span class="akd-votes">{t('panel_genTag')}</span>}>
      <GeneratedMark view={view} />
      <GeneratedBody view={view} />
      {error && (
        <p class="akd-error" role="alert" data-testid="summary-error">
          {error}
        </p>
      )}
      {running ? (
        <button type="button" class="akd-btn" data-testid="cancel-summary" onClick={onCancel}>
          {t('panel_genCancel')}
        </button>
      ) : (
        onRegenerate && (
          <button type="button" class="akd-btn" data-testid="regenerate-summary" onClick={onRegenerate}>
            {t('panel_genRegenerate')}
          </button>
        )
      )}
    </PanelShell>
  );
}

/** A made summary below a digest's: folded, marked, opened by the user. */
export function GeneratedDetails({ view }: { view: GeneratedView }) {
  return (
    <details class="akd-gen-more" data-testid="generated-summary">
      <summary>{t('panel_genAlso')}</summary>
      <GeneratedMark view={view} />
      <GeneratedBody view={view} />
    </details>
  );
}
