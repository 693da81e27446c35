/**
 * Which day files a run requests (pure). Days come newest first from the index.
 * - A day not stored yet is requested (unconditionally: a 304 would not give us its body), unless its file is
 *   backing off after failures (`nextRetryAt` in the future) → `deferred`.
 * - A stored day among the newest `revalidateDays` listed days is revalidated with its validators
 *   (upstream appends a second run to the same day's file), also subject to backoff.
 * - Any other stored day is not requested.
 */
import type { FileState } from '../db/schema';
import type { Validators } from './fetch-file';
import { dayPath } from './source';

export interface DayTask {
  date: string;
  path: string;
  stored: boolean;
  /** Validators for a conditional request (stored days only). */
  validators: Validators | null;
  /** Failed attempts in a row so far. */
  attempts: number;
}

export interface Plan {
  tasks: DayTask[];
  /** Days skipped this run because their file is backing off. */
  deferred: string[];
}

export interface PlanInput {
  /** Listed days, newest first. */
  days: readonly string[];
  storedDates: ReadonlySet<string>;
  files: ReadonlyMap<string, FileState>;
  now: number;
  revalidateDays: number;
  /** Current source base; validators recorded for another source are not sent. */
  source: string;
}

export function planDays(input: PlanInput): Plan {
  const tasks: DayTask[] = [];
  const deferred: string[] = [];
  input.days.forEach((date, i) => {
    const path = dayPath(date);
    const stored = input.storedDates.has(date);
    if (stored && i >= input.revalidateDays) return;
    const fs = input.files.get(path);
    if (fs?.nextRetryAt != null && fs.nextRetryAt > input.now) {
      deferred.push(date);
      return;
    }
    const sameSource = fs !== undefined && (fs.source === null || fs.source === input.source);
    const validators =
      stored && fs && sameSource && (fs.etag || fs.lastModified)
        ? { etag: fs.etag, lastModified: fs.lastModified }
        : null;
    tasks.push({ date, path, stored, validators, attempts: fs?.attempts ?? 0 });
  });
  return { tasks, deferred };
}
