import { describe, expect, it } from 'vitest';
import { parseCsv, parseIndex } from '../../lib/sync/csv-index';
import { indexCsv, miniDays } from '../support/corpus-server';

describe('parseCsv', () => {
  it('handles quotes, commas, doubled quotes, line breaks in quotes, CRLF/LF/CR and a BOM', () => {
    const text = '\uFEFFa,b\r\n1,"x, ""y"""\n2,"multi\nline"\r3,plain\r\n';
    expect(parseCsv(text)).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', 'x, "y"'] },
      { line: 3, fields: ['2', 'multi\nline'] },
      { line: 5, fields: ['3', 'plain'] },
    ]);
  });
  it('keeps a last row without a line end; null on an unterminated quote', () => {
    expect(parseCsv('a\n1')).toEqual([
      { line: 1, fields: ['a'] },
      { line: 2, fields: ['1'] },
    ]);
    expect(parseCsv('a\n"1')).toBeNull();
  });
});

describe('parseIndex', () => {
  it('lists the days newest first with their row counts', () => {
    const csv =
      'date,title,url\r\n2024-06-25,"A, B",https://arxiv.org/abs/1\r\n2024-06-26,C,u\r\n\r\n2024-06-25,D,u\r\n';
    expect(parseIndex(csv)).toEqual({
      ok: true,
      days: [
        { date: '2024-06-26', titles: 1 },
        { date: '2024-06-25', titles: 2 },
      ],
    });
  });
  it('finds the date column by name', () => {
    expect(parseIndex('title,Date\nx,2024-01-02\n')).toEqual({ ok: true, days: [{ date: '2024-01-02', titles: 1 }] });
  });
  it('reads an index written the way upstream writes it (generated days, CRLF, quoted titles)', () => {
    const days = miniDays(5, 4);
    const r = parseIndex(indexCsv(days));
    expect(r.ok && r.days.map((d) => d.date)).toEqual(days.map((d) => d.date).reverse());
  });
  it.each([
    ['', { code: 'indexEmpty' }],
    ['<!DOCTYPE html><html><body>Rate limit</body></html>', { code: 'indexNoDate' }],
    ['date,title,url\n', { code: 'indexNoDays' }],
    ['date,title,url\n2024-06-25,"unterminated,u\n', { code: 'indexQuote' }],
    [
      'date,title,url\n2024-06-25,a,u\n2024-13-40,b,u\n',
      { code: 'indexBadDate', params: { value: '"2024-13-40"', line: 3 } },
    ],
    ['date,title,url\nyesterday,a,u\n', { code: 'indexBadDate' }],
  ])('rejects a malformed index %j', (text, why) => {
    expect(parseIndex(text)).toMatchObject({ ok: false, error: why });
  });
});
