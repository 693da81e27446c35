/**
 * Sync engine public API (no browser APIs beyond fetch/IndexedDB; the background wires alarms and settings):
 * - createSyncRunner(getDeps, hooks?) → { run(), running, live() }   (./runner)
 * - runSync(deps) → SyncReport                                        (./run)
 * - nextAlarmAt(input) → ms since epoch                               (./retry)
 * - startupPlan(db, now), rescheduleAt(db, now, hours)                (./schedule)
 * - validateSourceUrl(url) → { ok, url } | { ok: false, error }       (./source)
 * - parseIndex(csvText) → { ok, days } | { ok: false, error }         (./csv-index)
 */
export { type IndexDay, type IndexParse, parseCsv, parseIndex } from './csv-index';
export { type FetchLike, type FetchResult, fetchText, type Validators } from './fetch-file';
export { type DayTask, type Plan, planDays } from './plan';
export { type AlarmInput, backoffDelay, fileRetryAt, nextAlarmAt, parseRetryAfter } from './retry';
export { DEFAULTS, type IndexOutcome, runSync, type SyncDeps, type SyncReport } from './run';
export { createSyncRunner, type RunnerHooks, type SyncRunner } from './runner';
export { rescheduleAt, type StartupPlan, startupPlan } from './schedule';
export { dayPath, INDEX_PATH, type SourceCheck, sourceUrl, validateSourceUrl } from './source';
