/**
 * The import's notes (lib/export-format.ts `ImportNote`: what a file's records lost on the way in) as sentences in
 * the UI language, for the options page's import feedback. Repeated ids are named per day for up to
 * `MAX_DAYS_NAMED` days, and summed up beyond that (an old export may hold hundreds of days). Pure but for `t`.
 */
import type { ImportNote } from '../../export-format';
import { t } from '../../i18n';

export const MAX_DAYS_NAMED = 3;

export function importNotesText(notes: readonly ImportNote[]): string[] {
  const out: string[] = [];
  const days: { count: number; day: string }[] = [];
  for (const n of notes) {
    if (n.code === 'mediaDropped') out.push(t('options_importNoteMedia', n.count));
    else days.push(n);
  }
  if (days.length <= MAX_DAYS_NAMED) {
    for (const d of days) out.push(t('options_importNoteDuplicates', d.count, d.day));
  } else {
    const total = days.reduce((sum, d) => sum + d.count, 0);
    out.push(t('options_importNoteDuplicatesDays', total, days.length));
  }
  return out;
}
