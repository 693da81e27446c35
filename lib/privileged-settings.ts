/**
 * The rules of the privileged settings (lib/setting-defaults.ts `PRIVILEGED_DEFAULTS`): what a `setSettings` patch
 * may hold, and how a stored record is read back (a field that is missing or of the wrong kind falls back to its
 * default, so an old or damaged record never stops the extension). Pure. Refusals are codes (lib/errors.ts
 * `settings*`), which the pages word in the UI language.
 */
import { type AppError, appError } from './errors';
import { isModelName, MAX_MODEL_CHARS, validateBaseUrl } from './gen/endpoint';
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

type Check<T> = { ok: true; v: T } | AppError;

const bool =
  (key: string) =>
  (v: unknown): Check<boolean> =>
    typeof v === 'boolean' ? { ok: true, v } : appError('settingsBoolean', { key });

/** One field's check: the value to store, or why not. */
const FIELDS: { [K in keyof PrivilegedSettings]: (v: unknown) => Check<PrivilegedSettings[K]> } = {
  sourceUrl: (v) => {
    if (typeof v !== 'string') return appError('settingsString', { key: 'sourceUrl' });
    const check = validateSourceUrl(v);
    return check.ok ? { ok: true, v: check.url } : appError('settingsUrl', { key: 'sourceUrl', cause: check.error });
  },
  syncIntervalHours: (v) =>
    isHours(v) ? { ok: true, v } : appError('settingsHours', { min: MIN_SYNC_HOURS, max: MAX_SYNC_HOURS }),
  hfDaily: bool('hfDaily'),
  hfLiveVotes: bool('hfLiveVotes'),
  summaryProvider: (v) =>
    SUMMARY_PROVIDERS.includes(v as SummaryProvider)
      ? { ok: true, v: v as SummaryProvider }
      : appError('settingsProvider', { list: SUMMARY_PROVIDERS.join(', ') }),
  providerBaseUrl: (v) => {
    if (v === '') return { ok: true, v };
    if (typeof v !== 'string') return appError('settingsString', { key: 'providerBaseUrl' });
    const check = validateBaseUrl(v);
    return check.ok
      ? { ok: true, v: check.url }
      : appError('settingsUrl', { key: 'providerBaseUrl', cause: check.error });
  },
  providerModel: (v) =>
    v === '' || (typeof v === 'string' && isModelName(v.trim()))
      ? { ok: true, v: (v as string).trim() }
      : appError('settingsModel', { max: MAX_MODEL_CHARS }),
  autoSummarize: bool('autoSummarize'),
};

const isRefusal = (r: Check<unknown>): r is AppError => 'code' in r;

/**
 * Validates an untrusted patch: only known keys, each valid. Returns the normalised patch, or why not: `problem` as
 * a code the pages word, `error` the same in a few words for the protocol's logs (lib/background/requests.ts `checkRequest`).
 */
export function parseSettingsPatch(
  raw: unknown,
): { ok: true; patch: SettingsPatch } | { ok: false; error: string; problem: AppError } {
  const refuse = (problem: AppError) => ({ ok: false as const, error: `setting refused (${problem.code})`, problem });
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return refuse(appError('settingsNotObject'));
  const patch: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (!Object.hasOwn(FIELDS, key)) return refuse(appError('settingsUnknown', { key: key.slice(0, 40) }));
    const r = FIELDS[key as keyof PrivilegedSettings](value);
    if (isRefusal(r)) return refuse(r);
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
    if (!isRefusal(r)) Object.assign(out, { [key]: r.v });
  }
  return out;
}
