/** Options: the sync interval (whole hours, 1…168) and the sync status with "sync now". */
import { useId, useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import { useAction } from '../../lib/pages/options/use-action';
import type { SyncController } from '../../lib/pages/use-sync-status';
import { SyncStatusView } from '../popup/SyncStatus';
import { FeedbackLine } from './FeedbackLine';
import { parseIntervalHours } from './format';

function IntervalField({ initial, onSave }: { initial: number; onSave(hours: number): Promise<void> }) {
  const id = useId();
  const helpId = useId();
  const [value, setValue] = useState(String(initial));
  const { feedback, run, setFeedback } = useAction();
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
        void run(async () => {
          await onSave(hours);
          return { kind: 'ok', text: t('options_saved') };
        });
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

export function SyncSection({
  interval,
  saveInterval,
  sync,
  now,
}: {
  interval: number;
  saveInterval(hours: number): Promise<void>;
  sync: SyncController;
  now: number;
}) {
  return (
    <section aria-labelledby="options-sync-h">
      <h2 id="options-sync-h">{t('options_syncHeading')}</h2>
      <IntervalField initial={interval} onSave={saveInterval} />
      <SyncStatusView sync={sync} now={now} headingLevel={3} title={t('options_syncStatus')} />
    </section>
  );
}
