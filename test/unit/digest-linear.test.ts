/**
 * Every step over digest text is linear in its size, checked by counting work (lib/digest/meter.ts: characters
 * looked at) for a hostile shape of n and of 2n characters, never by timing. The first three shapes stalled the
 * worker (issue 10): `getPaper` on a 64 KB line of `http://` took ~5 s, a first sentence over 512 KB of `vs. ` ~31 s,
 * 1 MB of backtick runs of decreasing length ~64 s; the others once took seconds at 60k characters.
 */
import { describe, expect, it } from 'vitest';
import { bareLinks, decreasingBackticks, openLinkTargets, versus } from '../../bench/hostile-shapes';
import { tokenizeInline } from '../../lib/digest/inline';
import type { Meter } from '../../lib/digest/meter';
import { parseDigest } from '../../lib/digest/parse';
import type { StoredPaper } from '../../lib/records';
import { buildSearchIndex } from '../../lib/search/build';
import { showPaperMetered } from '../../lib/show';
import { firstSentenceOf } from '../../lib/summary';

const repeat = (unit: string) => (size: number) => unit.repeat(Math.ceil(size / unit.length));

type Shape = (size: number) => string;
type Run = (text: string, m: Meter) => void;

/** Work per input character for `shape(size)`. */
function perChar(shape: Shape, run: Run, size: number): number {
  const text = shape(size);
  const m: Meter = { chars: 0 };
  run(text, m);
  return m.chars / text.length;
}

/**
 * Doubling the input at most doubles the work (per character within 15 %), and the work stays a small multiple of
 * the input. A quadratic step doubles its work per character instead.
 */
function expectLinear(shape: Shape, run: Run, limit = 16, size = 16_384): void {
  const small = perChar(shape, run, size);
  const large = perChar(shape, run, 2 * size);
  expect(large / small).toBeLessThan(1.15);
  expect(large).toBeLessThan(limit);
}

/** The three shapes of issue 10. */
const ISSUE_SHAPES: [string, Shape][] = [
  ['a line of `http://` ending in a control character', bareLinks],
  ['`vs. ` repeated', versus],
  ['backtick runs of decreasing length', decreasingBackticks],
];
/** Shapes that once made the tokenizer quadratic, and a few more against each of its searches. */
const MORE_SHAPES: [string, Shape][] = [
  ['`*a `', repeat('*a ')],
  ['`_a `', repeat('_a ')],
  ['`**a `', repeat('**a ')],
  ['`[`', repeat('[')],
  ['`[a](`', repeat('[a](')],
  ['`](` (once 56 s at 128 KB in the search index)', openLinkTargets],
  ['`$a `', repeat('$a ')],
  ['`$$a `', repeat('$$a ')],
  ['`` a` ``', repeat('a`')],
  ['`http://x)`', repeat('http://x)')],
  ['`http://` + `.` run', (size) => `http://${'.'.repeat(size)}`],
  ['`[https://a.org](https://b.org)`', repeat('[https://a.org](https://b.org)')],
  ['`.)`', repeat('.)')],
];

function paperWith(over: Partial<StoredPaper>): StoredPaper {
  return {
    arxivId: '2406.16793',
    title: 'T',
    votes: 1,
    authors: ['A'],
    media: null,
    sections: [],
    date: '2024-06-27',
    dates: ['2024-06-27'],
    ...over,
  };
}

describe('tokenizing digest text is linear', () => {
  it.each([...ISSUE_SHAPES, ...MORE_SHAPES])('%s', (_, shape) => {
    expectLinear(shape, (text, m) => tokenizeInline(text, m));
  });
});

describe('the first sentence is found in linear time', () => {
  it.each([...ISSUE_SHAPES, ...MORE_SHAPES])('%s', (_, shape) => {
    expectLinear(shape, (text, m) => firstSentenceOf(text, Number.POSITIVE_INFINITY, m));
  });
});

describe('parsing a digest is linear', () => {
  const HEAD = '### [T](https://arxiv.org/abs/2406.16793)\n- a\n';
  it.each([
    '### [T](https://arxiv.org/abs/2406.16793)\n',
    '- **no closing star\n',
    '![no link\n',
    '![](https://cdn-thumbnails.huggingface.co/a.png)\n',
    'Authors: one\n',
    'Authors: a, b, c, d, e, f, g',
    '### [',
    'Vote: x\n',
    'continued line\n',
    'stray\n## x\n',
  ])('%j repeated', (unit) => {
    expectLinear(repeat(unit), (text, m) => parseDigest(HEAD + text, null, m));
  });
  it.each(ISSUE_SHAPES)('%s as a title, authors and a section', (_, shape) => {
    expectLinear(
      shape,
      (text, m) => parseDigest(`### [${text}](https://arxiv.org/abs/2406.16793)\nAuthors: ${text}\n- ${text}`, null, m),
      24,
    );
  });
});

describe('showing a paper (what every getPaper, getDigest and search reply does) is linear', () => {
  it.each(ISSUE_SHAPES)('%s as a section, its lines and the title', (_, shape) => {
    expectLinear(
      shape,
      (text, m) =>
        showPaperMetered(
          paperWith({
            title: text,
            sections: [
              { label: "What's New", text },
              { label: null, text: text.replace(/ /g, '\n') },
            ],
          }),
          m,
        ),
      40,
    );
  });
});

describe('building the search index is linear (sorting the distinct words aside)', () => {
  it.each([...ISSUE_SHAPES, ...MORE_SHAPES])('%s', (_, shape) => {
    expectLinear(
      shape,
      (text, m) =>
        buildSearchIndex([paperWith({ title: text, authors: [text], sections: [{ label: null, text }] })], m),
      64,
    );
  });

  it('distinct words of 48 characters (the longest given substring suffixes)', () => {
    const distinctWords = (size: number) =>
      Array.from({ length: Math.ceil(size / 49) }, (_, i) => `w${i.toString(36).padStart(47, 'x')}`).join(' ');
    // 48² characters of suffixes per 49 of text, and their sort: a large constant, still linear.
    expectLinear(
      distinctWords,
      (text, m) => buildSearchIndex([paperWith({ sections: [{ label: null, text }] })], m),
      600,
    );
  });
});
