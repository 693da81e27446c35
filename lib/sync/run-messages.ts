/** Every run-level message, in one place (stored as `lastError`; a later step turns them into codes). */

function when(t: number): string {
  return `${new Date(t).toISOString().replace('T', ' ').slice(0, 16)} UTC`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export const RUN_MESSAGES = {
  recordFailed: (e: unknown) => `could not record the sync state: ${String(e)}`,
  slowDown: (until: number) => `the server asked to slow down; next try after ${when(until)}`,
  source: (error: string) => `source URL: ${error}`,
  badIndex: (error: string) => `the day index could not be read: ${error}`,
  stopped: () => 'sync was stopped',
  no304: () => 'the server answered 304 to a request without validators',
  indexFailed: (message: string) => `could not download the day index: ${message}`,
  unreadable: (e: unknown) => `the file could not be read: ${e instanceof Error ? e.message : String(e)}`,
  noPapers: () => 'the file lists no papers',
  storeFailed: (e: unknown) => `could not store the day: ${e instanceof Error ? e.message : e}`,
  storeFailedAny: () => 'could not store a day',
  left: (n: number) => `; ${plural(n, 'day')} left for the next run`,
  offline: () => 'could not connect to the server (offline?)',
  filesFailed: (n: number, path: string, message: string) =>
    `${plural(n, 'day file')} could not be synced (e.g. ${path}: ${message}); they will be retried later`,
  future: (dates: readonly string[]) =>
    `the day index lists ${plural(dates.length, 'day')} after tomorrow (UTC), refused: ` +
    `${dates.slice(0, 3).join(', ')}${dates.length > 3 ? ', …' : ''}`,
  failed: (e: unknown) => `sync failed: ${e instanceof Error ? e.message : String(e)}`,
} as const;
