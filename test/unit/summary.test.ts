import { describe, expect, it } from 'vitest';
import type { Section } from '../../lib/digest/types';
import { plainText } from '../../lib/show';
import { clip, firstSentenceOf, leadSection, sortByVotes } from '../../lib/summary';

describe('firstSentenceOf', () => {
  it.each([
    ['이 논문은 새로운 방법을 제안합니다. 실험 결과 성능이 향상되었습니다.', '이 논문은 새로운 방법을 제안합니다.'],
    ['한 문장뿐입니다', '한 문장뿐입니다'],
    ['정확도가 3.5% 향상되었습니다. 다음.', '정확도가 3.5% 향상되었습니다.'],
    ['GPT-4o (e.g. 멀티모달)를 평가했습니다. 끝.', 'GPT-4o (e.g. 멀티모달)를 평가했습니다.'],
    ['Smith et al. 의 연구를 확장합니다. 끝.', 'Smith et al. 의 연구를 확장합니다.'],
    ['정말일까? 그렇다.', '정말일까?'],
    ['놀랍다! 그렇다.', '놀랍다!'],
    ['수식 $a. b$ 를 사용합니다. 끝.', '수식 $a. b$ 를 사용합니다.'],
    ['코드 `x. y` 를 씁니다. 끝.', '코드 `x. y` 를 씁니다.'],
    ['**굵은 문장입니다.** 다음 문장.', '**굵은 문장입니다.**'],
    ['여러   공백이\n있는 문장입니다. 끝.', '여러 공백이 있는 문장입니다.'],
    ['  ', ''],
    ['v1.2.3 버전을 씁니다. 끝.', 'v1.2.3 버전을 씁니다.'],
    ['최근 몇 년(ex. 2023년) 동안 발전했습니다. 끝.', '최근 몇 년(ex. 2023년) 동안 발전했습니다.'],
    ['모델(예: GPT. 그리고 Claude)을 비교합니다. 끝.', '모델(예: GPT. 그리고 Claude)을 비교합니다.'],
    ['괄호가 닫히지 않음 (끝까지', '괄호가 닫히지 않음 (끝까지'],
    ['This is complex. Next.', 'This is complex.'],
  ])('%j → %j', (text, want) => {
    expect(firstSentenceOf(text)).toBe(want);
  });
  it('caps a very long sentence at a word boundary with an ellipsis', () => {
    const long = `${'가나다 '.repeat(100)}끝.`;
    const out = firstSentenceOf(long, 50);
    expect(out.length).toBeLessThanOrEqual(50);
    expect(out.endsWith('…')).toBe(true);
    expect(out).not.toMatch(/ …$/);
  });
  it('gives the same answer from a long text as from its start (the scan stops at max)', () => {
    const texts = [
      `${'vs. '.repeat(20_000)}`,
      `${'가나다 '.repeat(60)}끝. ${'x'.repeat(50_000)}`,
      `짧은 문장입니다.${' '.repeat(5_000)}다음 문장.`,
      `${' \n'.repeat(3_000)}공백 뒤의 문장입니다. 다음.`,
      `3.${' '.repeat(900)}5 는 소수가 아닙니다. 다음.`,
    ];
    for (const text of texts) {
      for (const max of [20, 160, 220]) {
        const whole = firstSentenceOf(text, Number.POSITIVE_INFINITY);
        expect(firstSentenceOf(text, max)).toBe(clip(whole, max));
      }
    }
  });
});

describe('clip', () => {
  it.each([
    ['short', 10, 'short'],
    ['aaaa bbbb cccc', 10, 'aaaa bbbb…'],
    ['abcdefghijklmnop', 10, 'abcdefghi…'],
  ])('%j at %d → %j', (s, max, want) => {
    expect(clip(s, max)).toBe(want);
  });
});

const S = (label: string | null, text: string): Section => ({ label, text });

describe('leadSection, then its first sentence (the one-line preview)', () => {
  it.each([
    [[S("What's New", '새로움. 둘.'), S('Technical Details', '기술.')], '새로움.'],
    [[S('Technical Details', '기술.'), S("What's New", '새로움.')], '새로움.'],
    [[S('Whats New', '철자 변형.')], '철자 변형.'],
    [[S(null, '평범한 글머리표입니다. 둘.'), S(null, '두 번째.')], '평범한 글머리표입니다.'],
    [[S(null, '   '), S(null, '비어있지 않음.')], '비어있지 않음.'],
    [[], ''],
  ])('%j → %j', (sections, want) => {
    const lead = leadSection(sections);
    expect(lead ? firstSentenceOf(lead.text) : '').toBe(want);
  });
  it('returns null without text', () => {
    expect(leadSection([S('x', '')])).toBeNull();
  });
});

describe('plainText', () => {
  it.each([
    ['**굵게** 그리고 *기울임*', '굵게 그리고 기울임'],
    ['***What***', 'What'],
    ['[링크](https://example.org) 텍스트', '링크 텍스트'],
    ['수식 $x^2$ 유지', '수식 x^2 유지'],
    ['평범한 문장', '평범한 문장'],
  ])('%j → %j', (text, want) => {
    expect(plainText(text)).toBe(want);
  });
});

describe('sortByVotes', () => {
  const P = (id: string, votes: number | null) => ({ id, votes });
  it.each([
    [
      [P('a', 1), P('b', 75), P('c', 54)],
      ['b', 'c', 'a'],
    ],
    [
      [P('a', null), P('b', 3), P('c', null), P('d', 0)],
      ['b', 'd', 'a', 'c'],
    ],
    [
      [P('a', 5), P('b', 5), P('c', 7)],
      ['c', 'a', 'b'],
    ],
    [[], []],
  ])('%j → %j', (papers, order) => {
    expect(sortByVotes(papers).map((p) => p.id)).toEqual(order);
  });
  it('does not mutate its input', () => {
    const input = [P('a', 1), P('b', 2)];
    sortByVotes(input);
    expect(input.map((p) => p.id)).toEqual(['a', 'b']);
  });
});
