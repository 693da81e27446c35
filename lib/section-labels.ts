/**
 * Section labels of the digests shown in the UI language. The three standard labels are translated;
 * any other label (including Korean ones the digests sometimes use) is shown as written.
 */
import { type MessageKey, t } from './i18n';

const KNOWN: Readonly<Record<string, MessageKey>> = {
  "what's new": 'common_sectionWhatsNew',
  'technical details': 'common_sectionTechnicalDetails',
  'performance highlights': 'common_sectionPerformanceHighlights',
};

/** Comparison form: trimmed, lower case, curly apostrophes straightened, inner whitespace collapsed. */
function key(label: string): string {
  return label
    .trim()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

/** The message key of a standard label, or null for any other label. */
export function sectionLabelKey(label: string): MessageKey | null {
  return KNOWN[key(label)] ?? null;
}

/** The label as shown: translated when standard, as written (trimmed) otherwise. */
export function sectionLabel(label: string): string {
  const k = sectionLabelKey(label);
  return k ? t(k) : label.trim();
}
