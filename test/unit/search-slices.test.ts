/**
 * The worker builds the search index in slices so it keeps answering messages meanwhile: the sliced build gives
 * the very index the one-go build gives, and other tasks run while it goes (over the whole real corpus:
 * test/corpus/search-slices.test.ts).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StoredPaper } from '../../lib/records';
import { buildSearchIndex, buildSearchIndexInSlices, search } from '../../lib/search';
import { sortInSteps } from '../../lib/search/build';

function paper(i: number): StoredPaper {
  return {
    arxivId: `2406.${String(10000 + i)}`,
    title: `Efficient attention number ${i} for LLMs`,
    votes: i % 7,
    authors: [`Author ${i % 13}`],
    media: null,
    sections: [{ label: null, text: `논문 ${i}: 효율적인 어텐션 방법을 제안합니다. Élan ${i % 5}` }],
    date: '2024-06-25',
    dates: ['2024-06-25'],
  };
}

function drain<T>(steps: Generator<void, T>): T {
  for (;;) {
    const s = steps.next();
    if (s.done) return s.value;
  }
}

describe('sortInSteps', () => {
  it('sorts exactly as Array.prototype.sort (UTF-16 code units), empty and astral strings included', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary' }), { maxLength: 200 }), (xs) => {
        expect(drain(sortInSteps(xs))).toEqual([...xs].sort());
      }),
    );
    expect(drain(sortInSteps(['b', '', 'a', '가', '😀', 'ab', 'B']))).toEqual(
      [...['b', '', 'a', '가', '😀', 'ab', 'B']].sort(),
    );
  });
});

describe('buildSearchIndexInSlices', () => {
  const papers = Array.from({ length: 1500 }, (_, i) => paper(i));

  it('gives the same index as the one-go build', async () => {
    expect(await buildSearchIndexInSlices(papers, 0, async () => {})).toEqual(buildSearchIndex(papers));
  });

  it('gives the thread back between slices: a timer set before it starts fires before it ends', async () => {
    let pauses = 0;
    let timerFired = false;
    let firedBeforeEnd = false;
    setTimeout(() => {
      timerFired = true;
    }, 0);
    const index = await buildSearchIndexInSlices(papers, 0, async () => {
      pauses++;
      await new Promise((r) => setTimeout(r, 0));
      firedBeforeEnd ||= timerFired;
    });
    expect(pauses).toBeGreaterThan(20);
    expect(firedBeforeEnd).toBe(true);
    expect(search(index, 'attention 1499', 5).papers[0]?.arxivId).toBe('2406.11499');
  });
});
