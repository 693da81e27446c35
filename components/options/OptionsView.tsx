/**
 * Options page layout: source URL (validated, host permission requested on save), sync interval, UI language, panel,
 * badge and thumbnail display, sync status, Korean summaries (./SummarySection.tsx), stored data (size, export,
 * import, clear with an inline confirmation).
 * Renders its props; every save, permission request and data action is a callback in `actions`
 * (lib/pages/options/app.tsx).
 */
import { useId, useState } from 'preact/hooks';
import { t, uiLang } from '../../lib/i18n';
import type { Feedback, StorageInfo } from '../../lib/pages/options/use-options';
import type { SummaryController } from '../../lib/pages/options/use-summary-provider';
import { errorText } from '../../lib/pages/page';
import type { SyncController } from '../../lib/pages/use-sync-status';
import { DEFAULT_SOURCE_URL, type Settings, type UiLanguage } from '../../lib/setting-defaults';
import { ConfirmAction } from '../ConfirmAction';
import { SyncStatusView } from '../popup/SyncStatus';
import { formatBytes, parseIntervalHours } from './format';
import { SummarySection } from './SummarySection';

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

function FeedbackLine({ feedback, testId }: { feedback: Feedback | null; testId: string }) {
  // Always rendered (empty when there is nothing to say) so screen readers announce changes.
  return (
    <p role="status" data-testid={testId} class={feedback?.kind === 'error' ? 'error' : 'ok'}>
      {feedback?.text ?? ''}
    </p>
  );
}

function SourceSection({
  initial,
  save,
}: {
  initial: string;
  save(input: string): Promise<Feedback & { url?: string }>;
}) {
  const id = useId();
  const helpId = useId();
  const [value, setValue] = useState(initial);
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = (e: Event) => {
    e.preventDefault();
    setBusy(true);
    // save asks for the host permission first thing, still inside this user gesture.
    save(value)
      .then((r) => {
        setFeedback(r);
        if (r.url) setValue(r.url);
      })
      .catch((err: unknown) => setFeedback({ kind: 'error', text: t('options_error', errorText(err)) }))
      .finally(() => setBusy(false));
  };
  return (
    <section aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('options_sourceHeading')}</h2>
      <form onSubmit={submit} noValidate>
        <div class="field">
          <label for={id}>{t('options_sourceLabel')}</label>
          <input
            id={id}
            type="url"
            data-testid="source-url"
            value={value}
            onInput={(e) => setValue(e.currentTarget.value)}
            aria-describedby={helpId}
            aria-invalid={feedback?.kind === 'error' ? true : undefined}
            spellcheck={false}
            autocomplete="url"
            required
          />
          <p id={helpId} class="help">
            {t('options_sourceHelp')}
          </p>
        </div>
        <div class="row">
          <button type="submit" class="primary" data-testid="save-source" disabled={busy}>
            {t('options_sourceSave')}
          </button>
          <button type="button" data-testid="default-source" onClick={() => setValue(DEFAULT_SOURCE_URL)}>
            {t('options_sourceDefault')}
          </button>
        </div>
      </form>
      <FeedbackLine feedback={feedback} testId="source-message" />
    </section>
  );
}

function IntervalField({ initial, onSave }: { initial: number; onSave(hours: number): Promise<void> }) {
  const id = useId();
  const helpId = useId();
  const [value, setValue] = useState(String(initial));
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const hours = parseIntervalHours(value);
        if (hours === null) {
          setFeedback({ kind: 'error', text: t('options_intervalInvalid') });
          return;
        }
        onSave(hours).then(
          () => setFeedback({ kind: 'ok', text: t('options_saved') }),
          (err: unknown) => setFeedback({ kind: 'error', text: t('options_error', errorText(err)) }),
        );
      }}
    >
      <div class="field">
        <label for={id}>{t('options_intervalLabel')}</label>
        <div class="row">
          <input
            id={id}
            type="number"
            min={1}
            max={168}
            step={1}
            data-testid="sync-interval"
            value={value}
            onInput={(e) => setValue(e.currentTarget.value)}
            aria-describedby={helpId}
            aria-invalid={feedback?.kind === 'error' ? true : undefined}
          />
          <button type="submit" data-testid="save-interval">
            {t('options_intervalSave')}
          </button>
        </div>
        <p id={helpId} class="help">
          {t('options_intervalHelp')}
        </p>
      </div>
      <FeedbackLine feedback={feedback} testId="interval-message" />
    </form>
  );
}

