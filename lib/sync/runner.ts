/**
 * `createSyncRunner(getDeps, hooks?)`: one sync at a time. `run()` starts a run, or returns the in-flight
 * run's promise when one is running (alarm + popup "sync now" + start-up share one run). Never rejects.
 * `live()` is what the status query needs (running flag and progress, which are not trusted from storage).
 * `stop()` aborts the running run (days written so far stay) and resolves when it has ended.
 * `restart()` stops the running run and starts a new one (the source URL changed: the old run must not go on).
 * `paused(fn)` stops the running run and keeps new runs waiting until `fn` is done (clearing the database).
 */
import type { LiveRun } from '../db/sync-state';
import { errorOf } from '../errors';
import type { SyncProgress } from '../records';
import { emptyReport, runSync, type SyncDeps, type SyncReport } from './run';

export interface SyncRunner {
  run(): Promise<SyncReport>;
  readonly running: boolean;
  live(): LiveRun;
  stop(): Promise<void>;
  restart(): Promise<SyncReport>;
  paused(fn: () => Promise<void>): Promise<void>;
}

export interface RunnerHooks {
  /** Called after every run (e.g. to set the next alarm at `report.nextRun`). */
  onFinish?: (report: SyncReport) => void | Promise<void>;
}

export function createSyncRunner(getDeps: () => SyncDeps | Promise<SyncDeps>, hooks: RunnerHooks = {}): SyncRunner {
  let inflight: Promise<SyncReport> | null = null;
  let progress: SyncProgress | null = null;
  let abort: AbortController | null = null;
  let pause: Promise<unknown> | null = null;

  const start = async (ctl: AbortController): Promise<SyncReport> => {
    let report: SyncReport;
    try {
      const deps = await getDeps();
      const outer = deps.signal;
      if (outer?.aborted) ctl.abort();
      outer?.addEventListener('abort', () => ctl.abort(), { once: true });
      report = await runSync({
        ...deps,
        signal: ctl.signal,
        onProgress: (p) => {
          progress = p;
          deps.onProgress?.(p);
        },
      });
    } catch (e) {
      const t = Date.now();
      report = {
        ...emptyReport(t),
        error: [errorOf(e, 'syncFailed')],
        nextRun: t + 3_600_000,
      };
    }
    try {
      await hooks.onFinish?.(report);
    } catch {
      // The hook's failure is the caller's; the run itself is over.
    }
    return report;
  };

  const runner: SyncRunner = {
    run() {
      if (pause) return pause.then(() => runner.run());
      if (!inflight) {
        progress = { done: 0, total: 0 };
        abort = new AbortController();
        inflight = start(abort).finally(() => {
          inflight = null;
          progress = null;
          abort = null;
        });
      }
      return inflight;
    },
    get running() {
      return inflight !== null;
    },
    live() {
      return { running: inflight !== null, progress };
    },
    async stop() {
      const current = inflight;
      if (!current) return;
      abort?.abort();
      await current;
    },
    async restart() {
      await runner.stop();
      return runner.run();
    },
    async paused(fn) {
      while (pause) await pause.catch(() => undefined);
      const job = runner.stop().then(fn);
      pause = job;
      try {
        await job;
      } finally {
        pause = null;
      }
    },
  };
  return runner;
}
