/**
 * Korean summaries as the UI words them: a generation error in the UI language (`gen_error_<code>`; a 429 that said
 * how long to wait says so in seconds), the provider's name, and a summary's date. For the panel and the pages.
 */
import { t } from '../i18n';
import type { GenErrorCode, ProviderId } from './types';

export function genErrorText(code: GenErrorCode, retryAfterMs: number | null = null): string {
  return code === 'rateLimited' && retryAfterMs
    ? t('gen_error_rateLimitedFor', Math.ceil(retryAfterMs / 1000))
    : t(`gen_error_${code}`);
}

/** `panel_genProvider_<id>` (`chrome-ai` → `chromeAi`: message names allow no hyphen). */
export function providerName(id: ProviderId): string {
  return t(`panel_genProvider_${id === 'chrome-ai' ? 'chromeAi' : id}`);
}

/** `YYYY-MM-DD` of `ms` in the user's time zone (the Swedish locale writes dates as ISO does). */
export function localDate(ms: number): string {
  return new Date(ms).toLocaleDateString('sv-SE');
}
