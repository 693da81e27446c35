/**
 * Options page layout, one section per file: source URL (./SourceSection.tsx), sync interval and status
 * (./SyncSection.tsx), UI language, panel, badge and thumbnail display (./DisplaySection.tsx), Hugging Face
 * (./HfSection.tsx), Korean summaries (./SummarySection.tsx), stored data (./DataSection.tsx).
 * Renders its props; every save, permission request and data action is a callback in `actions`
 * (lib/pages/options/app.tsx), run with its feedback line by lib/pages/options/use-action.ts.
 */
import { t } from '../../lib/i18n';
import type { Feedback } from '../../lib/pages/options/use-action';
import type { StorageInfo } from '../../lib/pages/options/use-options';
import type { SummaryController } from '../../lib/pages/options/use-summary-provider';
import type { SyncController } from '../../lib/pages/use-sync-status';
import type { Settings } from '../../lib/setting-defaults';
import { DataSection } from './DataSection';
import { DisplaySection } from './DisplaySection';
import { HfSection } from './HfSection';
import { SourceSection } from './SourceSection';
import { SummarySection } from './SummarySection';
import { SyncSection } from './SyncSection';

export interface OptionsActions {
  setSetting<K extends keyof Settings>(key: K, value: Settings[K]): Promise<void>;
  /** Validates and saves a source URL, asking for its host permission first: call it straight from the submit. */
  saveSourceUrl(input: string): Promise<Feedback & { url?: string }>;
  /** Asks for (on) or gives back (both off) the huggingface.co permission: call it straight from the change. */
  hfPermissionFor(on: boolean, otherOn: boolean): Promise<boolean>;
  exportData(): Promise<Feedback>;
  importFile(file: File): Promise<Feedback>;
  clearData(): Promise<Feedback>;
  /** After a successful import. */
  onImported(): void;
}

export interface OptionsViewProps {
  /** null while loading (or when they could not be read: `loadError`). */
  settings: Settings | null;
  /** Why the settings could not be read, in the UI language (shown instead of the form). */
  loadError?: string | null;
  storage: StorageInfo | null;
  sync: SyncController;
  actions: OptionsActions;
  now: number;
  /** The Korean-summaries section's controller (lib/pages/options/use-summary-provider.ts). */
  summary?: SummaryController;
}

export function OptionsView({ settings, loadError = null, storage, sync, actions, now, summary }: OptionsViewProps) {
  return (
    <div class="options">
      <header>
        <h1>{t('options_title')}</h1>
      </header>
      <main>
        {settings ? (
          <>
            <SourceSection initial={settings.sourceUrl} save={actions.saveSourceUrl} />
            <SyncSection
              interval={settings.syncIntervalHours}
              saveInterval={(hours) => actions.setSetting('syncIntervalHours', hours)}
              sync={sync}
              now={now}
            />
            <DisplaySection settings={settings} setSetting={actions.setSetting} />
            <HfSection settings={settings} actions={actions} />
            {summary && <SummarySection summary={summary} />}
            <DataSection storage={storage} actions={actions} />
          </>
        ) : loadError ? (
          <p role="alert" class="error" data-testid="options-error">
            {loadError}
          </p>
        ) : (
          <p class="muted">{t('popup_loading')}</p>
        )}
      </main>
    </div>
  );
}
