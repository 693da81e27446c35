/** Formatting for the options page. Pure. */

const UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;

/** `25.4 MB` / `25.4MB` (decimal units, one decimal from kB on) in `lang`. */
export function formatBytes(bytes: number, lang: string): string {
  let value = Math.max(0, bytes);
  let i = 0;
  while (value >= 1000 && i < UNITS.length - 1) {
    value /= 1000;
    i++;
  }
  return new Intl.NumberFormat(lang, {
    style: 'unit',
    unit: UNITS[i],
    unitDisplay: 'short',
    maximumFractionDigits: i === 0 ? 0 : 1,
  }).format(value);
}

/** Whether `s` is a whole number of hours in 1..168 (one week). */
export function parseIntervalHours(s: string): number | null {
  if (!/^\s*\d{1,3}\s*$/.test(s)) return null;
  const n = Number(s);
  return n >= 1 && n <= 168 ? n : null;
}
