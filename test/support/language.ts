/** Tests pin a UI language at once, from the statically bundled tables (pages load them on demand: lib/i18n). */
import { pinMessages } from '../../lib/i18n';
import { bundledMessages } from '../../lib/i18n-tables';
import type { UiLanguage } from '../../lib/setting-defaults';

export function applyLanguage(lang: UiLanguage): void {
  pinMessages(lang === 'auto' ? null : lang, lang === 'auto' ? null : bundledMessages(lang));
}
