/**
 * The rules of the privileged settings (lib/setting-defaults.ts `PRIVILEGED_DEFAULTS`): what a `setSettings` patch
 * may hold, and how a stored record is read back (a field that is missing or of the wrong kind falls back to its
 * default, so an old or damaged record never stops the extension). Pure.
 */
import { isModelName, validateBaseUrl } from './gen/endpoint';
import {
  PRIVILEGED_DEFAULTS,
  type PrivilegedSettings,
  SUMMARY_PROVIDERS,
  type SummaryProvider,
} from './setting-defaults';
import { validateSourceUrl } from './sync/source';

export const MIN_SYNC_HOURS = 1;
export const MAX_SYNC_HOURS = 168;

export type SettingsPatch = Partial<PrivilegedSettings>;

const isHours = (v: unknown): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= MIN_SYNC_HOURS && v <= MAX_SYNC_HOURS;

/** One field's check: the value to store, or an error in plain words. */
const FIELDS: { [K in keyof PrivilegedSettings]: (v: unknown) => { ok: true; v: PrivilegedSettings[K] } | string } = {
  sourceUrl: (v) => {
    if (typeof v !== 'string') return 'sourceUrl must be a string';
    const check = validateSourceUrl(v);
    return check.ok ? { ok: true, v: check.url } : `sourceUrl: ${check.error}`;
  },
  syncIntervalHours: (v) =>
    isHours(v)
      ? { ok: true, v }
      : `syncIntervalHours must be a whole number of hours in ${MIN_SYNC_HOURS}..${MAX_SYNC_HOURS}`,
  hfDaily: (v) => (typeof v === 'boolean' ? { ok: true, v } : 'hfDaily must be true or false'),
  hfLiveVotes: (v) => (typeof v === 'boolean' ? { ok: true, v } : 'hfLiveVotes must be true or false'),
  summaryProvider: (v) =>
    SUMMARY_PROVIDERS.includes(v as SummaryProvider)
      ? { ok: true, v: v as SummaryProvider }
      : `summaryProvider must be one of ${SUMMARY_PROVIDERS.join(', ')}`,
  providerBaseUrl: (v) => {
    if (v === '') return { ok: true, v };
    if (typeof v !== 'string') return 'providerBaseUrl must be a string';
    const check = validateBaseUrl(v);
    return check.ok ? { ok: true, v: check.url } : `providerBaseUrl: ${check.error}`;
  },
  providerModel: (v) =>
    v === '' || (typeof v === 'string' && isModelName(v.trim()))
      ? { ok: true, v: (v as string).trim() }
      : 'providerModel must be a model name (no spaces, at most 200 characters)',
  autoSummarize: (v) => (typeof v === 'boolean' ? { ok: true, v } : 'autoSummarize must be true or false'),
};

/** Validates an untrusted patch: only known keys, each valid. Returns the normalised patch or an error. */
export function parseSettingsPatch(raw: unknown): { ok: true; patch: SettingsPatch } | { ok: false; error: string } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { ok: false, error: 'patch must be an object' };
  const patch: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (!Object.hasOwn(FIELDS, key)) return { ok: false, error: `unknown setting ${key.slice(0, 40)}` };
    const r = FIELDS[key as keyof PrivilegedSettings](value);
    if (typeof r === 'string') return { ok: false, error: r };
    patch[key] = r.v;
  }
  return { ok: true, patch: patch as SettingsPatch };
}

/** A stored record (or anything) read back field by field; invalid or missing fields take their defaults. */
export function readStoredSettings(raw: unknown): PrivilegedSettings {
  const out = { ...PRIVILEGED_DEFAULTS };
  if (typeof raw !== 'object' || raw === null) return out;
  for (const key of Object.keys(FIELDS) as (keyof PrivilegedSettings)[]) {
    const r = FIELDS[key]((raw as Record<string, unknown>)[key]);
    if (typeof r !== 'string') Object.assign(out, { [key]: r.v });
  }
  return out;
}
