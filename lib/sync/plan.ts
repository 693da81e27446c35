/**
 * Which day files a run requests (pure). Days come newest first from the index.
 * - A listed day after tomorrow (UTC, lib/dates `isFarFuture`) is refused: never requested, reported in `future`
 *   (it would become "the newest digest" and pin papers' shown data for good).
 * - A day not stored yet is requested (unconditionally: a 304 would not give us its body), unless its file is
 *   backing off after failures (`nextRetryAt` in the future) → `deferred`.
 * - A stored day among the newest `revalidateDays` listed days is revalidated with its validators
 *   (upstream appends a second run to the same day's file), also subject to backoff.
 * - Any other stored day is not requested.
 * - At most `maxNew` days not stored yet per run, newest first; the ones past it wait for the next run → `later`
 *   (revalidations do not count: there are at most `revalidateDays` of them).
 */

import { isFarFuture } from '../dates';
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
  /** Listed days after tomorrow (UTC), refused. */
  future: string[];
  /** Days not stored yet that would be requested but for `maxNew`: the next run asks for them. */
  later: string[];
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
  /** Days not stored yet requested at most in one run. */
  maxNew: number;
}

export function planDays(input: PlanInput): Plan {
  const plan: Plan = { tasks: [], deferred: [], future: [], later: [] };
  let listed = 0;
  let fresh = 0;
  for (const date of input.days) {
    if (isFarFuture(date, input.now)) {
      plan.future.push(date);
      continue;
    }
    const i = listed++;
    const path = dayPath(date);
    const stored = input.storedDates.has(date);
    if (stored && i >= input.revalidateDays) continue;
    const fs = input.files.get(path);
    if (fs?.nextRetryAt != null && fs.nextRetryAt > input.now) {
      plan.deferred.push(date);
      continue;
    }
    if (!stored && fresh++ >= input.maxNew) {
      plan.later.push(date);
      continue;
    }
    const sameSource = fs !== undefined && (fs.source === null || fs.source === input.source);
    const validators =
      stored && fs && sameSource && (fs.etag || fs.lastModified)
        ? { etag: fs.etag, lastModified: fs.lastModified }
        : null;
    plan.tasks.push({ date, path, stored, validators, attempts: fs?.attempts ?? 0 });
  }
  return plan;
}
