/** The `k` smallest of `n` distinct numeric keys, ascending, with a bounded max-heap: O(n log k). */
export function smallest(keys: Float64Array, n: number, k: number): number[] {
  if (k <= 0) return [];
  if (n <= k) return Array.from(keys.subarray(0, n)).sort((a, b) => a - b);
  const heap = new Float64Array(k);
  let size = 0;
  for (let i = 0; i < n; i++) {
    const v = keys[i] ?? 0;
    if (size < k) {
      let j = size++;
      while (j > 0) {
        const parent = (j - 1) >> 1;
        const pv = heap[parent] ?? 0;
        if (pv >= v) break;
        heap[j] = pv;
        j = parent;
      }
      heap[j] = v;
    } else if (v < (heap[0] ?? 0)) {
      let j = 0;
      for (;;) {
        const l = 2 * j + 1;
        if (l >= k) break;
        const r = l + 1;
        const c = r < k && (heap[r] ?? 0) > (heap[l] ?? 0) ? r : l;
        const cv = heap[c] ?? 0;
        if (cv <= v) break;
        heap[j] = cv;
        j = c;
      }
      heap[j] = v;
    }
  }
  return Array.from(heap).sort((a, b) => a - b);
}
