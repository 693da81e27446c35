function isWs(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

/**
 * Author names from the text after `Authors:`. Usually `a, b, c`; the files of 2024-10-18..2024-10-25 (125 lines)
 * have a Python list repr instead: `['a', 'b', "O'c"]`, read here as quoted strings with backslash escapes.
 * Reads `src[start, stop)` without copying it first. Names are trimmed and empty ones dropped. Never throws.
 * (No inner closures and one string per name: this runs once per entry.)
 */
export function parseAuthors(src: string, start = 0, stop: number = src.length): string[] {
  const out: string[] = [];
  let first = start;
  let last = stop;
  while (first < last && isWs(src.charCodeAt(first))) first++;
  while (last > first && isWs(src.charCodeAt(last - 1))) last--;
  if (last - first >= 2 && src.charCodeAt(first) === 91 && src.charCodeAt(last - 1) === 93) {
    return pythonList(src.slice(first, last), out);
  }
  const s = src;
  let from = first;
  while (from <= last) {
    let comma = from;
    while (comma < last && s.charCodeAt(comma) !== 44) comma++; // stays inside the line
    let a = from;
    let b = comma;
    while (a < b && isWs(s.charCodeAt(a))) a++;
    while (b > a && isWs(s.charCodeAt(b - 1))) b--;
    // ASCII-trimmed by index (one string per name); Unicode spaces at the ends are rare, trim() handles them.
    if (a < b) {
      const name = s.slice(a, b);
      const edge = name.charCodeAt(0) > 127 || name.charCodeAt(name.length - 1) > 127 ? name.trim() : name;
      if (edge) out.push(edge);
    }
    from = comma + 1;
  }
  return out;
}

/** Names from `['a', "b", c]` (brackets included in `s`). */
function pythonList(s: string, out: string[]): string[] {
  const end = s.length - 1;
  let i = 1;
  while (i < end) {
    const c = s[i];
    if (c === ',' || c === ' ' || c === '\t') {
      i++;
      continue;
    }
    let name = '';
    if (c === "'" || c === '"') {
      let j = i + 1;
      while (j < end && s[j] !== c) {
        if (s[j] === '\\' && j + 1 < end) j++;
        name += s[j];
        j++;
      }
      i = j + 1;
    } else {
      let comma = s.indexOf(',', i);
      if (comma < 0 || comma > end) comma = end;
      name = s.slice(i, comma);
      i = comma + 1;
    }
    name = name.trim();
    if (name) out.push(name);
  }
  return out;
}
