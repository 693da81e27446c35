/** Search as a user typing into the popup sees it, over a handful of hand-written papers. */
import { describe, expect, it } from 'vitest';
import type { StoredPaper } from '../../lib/records.ts';
import { buildSearchIndex, search } from '../../lib/search.ts';

function paper(arxivId: string, over: Partial<StoredPaper> = {}): StoredPaper {
  return {
    arxivId,
    title: `Untitled ${arxivId}`,
    votes: 0,
    authors: [],
    media: null,
    sections: [],
    date: '2024-06-25',
    dates: ['2024-06-25'],
    ...over,
  };
}

const summary = (...texts: string[]) => texts.map((text) => ({ label: null, text }));

const papers: StoredPaper[] = [
  paper('2406.16793', {
    title: 'Diffusion Models Beat GANs on Image Synthesis',
    authors: ['Grégoire Mialon', 'Yann LeCun'],
    votes: 12,
    sections: [
      { label: "What's New", text: '이 논문은 **확산 모델을** 이용해 `torch.compile` 없이 이미지를 생성합니다.' },
      {
        label: 'Technical Details',
        text: '자세한 내용은 [코드 저장소](https://github.com/example/hiddenrepo)를 보세요.',
      },
    ],
  }),
  paper('2406.16794', {
    title: 'MLLMs Know Where to Look',
    authors: ['Alex Vision', 'Bo Chen'],
    votes: 40,
    sections: summary('멀티모달 대규모 언어 모델(MLLM)은 시각 정보를 활용합니다.'),
  }),
  paper('2407.00001', {
    title: 'Vision Transformers Need Registers',
    authors: ['Timothée Darcet'],
    votes: 5,
    sections: summary('레지스터 토큰을 추가하여 어텐션 맵의 인공물을 제거합니다.'),
  }),
  paper('2407.00002', {
    title: 'Scaling Laws for Reward Models',
    authors: ['Dana Park'],
    votes: 99,
    sections: summary('보상 모델의 vision 능력과 크기 사이의 관계를 분석합니다.'),
  }),
  paper('2405.00003', {
    title: 'The Era of 1-bit LLMs',
    authors: ['Shuming Ma'],
    votes: null,
    date: '2024-05-01',
    sections: summary('1비트 **LLM**은 효율적입니다.'),
  }),
];

const index = buildSearchIndex(papers);
const ids = (query: string, limit = 10) => search(index, query, limit).papers.map((p) => p.arxivId);
const total = (query: string) => search(index, query, 10).total;

describe('search: words', () => {
  it('matches Korean words by prefix, so particles do not get in the way', () => {
    expect(ids('확산')).toEqual(['2406.16793']);
    expect(ids('확산 모델을')).toEqual(['2406.16793']);
    expect(ids('모델')).toEqual(['2407.00002', '2406.16794', '2406.16793']);
  });

  it('does not match Korean text from the middle of a word', () => {
    expect(total('델을')).toBe(0);
  });

  it('matches English title words whatever their case, and their prefixes', () => {
    expect(ids('diffusion')).toEqual(['2406.16793']);
    expect(ids('DIFFUSION models')).toEqual(['2406.16793']);
    expect(ids('Regis')).toEqual(['2407.00001']);
  });

  it('finds Latin words of 3+ characters inside longer words, shorter ones only as prefixes', () => {
    expect(ids('llm')).toEqual(['2406.16794', '2405.00003']);
    expect(total('lm')).toBe(0);
  });

  it('matches author names case-insensitively and without accents', () => {
    expect(ids('yann lecun')).toEqual(['2406.16793']);
    expect(ids('LECUN')).toEqual(['2406.16793']);
    expect(ids('gregoire')).toEqual(['2406.16793']);
    expect(ids('Grégoire')).toEqual(['2406.16793']);
    expect(ids('timothee darcet')).toEqual(['2407.00001']);
  });

  it('ignores inline markdown markers and link targets', () => {
    expect(ids('compile')).toEqual(['2406.16793']);
    expect(ids('torch.compile')).toEqual(['2406.16793']);
    expect(ids('코드 저장소를')).toEqual(['2406.16793']);
    expect(total('hiddenrepo')).toBe(0);
  });

  it('requires every word (AND), wherever each one is found', () => {
    expect(ids('diffusion 확산')).toEqual(['2406.16793']);
    expect(ids('vision 레지스터')).toEqual(['2407.00001']);
    expect(total('diffusion 레지스터')).toBe(0);
  });

  it('folds full-width and other compatibility characters (NFKC)', () => {
    expect(ids('ＤＩＦＦＵＳＩＯＮ')).toEqual(['2406.16793']);
  });
});

describe('search: half-typed Korean', () => {
  it('widens the last syllable while it is still being composed', () => {
    expect(ids('모데')).toContain('2406.16793'); // on the way to 모델
    expect(ids('확ㅅ')).toEqual(['2406.16793']); // 확 + ㅅ before 산
    expect(ids('확산 몯')).toEqual(['2406.16793']); // 몯 → 모 + ㄷ…
    expect(ids('레지스ㅌ')).toEqual(['2407.00001']);
  });

  it('does not widen once the word is finished with a space', () => {
    expect(total('모데 ')).toBe(0);
    expect(total('확산 몯 ')).toBe(0);
  });
});

