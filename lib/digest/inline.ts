/**
 * Inline markdown of digest text (section text, titles) as a flat token list for components to render as
 * elements. Never HTML, never nested: a marked span's content is kept as raw text.
 *
 * - `***x***` / `___x___` → bold-italic, `**x**` / `__x__` → bold, `*x*` / `_x_` → italic. The content must not
 *   start or end with whitespace; `_` markers must not touch a letter or digit outside (so `snake_case` stays).
 * - `` `x` `` → code (raw): closed by the next run of exactly as many backticks (as in CommonMark).
 * - `$x$` / `$$x$$` → math with the raw TeX (no delimiters): content must not start or end with whitespace and the
 *   closing `$` must not be followed by a digit (so `$5 and $10` stays text).
 * - `[t](url)` → link when url is http(s); any other scheme (javascript:, data:, relative) gives text `t` only.
 *   A link whose text names another host than its URL shows the URL instead (./link-host.ts).
 *   Bare `http(s)://…` URLs become links too (up to whitespace, a control character, `<`, `>`, a brace or Korean
 *   text, as in "https://github.com/x에서"; trailing `.,;:!?'"` and an unbalanced `)` are left out).
 * - `\` before an ASCII punctuation marker (`\*`, `\_`, `` \` ``, `\$`, `\[`, `\]`, `\\`) yields it literally.
 * - Anything unbalanced or unmatched is literal text. Adjacent text is merged; no token has empty text.
 *
 * Linear in the text (issue 10: hostile digests stalled the worker): every closer search either consumes what it
 * scanned or is the last search of its kind (failed searches are remembered), backtick closers are looked up in a
 * table of runs built in one pass, and a bare URL scan only fails on a bare `http://`, which no later scan revisits.
 * `meter` counts the characters looked at (lib/digest/meter.ts) for the tests that check this.
 */
import { linkText } from './link-host';
import { type Meter, NO_METER } from './meter';
import type { InlineToken } from './types';
import { isHttpUrl, isUrlBreak } from './url';

export type { InlineToken };

const EMPHASIS = ['', 'italic', 'bold', 'bold-italic'] as const;
const ESCAPABLE = '*_`$[]\\';

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || Number.isNaN(c);
}

function isWordChar(c: number): boolean {
  if (Number.isNaN(c)) return false;
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c > 127;
}

function runLength(s: string, i: number, ch: string, meter: Meter): number {
  let n = 0;
  while (s[i + n] === ch) n++;
  meter.chars += n + 1;
  return n;
}

/** End index (exclusive) of a closing run of exactly `n` × `ch` found after `from`, or -1. */
function findClosing(s: string, from: number, ch: string, n: number, meter: Meter): number {
  let i = s.indexOf(ch, from);
  let end = -1;
  while (i >= 0) {
    const len = runLength(s, i, ch, meter);
    if (len === n && !isSpace(s.charCodeAt(i - 1)) && (ch !== '_' || !isWordChar(s.charCodeAt(i + n)))) {
      end = i + n;
      break;
    }
    i = s.indexOf(ch, i + len);
  }
  meter.chars += (end < 0 ? s.length : end) - from;
  return end;
}

/**
 * For every `open` char the index of its matching `close` (nested pairs counted, `\\x` skipped), else -1. One stack
 * pass instead of a forward scan per `[`, which was quadratic on inputs like `[[[[…`.
 */
function matchPairs(s: string, open: string, close: string, meter: Meter): Int32Array {
  meter.chars += 2 * s.length;
  const match = new Int32Array(s.length).fill(-1);
  const stack: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') i++;
    else if (c === open) stack.push(i);
    else if (c === close && stack.length > 0) match[stack.pop() as number] = i;
  }
  return match;
}

/**
 * Backtick runs of `s` (maximal, escapes ignored: code closers are raw) by length, found in one pass; closers are
 * looked up in position order, so each length's list is walked once in all.
 */
class BacktickRuns {
  private readonly starts = new Map<number, number[]>();
  private readonly next = new Map<number, number>();

  constructor(
    s: string,
    private readonly meter: Meter,
  ) {
    meter.chars += s.length;
    let i = s.indexOf('`');
    while (i >= 0) {
      let j = i + 1;
      while (s.charCodeAt(j) === 96) j++;
      const list = this.starts.get(j - i);
      if (list) list.push(i);
      else this.starts.set(j - i, [i]);
      i = s.indexOf('`', j);
    }
  }

  /** Start of the first run of exactly `n` backticks starting at or after `from`, or -1. Calls never go back. */
  closer(n: number, from: number): number {
    const list = this.starts.get(n);
    if (!list) return -1;
    let k = this.next.get(n) ?? 0;
    const k0 = k;
    while (k < list.length && (list[k] as number) < from) k++;
    this.next.set(n, k);
    this.meter.chars += k - k0 + 1;
    return list[k] ?? -1;
  }
}

/** Index of the `$`/`$$` closing math whose body starts at `body`: not after a space or `\\`, not before a digit. */
function findMathClose(s: string, body: number, delim: string, meter: Meter): number {
  let close = s.indexOf(delim, body);
  let found = -1;
  while (close > body) {
    const before = s.charCodeAt(close - 1);
    const after = s.charCodeAt(close + delim.length);
    if (!isSpace(before) && before !== 92 && !(after >= 48 && after <= 57)) {
      found = close;
      break;
    }
    close = s.indexOf(delim, close + 1);
  }
  meter.chars += (found < 0 ? s.length : found) - body;
  return found;
}

