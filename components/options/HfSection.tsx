/** Options: the Hugging Face features (daily list, live votes); turning one on asks for the huggingface.co permission. */
import { useId } from 'preact/hooks';
import { t } from '../../lib/i18n';
import { useAction } from '../../lib/pages/options/use-action';
import type { Settings } from '../../lib/setting-defaults';
import { FeedbackLine } from './FeedbackLine';
import type { OptionsActions } from './OptionsView';

export function HfSection({
  settings,
  actions,
}: {
  settings: Settings;
  actions: Pick<OptionsActions, 'setSetting' | 'hfPermissionFor'>;
}) {
  const id = useId();
  const { feedback, run } = useAction();
  const toggle = (key: 'hfDaily' | 'hfLiveVotes', input: HTMLInputElement) => {
    const on = input.checked;
    const other = key === 'hfDaily' ? settings.hfLiveVotes : settings.hfDaily;
    const before = settings[key];
    // Shown on only once it is on: while the browser asks for the permission the box stays unchecked.
    if (on) input.checked = false;
    // The permission request is the first asynchronous step, inside this click.
    void run(async () => {
      if (!(await actions.hfPermissionFor(on, other))) return { kind: 'error', text: t('options_hfPermissionDenied') };
      await actions.setSetting(key, on);
      return { kind: 'ok', text: t('options_saved') };
    }).then((shown) => {
      // Refused or failed: the box shows the setting as it still is.
      if (shown.kind === 'error') input.checked = before;
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
