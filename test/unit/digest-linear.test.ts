/**
 * Every step over digest text is linear in its size, checked by counting work (lib/digest/meter.ts: characters
 * looked at) for a hostile shape of n and of 2n characters, never by timing. Each shape once stalled the worker:
 * `getPaper` on a 64 KB line of `http://` took ~5 s, a first sentence over 512 KB of `vs. ` ~31 s, 1 MB of backtick
 * runs of decreasing length ~64 s.
 */
import { describe, expect, it } from 'vitest';
import { tokenizeInline } from '../../lib/digest/inline';
import { type Meter, meter } from '../../lib/digest/meter';
import { firstSentenceOf } from '../../lib/summary';

/** `'http://'` repeated up to about `size` characters, then a control character. */
const bareLinks = (size: number) => `${'http://'.repeat(Math.ceil(size / 7))}\x01`;
/** `'vs. '` repeated up to about `size` characters. */
const versus = (size: number) => 'vs. '.repeat(Math.ceil(size / 4));
/** Backtick runs of decreasing length (k, k-1, …, 1), each followed by `a`, about `size` characters in all. */
function decreasingBackticks(size: number): string {
  const parts: string[] = [];
  for (let k = Math.ceil(Math.sqrt(2 * size)); k > 0; k--) parts.push('`'.repeat(k));
  return parts.join('a');
}

/** Work per input character for `shape(size)`. */
function perChar(shape: (size: number) => string, run: (text: string, m: Meter) => void, size: number): number {
  const text = shape(size);
  const m = meter();
  run(text, m);
  return m.chars / text.length;
}

/**
 * Doubling the input at most doubles the work (per character within 15 %), and the work stays a small multiple of
 * the input. A quadratic step doubles its work per character instead.
 */
function expectLinear(shape: (size: number) => string, run: (text: string, m: Meter) => void, size = 16_384): void {
  const small = perChar(shape, run, size);
  const large = perChar(shape, run, 2 * size);
  expect(large / small).toBeLessThan(1.15);
  expect(large).toBeLessThan(16);
}

const SHAPES = [
  ['a 64 KB-style line of `http://`', bareLinks],
  ["512 KB-style `vs. '", versus],
  ['backtick runs of decreasing length', decreasingBackticks],
] as const;

describe('tokenizing digest text is linear', () => {
  it.each(SHAPES)('%s', (_, shape) => {
    expectLinear(shape, (text, m) => tokenizeInline(text, m));
  });
});

describe('the first sentence is found in linear time', () => {
  it.each(SHAPES)('%s', (_, shape) => {
    expectLinear(shape, (text, m) => firstSentenceOf(text, Number.POSITIVE_INFINITY, m));
  });
});
