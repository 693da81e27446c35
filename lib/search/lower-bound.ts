/** First index in sorted `arr` whose value is ≥ `s` (`arr.length` when there is none). */
export function lowerBound(arr: readonly string[], s: string): number {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((arr[mid] ?? '') < s) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
