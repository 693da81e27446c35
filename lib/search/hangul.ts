/**
 * Korean as it is typed. An IME shows a half-typed syllable as the query's last character: typing `모델` shows
 * `모` → `몯` → `모데` → `모델`. Neither `몯` nor `모데` is a prefix of `모델`, so the last character of a query
 * that is still being typed is widened to every syllable it may become:
 * - a syllable without a final consonant (`데`) → any final (`데`…`뎋`);
 * - a syllable with a final (`몯`) → itself, or the final moved on to start the next syllable (`모` + `다`…`딯`);
 *   double finals split (`닭` → `달` + `가`…`깋`);
 * - a lone initial consonant (`ㄷ`, NFKC `ᄃ`) → any syllable starting with it.
 */

/** Terms that start with `head` followed by one UTF-16 unit in `[lo, hi]`. */
export interface Pattern {
  head: string;
  lo: number;
  hi: number;
}

const SYLLABLE_FIRST = 0xac00;
const SYLLABLE_LAST = 0xd7a3;
const CHOSEONG_FIRST = 0x1100;
const CHOSEONG_LAST = 0x1112;
const PER_INITIAL = 588; // 21 vowels × 28 finals
const PER_VOWEL = 28;

/**
 * For each final consonant index (1–27): the final left on the syllable and the initial consonant (0–18) that
 * starts the next syllable when the next key is a vowel.
 */
const FINAL_SPLIT: ReadonlyArray<readonly [number, number]> = [
  [0, 0], // unused (no final)
  [0, 0], // ㄱ
  [0, 1], // ㄲ
  [1, 9], // ㄳ
  [0, 2], // ㄴ
  [4, 12], // ㄵ
  [4, 18], // ㄶ
  [0, 3], // ㄷ
  [0, 5], // ㄹ
  [8, 0], // ㄺ
  [8, 6], // ㄻ
  [8, 7], // ㄼ
  [8, 9], // ㄽ
  [8, 16], // ㄾ
  [8, 17], // ㄿ
  [8, 18], // ㅀ
  [0, 6], // ㅁ
  [0, 7], // ㅂ
  [17, 9], // ㅄ
  [0, 9], // ㅅ
  [0, 10], // ㅆ
  [0, 11], // ㅇ
  [0, 12], // ㅈ
  [0, 14], // ㅊ
  [0, 15], // ㅋ
  [0, 16], // ㅌ
  [0, 17], // ㅍ
  [0, 18], // ㅎ
];

function initialRange(head: string, initial: number): Pattern {
  const lo = SYLLABLE_FIRST + initial * PER_INITIAL;
  return { head, lo, hi: lo + PER_INITIAL - 1 };
}

/** The plain prefix pattern of a (non-empty) word. */
export function literal(word: string): Pattern {
  const c = word.charCodeAt(word.length - 1);
  return { head: word.slice(0, -1), lo: c, hi: c };
}

/** Patterns for the last word of a query still being typed (see the module comment). */
export function typingPatterns(word: string): Pattern[] {
  const c = word.charCodeAt(word.length - 1);
  const head = word.slice(0, -1);
  if (c >= CHOSEONG_FIRST && c <= CHOSEONG_LAST) return [initialRange(head, c - CHOSEONG_FIRST)];
  if (c < SYLLABLE_FIRST || c > SYLLABLE_LAST) return [literal(word)];
  const final = (c - SYLLABLE_FIRST) % PER_VOWEL;
  if (final === 0) return [{ head, lo: c, hi: c + PER_VOWEL - 1 }];
  const [kept, initial] = FINAL_SPLIT[final] ?? [0, 0];
  const shortened = String.fromCharCode(c - final + kept);
  return [literal(word), initialRange(head + shortened, initial)];
}