describe('search: arXiv ids', () => {
  it('finds a paper by id with or without version, arXiv: prefix or as an arXiv URL', () => {
    for (const q of [
      '2406.16793',
      '2406.16793v2',
      'arXiv:2406.16793v1',
      'arxiv: 2406.16793',
      'https://arxiv.org/abs/2406.16793v3',
      'https://arxiv.org/pdf/2406.16793',
    ]) {
      expect(ids(q), q).toEqual(['2406.16793']);
    }
  });

  it('finds ids while they are being typed', () => {
    expect(ids('2406.1679')).toEqual(['2406.16794', '2406.16793']);
    expect(ids('2407.')).toEqual(['2407.00002', '2407.00001']);
    expect(ids('2406.16793v')).toEqual(['2406.16793']);
  });

  it('ranks the paper with the exact id first, above better-voted partial matches', () => {
    const withMention = buildSearchIndex([
      ...papers,
      paper('2406.1679', { title: 'Old style looking id', votes: 500 }),
      paper('2406.16795', { votes: 300 }),
    ]);
    const got = search(withMention, '2406.16793', 10);
    expect(got.papers.map((p) => p.arxivId)).toEqual(['2406.16793']);
  });
});

describe('search: ranking', () => {
  it('puts id matches, then title, then authors, then summary matches first, whatever the votes', () => {
    // title: 2407.00001 (5 votes); authors: 2406.16794 (40); summary only: 2407.00002 (99)
    expect(ids('vision')).toEqual(['2407.00001', '2406.16794', '2407.00002']);
  });

  it('puts a title typed in full first, then titles starting with what was typed', () => {
    const titles = buildSearchIndex([
      paper('2409.00001', { title: 'Frac-Connections: Fractional Extension of Hyper-Connections', votes: 13 }),
      paper('2409.00002', { title: 'Hyper-Connections', votes: 10 }),
      paper('2409.00003', { title: 'Hyper-Connections for Vision Transformers', votes: 1 }),
    ]);
    const order = (q: string) => search(titles, q, 10).papers.map((p) => p.arxivId);
    expect(order('Hyper-Connections')).toEqual(['2409.00002', '2409.00003', '2409.00001']);
    expect(order('hyper conn')).toEqual(['2409.00002', '2409.00003', '2409.00001']);
    expect(order('hyper connections for')).toEqual(['2409.00003']);
    expect(order('connections')).toEqual(['2409.00001', '2409.00002', '2409.00003']);
  });

  it('breaks ties by votes (missing votes last), then by newest date', () => {
    const tied = buildSearchIndex([
      paper('2401.00001', { title: 'Agents A', votes: null, date: '2024-03-01' }),
      paper('2401.00002', { title: 'Agents B', votes: 7, date: '2024-01-01' }),
      paper('2401.00003', { title: 'Agents C', votes: 7, date: '2024-02-01' }),
      paper('2401.00004', { title: 'Agents D', votes: 0, date: '2024-01-01' }),
    ]);
    expect(search(tied, 'agents', 10).papers.map((p) => p.arxivId)).toEqual([
      '2401.00003',
      '2401.00002',
      '2401.00004',
      '2401.00001',
    ]);
  });
});

describe('search: limit, total and odd input', () => {
  it('returns at most `limit` papers but counts them all', () => {
    const all = search(index, '모델', 10);
    const two = search(index, '모델', 2);
    expect(two.total).toBe(all.total);
    expect(two.papers).toEqual(all.papers.slice(0, 2));
    expect(search(index, '모델', 0)).toEqual({ papers: [], total: 3 });
    expect(search(index, '모델', -5).papers).toEqual([]);
    expect(search(index, '모델', Number.NaN).papers).toEqual([]);
    expect(search(index, '모델', 2.7).papers).toHaveLength(2);
  });

  it('matches nothing for empty, blank or punctuation-only queries', () => {
    for (const q of ['', '   ', '\n\t', '!!!', '...', '()'])
      expect(search(index, q, 10), JSON.stringify(q)).toEqual({ papers: [], total: 0 });
  });

  it('treats regular-expression metacharacters as plain separators', () => {
    const metas = ['.*+?^$', '{}()|[]\\/'].join('');
    expect(search(index, metas, 10)).toEqual({ papers: [], total: 0 });
    expect(search(index, `vision ${metas}`, 10).total).toBe(3);
    expect(ids('diffusion.*')).toEqual(['2406.16793']);
    expect(ids('(vision|registers)')).toEqual(['2407.00001']);
    expect(ids('[MLLMs]')).toEqual(['2406.16794']);
  });

  it('copes with very long queries', () => {
    expect(total('a'.repeat(500))).toBe(0);
    const long = Array.from({ length: 70 }, () => 'Vision Transformers Need Registers')
      .join(' ')
      .slice(0, 500);
    expect(ids(long)).toEqual(['2407.00001']);
    const noisy = `${'diffusion '.repeat(40)}확산`;
    expect(ids(noisy)).toEqual(['2406.16793']);
  });

  it('returns nothing from an empty index', () => {
    expect(search(buildSearchIndex([]), 'vision', 10)).toEqual({ papers: [], total: 0 });
  });
});

describe('search: building the index', () => {
  it('keeps the last of papers given twice to one build', () => {
    const built = buildSearchIndex([paper('2409.00001', { title: 'First' }), paper('2409.00001', { title: 'Second' })]);
    expect(search(built, 'first', 10).total).toBe(0);
    expect(search(built, 'second', 10).papers.map((p) => p.title)).toEqual(['Second']);
  });
});

describe('hostile text', () => {
  it('a megabyte-long word does not exhaust memory: the index builds and the paper is still found', () => {
    const huge = paper('2406.99999', { title: `${'T'.repeat(1024 * 1024)} Routing` });
    const index = buildSearchIndex([huge, ...papers]);
    // Its million suffixes would take ~10¹² bytes to hash and crash the worker (and with it the extension's pages).
    expect(index.suffixes.length).toBeLessThan(10_000);
    expect(search(index, 'routing', 10).papers.map((p) => p.arxivId)).toContain('2406.99999');
    expect(search(index, 'tttt', 10).papers.map((p) => p.arxivId)).toContain('2406.99999');
  });
});
