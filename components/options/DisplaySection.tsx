/** Options: UI language, the panel open by default, listing badges, and loading figures without asking. */
import { useId } from 'preact/hooks';
import { t } from '../../lib/i18n';
import { useAction } from '../../lib/pages/options/use-action';
import type { Settings, UiLanguage } from '../../lib/setting-defaults';
import { FeedbackLine } from './FeedbackLine';
import type { OptionsActions } from './OptionsView';

export function DisplaySection({
  settings,
  setSetting,
}: {
  settings: Settings;
  setSetting: OptionsActions['setSetting'];
}) {
  const id = useId();
  const { feedback, run } = useAction();
  const save = <K extends keyof Settings>(key: K, value: Settings[K]) => {
    void run(async () => {
      await setSetting(key, value);
      return { kind: 'ok', text: t('options_saved') };
    });
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
