/**
 * In the panel's place on a paper no digest covers: a compact offer. With no provider chosen it says so and can be
 * dismissed for good; with one, it holds the button that makes a Korean summary and says what is sent where before
 * anything is (the title and abstract to the endpoint's host, or nothing at all on-device). Pure.
 */

import { t, uiLang } from '../lib/i18n';
import type { GenerationInfo } from '../lib/messages';
import { type PanelTheme, rootClass } from './DigestPanel';

export interface SummaryOfferProps {
  generation: GenerationInfo;
  theme?: PanelTheme;
  /** How the last run ended (failed, or cancelled), in the UI language. */
  error: string | null;
  onGenerate(): void;
  onDismiss(): void;
  /** Opens the options page, where a provider is chosen. */
  onOpenOptions(): void;
}

export function SummaryOffer({ generation, theme, error, onGenerate, onDismiss, onOpenOptions }: SummaryOfferProps) {
  const none = generation.provider === 'none';
  const where = generation.host ? t('panel_genSendsTo', generation.host) : t('panel_genOnDevice');
  return (
    <section
      class={rootClass('akd-panel akd-offer', theme)}
      data-testid="summary-offer"
      aria-label={t('panel_title')}
      lang={uiLang()}
    >
      <p class="akd-text">
        {t('panel_genNoDigest')} {none ? t('panel_genChooseProvider') : where}
      </p>
      {none ? (
        <p class="akd-text">
          <button type="button" class="akd-linkbtn" data-testid="open-options" onClick={onOpenOptions}>
            {t('panel_genOpenOptions')}
          </button>{' '}
          <button type="button" class="akd-linkbtn" data-testid="dismiss-offer" onClick={onDismiss}>
            {t('panel_genDismiss')}
          </button>
        </p>
      ) : (
        <button type="button" class="akd-btn" data-testid="generate-summary" onClick={onGenerate}>
          {t('panel_genButton')}
        </button>
      )}
      {error && (
        <p class="akd-error" role="alert" data-testid="summary-error">
          {error}
        </p>
      )}
    </section>
  );
}