function DisplaySection({ settings, actions }: { settings: Settings; actions: OptionsActions }) {
  const id = useId();
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const save = <K extends keyof Settings>(key: K, value: Settings[K]) => {
    actions.setSetting(key, value).then(
      () => setFeedback({ kind: 'ok', text: t('options_saved') }),
      (err: unknown) => setFeedback({ kind: 'error', text: t('options_error', errorText(err)) }),
    );
  };
  return (
    <section aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('options_displayHeading')}</h2>
      <div class="field">
        <label for={`${id}-lang`}>{t('options_languageLabel')}</label>
        <select
          id={`${id}-lang`}
          data-testid="ui-language"
          value={settings.uiLanguage}
          onChange={(e) => save('uiLanguage', e.currentTarget.value as UiLanguage)}
        >
          <option value="auto">{t('options_languageAuto')}</option>
          <option value="ko" lang="ko">
            {t('options_languageKo')}
          </option>
          <option value="en" lang="en">
            {t('options_languageEn')}
          </option>
        </select>
      </div>
      <div class="check">
        <input
          id={`${id}-panel`}
          type="checkbox"
          data-testid="panel-expanded"
          checked={!settings.panelCollapsed}
          onChange={(e) => save('panelCollapsed', !e.currentTarget.checked)}
        />
        <label for={`${id}-panel`}>{t('options_panelExpanded')}</label>
      </div>
      <div class="check">
        <input
          id={`${id}-badges`}
          type="checkbox"
          data-testid="listing-badges"
          checked={settings.listingBadges}
          onChange={(e) => save('listingBadges', e.currentTarget.checked)}
        />
        <label for={`${id}-badges`}>{t('options_listingBadges')}</label>
      </div>
      <div class="check">
        <input
          id={`${id}-media`}
          type="checkbox"
          data-testid="auto-load-media"
          checked={settings.autoLoadMedia}
          aria-describedby={`${id}-media-help`}
          onChange={(e) => save('autoLoadMedia', e.currentTarget.checked)}
        />
        <label for={`${id}-media`}>{t('options_autoLoadMedia')}</label>
      </div>
      <p id={`${id}-media-help`} class="help">
        {t('options_autoLoadMediaHelp')}
      </p>
      <FeedbackLine feedback={feedback} testId="display-message" />
    </section>
  );
}

