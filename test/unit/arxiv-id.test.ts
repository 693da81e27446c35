import { describe, expect, it } from 'vitest';
import { arxivIdFromUrl, isArxivIdKey, isNewStyleIdKey, normaliseArxivId, parseArxivId } from '../../lib/arxiv-id.ts';
import { CHANNEL } from '../../lib/messages.ts';
import { parseRequest } from '../support/requests';

type Kind = 'new-id' | 'old-id' | 'abs' | 'pdf' | 'html' | 'format';

/** Every recogniser, by the kind it stands for. An example must be accepted by its own kind only. */
const recognisers: Record<Kind, (s: string) => boolean> = {
  'new-id': (s) => parseArxivId(s)?.style === 'new',
  'old-id': (s) => parseArxivId(s)?.style === 'old',
  abs: (s) => arxivIdFromUrl(s)?.kind === 'abs',
  pdf: (s) => arxivIdFromUrl(s)?.kind === 'pdf',
  html: (s) => arxivIdFromUrl(s)?.kind === 'html',
  format: (s) => arxivIdFromUrl(s)?.kind === 'format',
};

function acceptedBy(s: string): Kind[] {
  return (Object.keys(recognisers) as Kind[]).filter((k) => recognisers[k](s));
}

/** [input, normalised id, version] */
type Example = [string, string, number | null];

const examples: Record<Kind, Example[]> = {
  'new-id': [
    ['2406.16793', '2406.16793', null],
    ['2406.16793v2', '2406.16793', 2],
    ['0704.0001', '0704.0001', null],
    ['1412.9999v10', '1412.9999', 10],
    ['1501.00001', '1501.00001', null],
    ['2501.00001v1', '2501.00001', 1],
  ],
  'old-id': [
    ['hep-th/9901001', 'hep-th/9901001', null],
    ['hep-th/9901001v3', 'hep-th/9901001', 3],
    ['math.GT/0309136', 'math/0309136', null],
    ['cs/0112017', 'cs/0112017', null],
    ['cond-mat/0703999', 'cond-mat/0703999', null],
    ['hep-th/9108001', 'hep-th/9108001', null],
  ],
  abs: [
    ['https://arxiv.org/abs/2406.16793', '2406.16793', null],
    ['https://arxiv.org/abs/2406.16793v2', '2406.16793', 2],
    ['http://www.arxiv.org/abs/2406.16793?context=cs.LG#abstract', '2406.16793', null],
    ['https://export.arxiv.org/abs/hep-th/9901001v1', 'hep-th/9901001', 1],
    ['https://browse.arxiv.org/abs/math.GT/0309136', 'math/0309136', null],
    ['https://ARXIV.org/abs/2406.16793/', '2406.16793', null],
    ['https://arxiv.org/abs/hep-th%2F9901001', 'hep-th/9901001', null],
    ['https://arxiv.org/abs?id=2406.16793', '2406.16793', null],
    ['https://browse.arxiv.org/abs?id=2406.16793v2&fmt=txt', '2406.16793', 2],
    ['https://arxiv.org/abs?context=cs&id=hep-th%2F9901001', 'hep-th/9901001', null],
  ],
  pdf: [
    ['https://arxiv.org/pdf/2406.16793', '2406.16793', null],
    ['https://arxiv.org/pdf/2406.16793v2', '2406.16793', 2],
    ['https://arxiv.org/pdf/2406.16793.pdf', '2406.16793', null],
    ['https://arxiv.org/pdf/2406.16793v1.pdf', '2406.16793', 1],
    ['http://export.arxiv.org/pdf/cs/0112017v1.pdf', 'cs/0112017', 1],
  ],
  html: [
    ['https://arxiv.org/html/2406.16793v1', '2406.16793', 1],
    ['https://arxiv.org/html/2406.16793v1/', '2406.16793', 1],
    ['https://arxiv.org/html/2406.16793v1/#S1', '2406.16793', 1],
    ['https://arxiv.org/html/2406.16793', '2406.16793', null],
    ['https://browse.arxiv.org/html/2406.18521v2#bib.bib3', '2406.18521', 2],
  ],
  format: [
    ['https://arxiv.org/format/2406.16793', '2406.16793', null],
    ['https://arxiv.org/format/2406.16793v2', '2406.16793', 2],
    ['https://arxiv.org/format/hep-th/9901001', 'hep-th/9901001', null],
  ],
};

