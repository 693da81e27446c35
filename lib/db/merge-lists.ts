/**
 * The two list merges of stored records, one home for the sync (./write-day) and the import (./data-io). Both are
 * linear in the lengths of their inputs (a Set, one pass): a stored day and a file may list thousands of ids.
 * Pure.
 *
 * - unionIds(first, second): a day's paper ids, `first` in its order, then what `second` adds.
 * - unionDatesDesc(a, b): a paper's digest dates, newest first without repeats.
 */

/** `first` as it is, then the ids of `second` not seen yet (in `second`'s order, each once). */
export function unionIds(first: readonly string[], second: readonly string[]): string[] {
  const seen = new Set(first);
  const out = [...first];
  for (const id of second) {
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(id);
  }
  return out;
}

/**
 * The union of two date lists that are each newest first (`YYYY-MM-DD` compares as text), newest first and without
 * repeats: one merge pass, no sort.
 */
export function unionDatesDesc(a: readonly string[], b: readonly string[]): string[] {
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = a[i];
    const y = b[j];
    let next: string;
    if (y === undefined || (x !== undefined && x > y)) {
      next = x as string;
      i++;
    } else if (x === undefined || y > x) {
      next = y;
      j++;
    } else {
      next = x;
      i++;
      j++;
    }
    // Repeats within one list are adjacent (it is sorted), so comparing with the last one drops them too.
    if (out[out.length - 1] !== next) out.push(next);
  }
  return out;
}

/** Newest first, for `Array.prototype.sort` over `YYYY-MM-DD` dates. */
export const newestFirst = (a: string, b: string): number => (a < b ? 1 : a > b ? -1 : 0);
