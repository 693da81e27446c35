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

/** RFC 4180 rows; null when a quoted field never ends. Each row carries its 1-based starting line. */
export function parseCsv(text: string): { line: number; fields: string[] }[] | null {
  const rows: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const endRow = () => {
    fields.push(field);
    rows.push({ line: rowLine, fields });
    fields = [];
    field = '';
  };
  for (; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (c === '\n') line++;
        field += c;
      }
    } else if (c === '"' && field === '') {
      quoted = true;
    } else if (c === ',') {
      fields.push(field);
      field = '';
    } else if (c === '\r' || c === '\n') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRow();
      line++;
      rowLine = line;
    } else {
      field += c;
    }
  }
  if (quoted) return null;
  if (field !== '' || fields.length > 0) endRow();
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
  const counts = new Map<string, number>();
  for (const row of nonBlank.slice(1)) {
    const date = (row.fields[col] ?? '').trim();
    if (!isRealDate(date)) {
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
