/** Options: stored data (size and paper count), export, import, and "clear all" with an inline confirmation. */
import { useId } from 'preact/hooks';
import { t, uiLang } from '../../lib/i18n';
import { type Feedback, useAction } from '../../lib/pages/options/use-action';
import type { StorageInfo } from '../../lib/pages/options/use-options';
import { ConfirmAction } from '../ConfirmAction';
import { FeedbackLine } from './FeedbackLine';
import { formatBytes } from './format';
import type { OptionsActions } from './OptionsView';

function storageText(info: StorageInfo): string {
  const lang = uiLang();
  const used = formatBytes(info.bytes, lang);
  return info.quota
    ? t('options_storageUsed', t('options_storageOfQuota', used, formatBytes(info.quota, lang)))
    : t('options_storageUsed', used);
}

export function DataSection({
  storage,
  actions,
}: {
  storage: StorageInfo | null;
  actions: Pick<OptionsActions, 'exportData' | 'importFile' | 'clearData' | 'onImported'>;
}) {
  const id = useId();
  const { busy, feedback, run, setFeedback } = useAction();
  const start = (action: () => Promise<Feedback>) => void run(action, { kind: 'ok', text: t('options_busy') });

  return (
    <section aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('options_dataHeading')}</h2>
      {storage && (
        <p data-testid="storage-info">
          {storageText(storage)} · {t('options_storagePapers', storage.paperCount)}
        </p>
      )}
      <div class="row">
        <button type="button" data-testid="export-data" disabled={busy} onClick={() => start(actions.exportData)}>
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
            start(async () => {
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
        onConfirm={() => start(actions.clearData)}
      />
      <FeedbackLine feedback={feedback} testId="data-message" />
    </section>
  );
}
