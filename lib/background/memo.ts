/**
 * `memo(compute)`: one answer kept in the worker's memory until `invalidate()` (the stored data changed). A
 * computation that fails is not kept; one that was running when the data changed is not kept either (whoever asked
 * before the change gets it, later askers get a fresh one). The worker may be killed at any time; the next
 * question simply computes again.
 */
export interface Memo<T> {
  get(): Promise<T>;
  /** Whether an answer is kept (or being computed). */
  has(): boolean;
  invalidate(): void;
}

export function memo<T>(compute: () => Promise<T>): Memo<T> {
  let kept: Promise<T> | null = null;
  return {
    get() {
      if (!kept) {
        const running = compute();
        kept = running;
        running.catch(() => {
          if (kept === running) kept = null;
        });
      }
      return kept;
    },
    has: () => kept !== null,
    invalidate() {
      kept = null;
    },
  };
}
