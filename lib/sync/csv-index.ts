/**
 * Parsing `paper_logs/papers_list.csv` (`date,title,url` with a header line) into the list of days.
 *
 * Tolerant of: a UTF-8 BOM, CRLF / LF / CR line ends, quoted fields with commas, quotes (`""`) and line
 * breaks, blank lines, extra columns, columns in another order (found by header name).
 * Malformed (→ `{ ok: false, error }`, and the caller leaves stored data untouched): no `date` column in the
 * header, an unterminated quote, a row whose date is not a real `YYYY-MM-DD` day, or no rows at all.
 * Days after tomorrow (UTC) parse here and are refused by ./plan at each run: the stored day list keeps them, so a
 * day refused today is synced once its date comes, and the run names the refused days in its error.
 * Errors are codes (lib/errors.ts `index*`).
 */
import { type AppError, appError } from '../errors';

export interface IndexDay {
  date: string;
  /** Rows listed for the day (the digest may hold a different number of papers). */
  titles: number;
}

export type IndexParse = { ok: true; days: IndexDay[] } | { ok: false; error: AppError };

/**
 * RFC 4180 rows; null when a quoted field never ends. Each row carries its 1-based starting line. One pass with
 * `charCodeAt` and slices (a character-by-character string took ~80 ms for upstream's 0.56 MB index).
 */
export function parseCsv(text: string): { line: number; fields: string[] }[] | null {
  const rows: { line: number; fields: string[] }[] = [];
  const n = text.length;
  let fields: string[] = [];
  let line = 1;
  let rowLine = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  /** Whether the last field read ended its row (at a line end or the end of the text). */
  let rowEnded = true;
  while (i < n) {
    let field: string;
    if (text.charCodeAt(i) === 34) {
      // A quoted field: runs up to each `"`, a doubled `""` is one quote.
      field = '';
      let k = i + 1;
      for (;;) {
        const q = text.indexOf('"', k);
        if (q < 0) return null;
        for (let j = k; j < q; j++) if (text.charCodeAt(j) === 10) line++;
        field += text.slice(k, q);
        if (text.charCodeAt(q + 1) === 34) {
          field += '"';
          k = q + 2;
        } else {
          k = q + 1;
          break;
        }
      }
      // Text after the closing quote up to the delimiter belongs to the field (as the old reader kept it).
      let e = k;
      while (e < n) {
        const c = text.charCodeAt(e);
        if (c === 44 || c === 10 || c === 13) break;
        e++;
      }
      // Anything after the closing quote, a `"` included, is read literally up to the delimiter.
      if (e > k) field += text.slice(k, e);
      i = e;
    } else {
      let e = i;
      while (e < n) {
        const c = text.charCodeAt(e);
        if (c === 44 || c === 10 || c === 13) break;
        e++;
      }
      field = text.slice(i, e);
      i = e;
    }
    fields.push(field);
    const c = text.charCodeAt(i);
    if (c === 44) {
      i++;
      rowEnded = false;
      if (i === n) fields.push('');
      continue;
    }
    // A line end or the end of the text ends the row.
    rows.push({ line: rowLine, fields });
    fields = [];
    rowEnded = true;
    if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
    if (i < n) {
      i++;
      line++;
      rowLine = line;
      if (i === n) break;
    }
  }
  if (!rowEnded && fields.length > 0) rows.push({ line: rowLine, fields });
  return rows;
}

function isRealDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

export function parseIndex(text: string): IndexParse {
  const rows = parseCsv(text);
  if (!rows) return { ok: false, error: appError('indexQuote') };
  const nonBlank = rows.filter((r) => !(r.fields.length === 1 && r.fields[0]?.trim() === ''));
  const header = nonBlank[0];
  if (!header) return { ok: false, error: appError('indexEmpty') };
  const col = header.fields.findIndex((f) => f.trim().toLowerCase() === 'date');
  if (col < 0) return { ok: false, error: appError('indexNoDate') };
  // Rows per day; a day is checked once (thousands of rows name a few hundred days).
  const counts = new Map<string, number>();
  for (const row of nonBlank.slice(1)) {
    const date = (row.fields[col] ?? '').trim();
    if (!counts.has(date) && !isRealDate(date)) {
      return {
        ok: false,
        error: appError('indexBadDate', { value: JSON.stringify(date.slice(0, 40)), line: row.line }),
      };
    }
    counts.set(date, (counts.get(date) ?? 0) + 1);
  }
  if (counts.size === 0) return { ok: false, error: appError('indexNoDays') };
  const days = [...counts].map(([date, titles]) => ({ date, titles }));
  days.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  return { ok: true, days };
}
