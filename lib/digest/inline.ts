/**
 * Inline markdown of digest text (section text, titles) as a flat token list for components to render as
 * elements. Never HTML, never nested: a marked span's content is kept as raw text.
 *
 * - `***x***` / `___x___` → bold-italic, `**x**` / `__x__` → bold, `*x*` / `_x_` → italic. The content must not
 *   start or end with whitespace; `_` markers must not touch a letter or digit outside (so `snake_case` stays).
 * - `` `x` `` → code (raw).
 * - `$x$` / `$$x$$` → math with the raw TeX (no delimiters): content must not start or end with whitespace and the
 *   closing `$` must not be followed by a digit (so `$5 and $10` stays text).
 * - `[t](url)` → link when url is http(s); any other scheme (javascript:, data:, relative) gives text `t` only.
 *   Bare `http(s)://…` URLs become links too (trailing `.,;:!?` and an unbalanced `)` are left out).
 * - `\` before an ASCII punctuation marker (`\*`, `\_`, `` \` ``, `\$`, `\[`, `\]`, `\\`) yields it literally.
 * - Anything unbalanced or unmatched is literal text. Adjacent text is merged; no token has empty text.
 */
import { type Meter, NO_METER } from './meter';
import type { InlineToken } from './types';
import { isHttpUrl } from './url';

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

function runLength(s: string, i: number, ch: string): number {
  let n = 0;
  while (s[i + n] === ch) n++;
  return n;
}

/** End index (exclusive) of a closing run of exactly `n` × `ch` found after `from`, or -1. */
function findClosing(s: string, from: number, ch: string, n: number): number {
  let i = s.indexOf(ch, from);
  while (i >= 0) {
    const len = runLength(s, i, ch);
    if (len === n && !isSpace(s.charCodeAt(i - 1)) && (ch !== '_' || !isWordChar(s.charCodeAt(i + n)))) {
      return i + n;
    }
    i = s.indexOf(ch, i + len);
  }
  return -1;
}

/**
 * For every `open` char the index of its matching `close` (nested pairs counted, `\\x` skipped), else -1. One stack
 * pass instead of a forward scan per `[`, which was quadratic on inputs like `[[[[…`.
 */
function matchPairs(s: string, open: string, close: string): Int32Array {
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

/** Index of the `$`/`$$` closing math whose body starts at `body`: not after a space or `\\`, not before a digit. */
function findMathClose(s: string, body: number, delim: string): number {
  let close = s.indexOf(delim, body);
  while (close > body) {
    const before = s.charCodeAt(close - 1);
    const after = s.charCodeAt(close + delim.length);
    if (!isSpace(before) && before !== 92 && !(after >= 48 && after <= 57)) return close;
    close = s.indexOf(delim, close + 1);
  }
  return -1;
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
    if (t.type === 'text') {
      buf += t.text;
      return;
    }
    flush();
    out.push(t);
  };

  // Closer searches that failed: none exists after that point, so later openers of the same kind skip the search
  // (keeps the scan linear on inputs like `*a *a *a …`). Bracket/paren matches are computed once, when needed.
  const noCloser = new Set<string>();
  let brackets: Int32Array | null = null;
  let parens: Int32Array | null = null;

  let i = 0;
  while (i < s.length) {
    const c = s[i] as string;

    if (c === '\\' && i + 1 < s.length && ESCAPABLE.includes(s[i + 1] as string)) {
      buf += s[i + 1];
      i += 2;
      continue;
    }
    if (c === '`') {
      const n = runLength(s, i, '`');
      const key = `\`${n}`;
      const close = noCloser.has(key) ? -1 : s.indexOf('`'.repeat(n), i + n);
      if (!noCloser.has(key)) meter.chars += (close < 0 ? s.length : close + n) - (i + n);
      if (close < 0) noCloser.add(key);
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
      const n = Math.min(runLength(s, i, '$'), 2);
      const delim = n === 2 ? '$$' : '$';
      const body = i + n;
      if (!isSpace(s.charCodeAt(body)) && !noCloser.has(delim)) {
        const close = findMathClose(s, body, delim);
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
      const n = runLength(s, i, c);
      const leftOk = c === '*' || !isWordChar(s.charCodeAt(i - 1));
      const key = c + n;
      if (n <= 3 && leftOk && !isSpace(s.charCodeAt(i + n)) && !noCloser.has(key)) {
        const end = findClosing(s, i + n, c, n);
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
      brackets ??= matchPairs(s, '[', ']');
      const close = brackets[i] ?? -1;
      if (close > i && s[close + 1] === '(') {
        parens ??= matchPairs(s, '(', ')');
        const paren = parens[close + 1] ?? -1;
        if (paren > close) {
          const label = s.slice(i + 1, close);
          const href = s.slice(close + 2, paren).trim();
          if (isHttpUrl(href)) push({ type: 'link', text: label || href, href });
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
      let end = i;
      while (end < s.length && !isSpace(s.charCodeAt(end)) && s[end] !== '<' && s[end] !== '>') end++;
      meter.chars += 2 * (end - i);
      let open = 0;
      let shut = 0;
      for (let k = i; k < end; k++) {
        if (s[k] === '(') open++;
        else if (s[k] === ')') shut++;
      }
      for (;;) {
        const last = s[end - 1];
        if (last !== undefined && '.,;:!?\'"'.includes(last)) end--;
        else if (last === ')' && open < shut) {
          end--;
          shut--;
        } else break;
      }
      const url = s.slice(i, end);
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
