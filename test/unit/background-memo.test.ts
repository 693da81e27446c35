/** The worker's kept answer (the newest digest every popup opens with): computed once, dropped when data changes. */
import { describe, expect, it } from 'vitest';
import { memo } from '../../lib/background/memo';

/** A computation that answers the data as it is when it starts, and ends when the test says so. */
function source() {
  let data = 'day 1';
  let computed = 0;
  const ends: (() => void)[] = [];
  const compute = async () => {
    computed++;
    const seen = data;
    await new Promise<void>((resolve) => ends.push(resolve));
    if (seen === 'broken') throw new Error('database closed');
    return seen;
  };
  const endAll = async () => {
    await Promise.resolve();
    for (const end of ends.splice(0)) end();
  };
  return {
    compute,
    endAll,
    set: (d: string) => {
      data = d;
    },
    computed: () => computed,
  };
}

describe('memo', () => {
  it('answers from memory until invalidated, then from the changed data', async () => {
    const s = source();
    const m = memo(s.compute);
    const a = m.get();
    const b = m.get();
    await s.endAll();
    expect([await a, await b]).toEqual(['day 1', 'day 1']);
    expect(await m.get()).toBe('day 1');
    expect(s.computed()).toBe(1);

    s.set('day 2');
    expect(await m.get()).toBe('day 1'); // not told yet
    m.invalidate();
    const c = m.get();
    await s.endAll();
    expect(await c).toBe('day 2');
    expect(s.computed()).toBe(2);
  });

  it('an answer being computed when the data changes is not kept', async () => {
    const s = source();
    const m = memo(s.compute);
    const early = m.get();
    s.set('day 2');
    m.invalidate();
    const late = m.get();
    await s.endAll();
    expect(await early).toBe('day 1');
    expect(await late).toBe('day 2');
    expect(await m.get()).toBe('day 2');
    expect(s.computed()).toBe(2);
  });

  it('a failed computation is not kept: the next question computes again', async () => {
    const s = source();
    const m = memo(s.compute);
    s.set('broken');
    const failed = m.get();
    await s.endAll();
    await expect(failed).rejects.toThrow('database closed');
    expect(m.has()).toBe(false); // the search cache warms again only when nothing is kept
    s.set('day 3');
    const next = m.get();
    expect(m.has()).toBe(true);
    await s.endAll();
    expect(await next).toBe('day 3');
    m.invalidate();
    expect(m.has()).toBe(false);
  });
});