/** Accepted by no recogniser at all. */
const notArxiv: string[] = [
  '',
  ' 2406.16793',
  '2406.16793 ',
  'arXiv:2406.16793',
  '2413.00001',
  '2400.00001',
  '2406.1679',
  '2406.167930',
  '1501.0001',
  '1412.00001',
  '0703.0001',
  '0612.1234',
  '2406.00000',
  '2406.16793v0',
  '2406.16793v',
  'HEP-TH/9901001',
  'hep-th/990100',
  'hep-th/99010011',
  'hep-th/9913001',
  'hep-th/9106001',
  'hep-th/0704001',
  'hep-th/9901000',
  'hep_th/9901001',
  '-hep/9901001',
  'https://arxiv.org.evil.com/abs/2406.16793',
  'https://notarxiv.org/abs/2406.16793',
  'https://evil.com/arxiv.org/abs/2406.16793',
  'https://arxiv.org@evil.com/abs/2406.16793',
  'https://arxiv.org:8443/abs/2406.16793',
  'https://arxiv.org/list/cs.CL/new',
  'https://arxiv.org/abs/',
  'https://arxiv.org/abs',
  'https://arxiv.org/abs?id=',
  'https://arxiv.org/abs?id=2413.00001',
  'https://arxiv.org/abs?id=%202406.16793',
  'https://arxiv.org/abs?id=arXiv:2406.16793',
  'https://arxiv.org/abs/?id=2406.16793',
  'https://arxiv.org/pdf?id=2406.16793',
  'https://arxiv.org.evil.com/abs?id=2406.16793',
  'https://arxiv.org/abs/2413.00001',
  'https://arxiv.org/abs/1501.0001',
  'https://arxiv.org/abs/2406.16793.pdf',
  'https://arxiv.org/abs/2406.16793/extra',
  'https://arxiv.org/abs//2406.16793',
  'https://arxiv.org/html/2406.16793v1/x1.png',
  'https://arxiv.org/src/2406.16793',
  'https://arxiv.org/search/?query=2406.16793',
  'https://arxiv.org/?abs=2406.16793',
  'https://huggingface.co/papers/2406.16793',
  'javascript:alert(1)//arxiv.org/abs/2406.16793',
  'javascript://arxiv.org/abs/2406.16793',
  'ftp://arxiv.org/abs/2406.16793',
  'file:///abs/2406.16793',
  'arxiv.org/abs/2406.16793',
  '/abs/2406.16793',
  'https://arxiv.org/abs/2406.16793%',
];

describe('arXiv id and URL recognisers: each example is accepted by its own kind only', () => {
  for (const [kind, rows] of Object.entries(examples) as [Kind, Example[]][]) {
    it.each(rows)(`${kind}: %s`, (input, id, version) => {
      expect(acceptedBy(input)).toEqual([kind]);
      const parsed = kind.endsWith('-id') ? parseArxivId(input) : arxivIdFromUrl(input);
      expect(parsed).toMatchObject({ id, version, style: id.includes('/') ? 'old' : 'new' });
    });
  }
  it.each(notArxiv)('not arXiv: %j', (input) => {
    expect(acceptedBy(input)).toEqual([]);
  });
});

describe('arxivIdFromUrl', () => {
  it('accepts URL objects and reports the page kind', () => {
    expect(arxivIdFromUrl(new URL('https://arxiv.org/pdf/2406.16793v2'))).toEqual({
      id: '2406.16793',
      version: 2,
      style: 'new',
      kind: 'pdf',
    });
  });
  it('does not resolve relative URLs against anything', () => {
    expect(arxivIdFromUrl('/abs/2406.16793')).toBeNull();
  });
});

describe('normaliseArxivId', () => {
  it.each([
    ['2406.16793', '2406.16793'],
    ['2406.16793v2', '2406.16793'],
    ['arXiv:2406.16793v2', '2406.16793'],
    ['ARXIV: 2406.16793', '2406.16793'],
    ['  arXiv:hep-th/9901001v1 \n', 'hep-th/9901001'],
    ['math.GT/0309136', 'math/0309136'],
  ])('%j → %s', (input, id) => {
    expect(normaliseArxivId(input)).toBe(id);
  });
  it.each(['', 'arXiv:', 'arXiv:2413.00001', 'doi:2406.16793', 'https://arxiv.org/abs/2406.16793'])(
    '%j → null',
    (input) => {
      expect(normaliseArxivId(input)).toBeNull();
    },
  );
});

describe('one id rule for keys: messages and Hugging Face answers use the id module', () => {
  it.each([
    ['2406.16793', true, true],
    ['1412.1234', true, true],
    ['hep-th/9901001', true, false],
    ['0612.1234', false, false], // new-style ids start in April 2007
    ['2413.12345', false, false], // month 13
    ['9912.12345', true, true], // December 2099: the scheme's last month, a valid shape
    ['1412.12345', false, false],
    ['2406.16793v2', false, false], // keys carry no version
    ['math.GT/0309136', false, false], // keys are normalised
    [' 2406.16793', false, false],
    [2406.16793, false, false],
  ])('%s: key %s, new-style key %s', (v, key, newKey) => {
    expect(isArxivIdKey(v)).toBe(key);
    expect(isNewStyleIdKey(v)).toBe(newKey);
    const msg = parseRequest({ channel: CHANNEL, type: 'getPaper', payload: { arxivId: v } });
    expect(typeof msg === 'string').toBe(!key);
  });
});
