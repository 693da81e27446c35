/**
 * `fetchPool`: `width` workers take tasks in order, fetch each, and hand the result to `settle` without waiting for
 * it, so fetching goes on while days wait for their transaction; only when `maxUnsettled` results are still being
 * settled does a worker wait for one of them (bounds memory on a slow disk). A worker takes no new task once
 * `stopped()` says so. Resolves when every task taken is fetched and settled; `settle` must not reject.
 */

/** Fetched days waiting for their transaction before the fetching waits too. */
export const MAX_UNSETTLED = 32;

export interface PoolOptions<T, R> {
  tasks: readonly T[];
  width: number;
  fetch: (task: T) => Promise<R>;
  settle: (task: T, result: R) => Promise<void>;
  stopped: () => boolean;
  maxUnsettled?: number;
}

export async function fetchPool<T, R>(opts: PoolOptions<T, R>): Promise<void> {
  const maxUnsettled = opts.maxUnsettled ?? MAX_UNSETTLED;
  const pending = new Set<Promise<void>>();
  let next = 0;
  const worker = async (): Promise<void> => {
    for (;;) {
      if (opts.stopped()) return;
      const task = opts.tasks[next++];
      if (task === undefined) return;
      const result = await opts.fetch(task);
      const settled = opts.settle(task, result);
      pending.add(settled);
      void settled.finally(() => pending.delete(settled));
      if (pending.size >= maxUnsettled) await Promise.race(pending);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, opts.width) }, worker));
  await Promise.all(pending); // the last fetched tasks (no worker adds any now)
}
