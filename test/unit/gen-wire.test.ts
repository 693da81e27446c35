/**
 * The offscreen wire's parsers (lib/gen/chrome-ai/wire.ts): what each side accepts, the words of each refusal, and
 * that only known fields come through.
 */
import { describe, expect, it } from 'vitest';
import { parseHostReply, parseHostRequest, WIRE_MAX_ABSTRACT } from '../../lib/gen/chrome-ai/wire';

const input = { arxivId: '2406.16793', title: 'A title', abstract: 'An abstract.' };
const result = {
  sections: [{ label: '초록 번역', text: '한국어' }],
  titleKo: '제목',
  model: 'Translator en→ko',
  usage: null,
};

describe('parseHostRequest', () => {
  it('takes the four requests', () => {
    expect(parseHostRequest({ kind: 'generate', input })).toEqual({ kind: 'generate', input });
    for (const kind of ['status', 'test', 'cancel']) expect(parseHostRequest({ kind })).toEqual({ kind });
  });

  it.each<[string, unknown, string]>([
    ['not an object', [{ kind: 'status' }], 'message must be an object'],
    ['an unknown kind', { kind: 'eval' }, 'unknown request kind'],
    ['a status carrying more', { kind: 'status', extra: 1 }, 'unexpected fields'],
    ['a generate carrying more', { kind: 'generate', input, extra: 1 }, 'unexpected fields'],
    [
      'input with an extra field',
      { kind: 'generate', input: { ...input, x: 1 } },
      'input must be {arxivId, title, abstract}',
    ],
    [
      'a versioned id',
      { kind: 'generate', input: { ...input, arxivId: '2406.16793v2' } },
      'arxivId must be an arXiv id',
    ],
    [
      'a blank title',
      { kind: 'generate', input: { ...input, title: '  ' } },
      'title must be text of at most 2000 characters',
    ],
    [
      'an overlong abstract',
      { kind: 'generate', input: { ...input, abstract: 'a'.repeat(WIRE_MAX_ABSTRACT + 1) } },
      `abstract must be text of at most ${WIRE_MAX_ABSTRACT} characters`,
    ],
  ])('refuses %s', (_name, raw, words) => {
    expect(parseHostRequest(raw)).toBe(words);
  });
});

describe('parseHostReply', () => {
  it('takes each reply and keeps only its known fields', () => {
    expect(parseHostReply({ kind: 'result', result: { ...result, extra: 1 }, more: 2 })).toEqual({
      kind: 'result',
      result,
    });
    expect(parseHostReply({ kind: 'partial', sections: result.sections, titleKo: null })).toEqual({
      kind: 'partial',
      sections: result.sections,
      titleKo: null,
    });
    expect(parseHostReply({ kind: 'status', status: 'downloadable' })).toEqual({
      kind: 'status',
      status: 'downloadable',
    });
    expect(parseHostReply({ kind: 'error', code: 'needsDownload', message: null })).toEqual({
      kind: 'error',
      code: 'needsDownload',
      message: null,
    });
    const usage = { inputTokens: 12, outputTokens: null };
    expect(parseHostReply({ kind: 'result', result: { ...result, usage } })).toEqual({
      kind: 'result',
      result: { ...result, usage },
    });
  });

  it.each<[string, unknown, string]>([
    ['not an object', 'result', 'reply must be an object'],
    ['an unknown kind', { kind: 'eval' }, 'unknown reply kind'],
    [
      'nine sections',
      { kind: 'partial', sections: Array(9).fill(result.sections[0]), titleKo: null },
      'malformed partial',
    ],
    ['a numeric label', { kind: 'partial', sections: [{ label: 5, text: '' }], titleKo: null }, 'malformed partial'],
    [
      'negative usage',
      { kind: 'result', result: { ...result, usage: { inputTokens: -1, outputTokens: 1 } } },
      'malformed result',
    ],
    ['no model', { kind: 'result', result: { ...result, model: undefined } }, 'malformed result'],
    ['a status Chrome never gives', { kind: 'status', status: 'ready' }, 'malformed status'],
    ['an overlong model name', { kind: 'tested', model: 'm'.repeat(101) }, 'malformed test answer'],
    ['an unknown error code', { kind: 'error', code: 'toString', message: null }, 'malformed error'],
  ])('refuses %s', (_name, raw, words) => {
    expect(parseHostReply(raw)).toBe(words);
  });
});