/**
 * Hangul (syllables, jamo, compatibility jamo). Upstream writes a Korean particle right after a bare URL
 * ("https://github.com/x에서": 129 times in the corpus, never a URL with Hangul inside), so a bare URL ends there.
 */
function isHangul(c: number): boolean {
  return (c >= 0xac00 && c <= 0xd7af) || (c >= 0x1100 && c <= 0x11ff) || (c >= 0x3130 && c <= 0x318f);
}

/**
 * End (exclusive) of the bare URL starting at `i`: up to whitespace, a control character, `<`, `>`, Korean text or
 * a brace (not a URL character; upstream's LaTeX `\href` leftovers read "https://github.com/x{Label}에서").
 */
function bareUrlEnd(s: string, i: number, meter: Meter): number {
  let end = i;
  let open = 0;
  let shut = 0;
  for (; end < s.length; end++) {
    const c = s.charCodeAt(end);
    if (c === 60 || c === 62 || c === 123 || c === 125 || isUrlBreak(c) || isHangul(c)) break;
    if (c === 40) open++;
    else if (c === 41) shut++;
  }
  meter.chars += end - i;
  for (;;) {
    const last = s[end - 1];
    if (last !== undefined && '.,;:!?\'"'.includes(last)) end--;
    else if (last === ')' && open < shut) {
      end--;
      shut--;
    } else break;
  }
  return end;
}

/** Tokenises one piece of inline markdown. Pure and total: any string gives a token list. */
export function tokenizeInline(text: string, meter: Meter = NO_METER): InlineToken[] {
  const s = typeof text === 'string' ? text : '';
  meter.chars += s.length;
  const out: InlineToken[] = [];
  let buf = '';
  const flush = () => {
    if (buf) out.push({ type: 'text', text: buf });
    buf = '';
  };
  const push = (t: InlineToken) => {
    meter.chars += t.text.length;
    if (t.type === 'text') {
      buf += t.text;
      return;
    }
    flush();
    out.push(t);
  };

  // Closer searches that failed: none exists after that point, so later openers of the same kind skip the search
  // (keeps the scan linear on inputs like `*a *a *a …`). Bracket/paren matches and backtick runs are computed
  // once, when needed.
  const noCloser = new Set<string>();
  let brackets: Int32Array | null = null;
  let parens: Int32Array | null = null;
  let backticks: BacktickRuns | null = null;

  let i = 0;
  while (i < s.length) {
    const c = s[i] as string;

    if (c === '\\' && i + 1 < s.length && ESCAPABLE.includes(s[i + 1] as string)) {
      buf += s[i + 1];
      i += 2;
      continue;
    }
    if (c === '`') {
      const n = runLength(s, i, '`', meter);
      backticks ??= new BacktickRuns(s, meter);
      const close = backticks.closer(n, i + n);
      if (close > i + n) {
        push({ type: 'code', text: s.slice(i + n, close) });
        i = close + n;
        continue;
      }
      buf += s.slice(i, i + n);
      i += n;
      continue;
    }
    if (c === '$') {
      const n = Math.min(runLength(s, i, '$', meter), 2);
      const delim = n === 2 ? '$$' : '$';
      const body = i + n;
      if (!isSpace(s.charCodeAt(body)) && !noCloser.has(delim)) {
        const close = findMathClose(s, body, delim, meter);
        if (close < 0) noCloser.add(delim);
        if (close > body) {
          push({ type: 'math', text: s.slice(body, close) });
          i = close + n;
          continue;
        }
      }
      buf += s.slice(i, i + n);
      i += n;
      continue;
    }
    if (c === '*' || c === '_') {
      const n = runLength(s, i, c, meter);
      const leftOk = c === '*' || !isWordChar(s.charCodeAt(i - 1));
      const key = c + n;
      if (n <= 3 && leftOk && !isSpace(s.charCodeAt(i + n)) && !noCloser.has(key)) {
        const end = findClosing(s, i + n, c, n, meter);
        if (end < 0) noCloser.add(key);
        if (end > i + 2 * n) {
          push({ type: EMPHASIS[n] as 'italic', text: s.slice(i + n, end - n) });
          i = end;
          continue;
        }
      }
      buf += s.slice(i, i + n);
      i += n;
      continue;
    }
    if (c === '[') {
      brackets ??= matchPairs(s, '[', ']', meter);
      const close = brackets[i] ?? -1;
      if (close > i && s[close + 1] === '(') {
        parens ??= matchPairs(s, '(', ')', meter);
        const paren = parens[close + 1] ?? -1;
        if (paren > close) {
          const label = s.slice(i + 1, close);
          const href = s.slice(close + 2, paren).trim();
          meter.chars += 2 * (paren - i);
          if (isHttpUrl(href)) push({ type: 'link', text: linkText(label, href, meter), href });
          else buf += label;
          i = paren + 1;
          continue;
        }
      }
      buf += c;
      i++;
      continue;
    }
    if (c === 'h' && (s.startsWith('http://', i) || s.startsWith('https://', i)) && !isWordChar(s.charCodeAt(i - 1))) {
      // Fails only when nothing but trailing punctuation follows the scheme; none of that starts a URL.
      const url = s.slice(i, bareUrlEnd(s, i, meter));
      if (isHttpUrl(url)) {
        push({ type: 'link', text: url, href: url });
        i += url.length;
        continue;
      }
    }
    buf += c;
    i++;
  }
  flush();
  return out;
}
