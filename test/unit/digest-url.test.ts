/** lib/digest/url.ts: where a URL ends, the same for the character loops (isUrlBreak) and the whole-URL check. */
import { describe, expect, it } from 'vitest';
import { isHttpUrl, isUrlBreak } from '../../lib/digest/url';

describe('isUrlBreak and isHttpUrl', () => {
  it('agree on every UTF-16 code unit: a URL holding one is refused exactly when it breaks a URL', () => {
    const disagree: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      if (isHttpUrl(`https://x.org/a${String.fromCharCode(c)}b`) === isUrlBreak(c)) disagree.push(c.toString(16));
    }
    expect(disagree).toEqual([]);
  });

  it('break at ASCII space and controls, DEL, C1 controls and Unicode whitespace; not at letters, Hangul or symbols', () => {
    for (const c of [
      0, 9, 10, 13, 32, 0x7f, 0x85, 0x9f, 0xa0, 0x1680, 0x2000, 0x200a, 0x2028, 0x2029, 0x202f, 0x3000, 0xfeff,
    ]) {
      expect(isUrlBreak(c), c.toString(16)).toBe(true);
    }
    for (const c of [33, 47, 65, 126, 0xa1, 0xe9, 0x200b, 0xac00, 0xd800, 0xff01]) {
      expect(isUrlBreak(c), c.toString(16)).toBe(false);
    }
  });

  it('isHttpUrl: http or https in any case, something after the slashes, nothing else', () => {
    expect(isHttpUrl('https://arxiv.org/abs/2406.16793')).toBe(true);
    expect(isHttpUrl('HTTP://x')).toBe(true);
    expect(isHttpUrl('https://')).toBe(false);
    expect(isHttpUrl('javascript:alert(1)//https://x')).toBe(false);
    expect(isHttpUrl(' https://x')).toBe(false);
    expect(isHttpUrl('ftp://x')).toBe(false);
    expect(isHttpUrl('https:/x')).toBe(false);
  });
});
