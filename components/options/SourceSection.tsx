/** Options: the digest source URL (validated; its host permission is asked for on save) and "use the default". */
import { useId, useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import { useAction } from '../../lib/pages/options/use-action';
import { DEFAULT_SOURCE_URL } from '../../lib/setting-defaults';
import { FeedbackLine } from './FeedbackLine';
import type { OptionsActions } from './OptionsView';

export function SourceSection({ initial, save }: { initial: string; save: OptionsActions['saveSourceUrl'] }) {
  const id = useId();
  const helpId = useId();
  const [value, setValue] = useState(initial);
  const { busy, feedback, run } = useAction();
  const submit = (e: Event) => {
    e.preventDefault();
    // save asks for the host permission first thing, still inside this user gesture.
    void run(async () => {
      const r = await save(value);
      if (r.url) setValue(r.url);
      return r;
    });
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
