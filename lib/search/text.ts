/**
 * Text normalisation shared by indexing and querying, so both sides agree on what a word is.
 *
 * A word is a maximal run of letters, digits and combining marks after NFKC + lowercasing; everything else
 * (spaces, punctuation, inline markdown markers `*` `_` `` ` `` `~`, brackets) separates words. Accents on Latin
 * letters are dropped (`Grégoire` is found by `gregoire`). Korean words keep their particles (`모델을`); queries
 * match them as prefixes.
 */
import { type Meter, NO_METER } from '../digest/meter';

const WORD_CHAR_RE = /^[\p{L}\p{N}\p{M}]$/u;
/** Latin letters with diacritics (Latin-1 Supplement to Latin Extended Additional). */
const ACCENTED_RE = /[\u00c0-\u024f\u1e00-\u1eff]/;
const COMBINING_RE = /[\u0300-\u036f]/g;

/** NFKC, lowercase, Latin accents removed (Hangul is recomposed unchanged). */
export function normalise(text: string): string {
  const s = text.normalize('NFKC').toLowerCase();
  return ACCENTED_RE.test(s) ? s.normalize('NFD').replace(COMBINING_RE, '').normalize('NFC') : s;
}

/** Letter, digit or combining mark at `s[i]` (`c` is its UTF-16 unit; astral code points are looked up whole). */
function isWordChar(c: number, s: string, i: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90);
  if (c >= 0xac00 && c <= 0xd7a3) return true; // Hangul syllables, the bulk of the text
  return WORD_CHAR_RE.test(String.fromCodePoint(s.codePointAt(i) ?? c));
}

/** What JS regexps call `\s`. */
function isRegExpSpace(c: number): boolean {
  return (
    (c >= 9 && c <= 13) ||
    c === 32 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * `text` without the `](url)` of its markdown links (`](`, then no `)` or whitespace, then `)`): the URL is not part
 * of the readable text. A hand scan, linear: a target scan that stops at whitespace or the end without finding `)`
 * means no `](` before that point has a target either, so the next search starts there (the regexp this replaces,
 * `/\]\([^)\s]*\)/g`, rescanned from every `](` and was quadratic on `](](](…`).
 */
export function withoutLinkTargets(text: string, meter: Meter = NO_METER): string {
  let at = text.indexOf('](');
  if (at < 0) {
    meter.chars += text.length;
    return text;
  }
  let out = '';
  let from = 0;
  while (at >= 0) {
    let q = at + 2;
    while (q < text.length && text.charCodeAt(q) !== 41 && !isRegExpSpace(text.charCodeAt(q))) q++;
    meter.chars += q - at;
    if (q < text.length && text.charCodeAt(q) === 41) {
      out += text.slice(from, at);
      from = q + 1;
      at = text.indexOf('](', from);
    } else at = text.indexOf('](', q);
  }
  meter.chars += 2 * text.length; // the searches between scans, the copy
  return out + text.slice(from);
}

/** Words of `text` (normalised), appended to `out`. Link targets of inline markdown links are skipped. */
export function words(text: string, out: string[] = [], meter: Meter = NO_METER): string[] {
  const s = normalise(withoutLinkTargets(text, meter));
  meter.chars += 4 * text.length + 2 * s.length; // normalisation (up to three passes), the scan, the word copies
  let start = -1;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const astral = c >= 0xd800 && c <= 0xdbff;
    if (isWordChar(c, s, i)) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      out.push(s.slice(start, i));
      start = -1;
    }
    if (astral) i++;
  }
  if (start >= 0) out.push(s.slice(start));
  return out;
}

/** ASCII letter or digit, or a Latin letter with a diacritic before normalisation removed it. */
export function isLatinChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 0xdf && c <= 0x24f);
}

/** Has at least one Latin letter (digits alone do not count). */
export function hasLatinLetter(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 0xdf && c <= 0x24f)) return true;
  }
  return false;
}
