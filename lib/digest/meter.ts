/**
 * Work done over untrusted digest text, counted in characters looked at, so tests can check that a step is linear in
 * its input without timing it (test/unit/digest-linear.test.ts compares the count for n and 2n characters). Each
 * scan adds what it looked at, including what a builtin goes over for it (`indexOf` up to its hit, a `slice` or
 * `toLowerCase` copy). Counting is one addition per scan, not per character, so it costs nothing measurable.
 */
export interface Meter {
  chars: number;
}

/** Where scans count when the caller gives no meter (nobody reads it). */
export const NO_METER: Meter = { chars: 0 };
