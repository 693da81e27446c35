/** parseAuthors: the plain `a, b` form and the Python-list form of 2024-10-18..25. */
import { describe, expect, it } from 'vitest';
import { parseAuthors } from '../../lib/digest/authors';

describe('parseAuthors', () => {
  it('splits on commas, trims, drops empty names, keeps the upstream `+` ellipsis', () => {
    expect(parseAuthors(' Kim A ,, Lee B, +,  ')).toEqual(['Kim A', 'Lee B', '+']);
    expect(parseAuthors('')).toEqual([]);
    expect(parseAuthors('\u00a0Ünal Ö\u00a0, x')).toEqual(['Ünal Ö', 'x']);
  });

  it('reads only src[start, stop)', () => {
    const src = 'Authors: a, b\n- c, d';
    expect(parseAuthors(src, 8, src.indexOf('\n'))).toEqual(['a', 'b']);
  });

  it('reads a Python list repr: quotes, escapes, commas inside quotes', () => {
    expect(parseAuthors("['Brando Miranda', 'Leni Aniva']")).toEqual(['Brando Miranda', 'Leni Aniva']);
    expect(parseAuthors(`["O'Brien", 'a\\'b', 'Smith, Jr.', bare ]`)).toEqual(["O'Brien", "a'b", 'Smith, Jr.', 'bare']);
    expect(parseAuthors('[]')).toEqual([]);
    expect(parseAuthors("['unterminated")).toEqual(["['unterminated"]);
  });
});