function HfSection({ settings, actions }: { settings: Settings; actions: OptionsActions }) {
  const id = useId();
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const toggle = (key: 'hfDaily' | 'hfLiveVotes', input: HTMLInputElement) => {
    const on = input.checked;
    const other = key === 'hfDaily' ? settings.hfLiveVotes : settings.hfDaily;
    // Shown on only once it is on: while the browser asks for the permission the box stays unchecked.
    if (on) input.checked = false;
    // The permission request is the first asynchronous step, inside this click.
    actions
      .hfPermissionFor(on, other)
      .then(async (allowed) => {
        if (!allowed) {
          input.checked = false;
          setFeedback({ kind: 'error', text: t('options_hfPermissionDenied') });
          return;
        }
        await actions.setSetting(key, on);
        setFeedback({ kind: 'ok', text: t('options_saved') });
      })
      .catch((err: unknown) => {
        input.checked = settings[key];
        setFeedback({ kind: 'error', text: t('options_error', errorText(err)) });
      });
  };
  return (
    <section aria-labelledby={`${id}-h`} data-testid="hf-options">
      <h2 id={`${id}-h`}>{t('options_hfHeading')}</h2>
      <div class="check">
        <input
          id={`${id}-daily`}
          type="checkbox"
          data-testid="hf-daily-toggle"
          checked={settings.hfDaily}
          aria-describedby={`${id}-daily-help`}
          onChange={(e) => toggle('hfDaily', e.currentTarget)}
        />
        <label for={`${id}-daily`}>{t('options_hfDaily')}</label>
      </div>
      <p id={`${id}-daily-help`} class="help">
        {t('options_hfDailyHelp')}
      </p>
      <div class="check">
        <input
          id={`${id}-live`}
          type="checkbox"
          data-testid="live-votes-toggle"
          checked={settings.hfLiveVotes}
          aria-describedby={`${id}-live-help`}
          onChange={(e) => toggle('hfLiveVotes', e.currentTarget)}
        />
        <label for={`${id}-live`}>{t('options_hfLiveVotes')}</label>
      </div>
      <p id={`${id}-live-help`} class="help">
        {t('options_hfLiveVotesHelp')}
      </p>
      <FeedbackLine feedback={feedback} testId="hf-message" />
    </section>
  );
}

function storageText(info: StorageInfo): string {
  const lang = uiLang();
  const used = formatBytes(info.bytes, lang);
  return info.quota
    ? t('options_storageUsed', t('options_storageOfQuota', used, formatBytes(info.quota, lang)))
    : t('options_storageUsed', used);
}

function DataSection({ storage, actions }: { storage: StorageInfo | null; actions: OptionsActions }) {
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [feedback, setFeedback] = useState<Feedback | null>(null);

  const run = (action: () => Promise<Feedback>) => {
    setBusy(true);
    action()
      .then(setFeedback, (err: unknown) => setFeedback({ kind: 'error', text: t('options_error', errorText(err)) }))
      .finally(() => setBusy(false));
  };

  return (
    <section aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('options_dataHeading')}</h2>
      {storage && (
        <p data-testid="storage-info">
          {storageText(storage)} · {t('options_storagePapers', storage.paperCount)}
        </p>
      )}
      <div class="row">
        <button type="button" data-testid="export-data" disabled={busy} onClick={() => run(actions.exportData)}>
          {t('options_export')}
        </button>
      </div>
      <div class="field">
        <label for={`${id}-import`}>{t('options_import')}</label>
        <input
          id={`${id}-import`}
          type="file"
          accept="application/json,.json"
          data-testid="import-file"
          aria-describedby={`${id}-import-help`}
          disabled={busy}
          onChange={(e) => {
            const input = e.currentTarget;
            const file = input.files?.[0];
            if (!file) return;
            run(async () => {
              const r = await actions.importFile(file);
              input.value = '';
              if (r.kind === 'ok') actions.onImported();
              return r;
            });
          }}
        />
        <p id={`${id}-import-help`} class="help">
          {t('options_importHelp')}
        </p>
      </div>
      <ConfirmAction
        testId="clear-data"
        prefix="clear"
        label={t('options_clear')}
        question={t('options_clearConfirm')}
        yes={t('options_clearYes')}
        no={t('options_clearNo')}
        disabled={busy}
        onAsk={() => setFeedback(null)}
        onConfirm={() => run(actions.clearData)}
      />
      <FeedbackLine feedback={busy ? { kind: 'ok', text: t('options_busy') } : feedback} testId="data-message" />
    </section>
  );
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
            <section aria-labelledby="options-sync-h">
              <h2 id="options-sync-h">{t('options_syncHeading')}</h2>
              <IntervalField
                initial={settings.syncIntervalHours}
                onSave={(hours) => actions.setSetting('syncIntervalHours', hours)}
              />
              <SyncStatusView sync={sync} now={now} headingLevel={3} title={t('options_syncStatus')} />
            </section>
            <DisplaySection settings={settings} actions={actions} />
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
