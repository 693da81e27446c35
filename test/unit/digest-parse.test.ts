/**
 * parseDigest over hand-written fixtures (test/fixtures/digests, one per format generation) and small inline
 * inputs. Expected values come from the fixtures as written, so these run without ../shared.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDigest } from '../../lib/digest/parse';
import { LOCAL_FIXTURES_DIR } from '../support/shared';

const fixture = (name: string) => {
  const path = join(LOCAL_FIXTURES_DIR, 'digests', name);
  return parseDigest(readFileSync(path, 'utf8'), path);
};

describe('parseDigest: 2023 generation (title + plain bullets)', () => {
  const d = fixture('gen-2023-plain.md');

  it('takes the date from the run heading when the path has no YYYY/MM/DD.md', () => {
    expect(d.date).toBe('2023-11-20');
    expect(d.runs).toEqual([{ date: '2023-11-20', line: 1, paperCount: 3 }]);
  });

  it('normalises ids: version dropped, http and /pdf/…pdf accepted', () => {
    expect(d.papers.map((p) => p.arxivId)).toEqual(['2311.00001', '2311.00002', '2311.00003']);
  });

  it('plain bullets have null labels, nested lines join the bullet above, votes are null', () => {
    const [alpha] = d.papers;
    expect(alpha?.votes).toBeNull();
    expect(alpha?.authors).toEqual([]);
    expect(alpha?.media).toBeNull();
    expect(alpha?.sections).toEqual([
      { label: null, text: '첫 번째 요점입니다.' },
      { label: null, text: '두 번째 요점은 다음 세 가지를 포함합니다:\n  - (1) 하위 항목 하나\n  - (2) 하위 항목 둘' },
      { label: null, text: '세 번째 요점입니다.' },
    ]);
  });

  it('a lone <video src> and a parenthesis-less [Watch Video]url are video media', () => {
    expect(d.papers[1]?.media).toEqual({
      kind: 'video',
      url: 'https://cdn-uploads.huggingface.co/production/uploads/beta.mp4',
    });
    expect(d.papers[1]?.authors).toEqual(['Kim A', 'Lee B']);
    expect(d.papers[2]?.media).toEqual({
      kind: 'video',
      url: 'https://cdn-uploads.huggingface.co/production/uploads/gamma.mp4',
    });
    expect(d.diagnostics).toEqual([]);
  });
});

describe('parseDigest: 2024-02 generation (thumbnail/video, Vote, Authors)', () => {
  const d = fixture('gen-2024-02-media.md');

  it('reads thumbnail, vote and authors (the upstream `+` ellipsis kept as written)', () => {
    expect(d.papers[0]).toEqual({
      arxivId: '2402.10001',
      title: 'Delta: Thumbnails Everywhere',
      votes: 51,
      authors: ['Arthur Z', 'Dmitry A', '+', 'Younes B'],
      media: { kind: 'image', url: 'https://cdn-uploads.huggingface.co/production/uploads/delta.png' },
      sections: [
        { label: null, text: '델타는 썸네일을 가진 논문입니다.' },
        { label: null, text: '두 번째 문장입니다.' },
      ],
    });
  });

  it('[Watch Video](url) is video media and its <div><video> html line is consumed without a diagnostic', () => {
    expect(d.papers[1]?.media).toEqual({
      kind: 'video',
      url: 'https://cdn-uploads.huggingface.co/production/uploads/epsilon.mp4',
    });
    expect(d.papers[1]?.votes).toBe(7);
    expect(d.diagnostics).toEqual([]);
  });
});

describe('parseDigest: 2024-06 generation (labelled bullets)', () => {
  const d = fixture('gen-2024-06-labelled.md');
  const sections = d.papers[0]?.sections ?? [];

  it('labels any bold label, Korean included; curly apostrophe normalised to the usual label', () => {
    expect(sections.map((s) => s.label)).toEqual([
      "What's New",
      'Technical Details',
      'Performance Highlights',
      '고찰',
      "What's New",
    ]);
  });

  it('numbered lines and unmarked continuation lines are appended to the section above', () => {
    expect(sections[1]?.text).toBe('주요 기여는 다음과 같습니다:\n1) 첫째 기여입니다.\n2) 둘째 기여입니다.');
    expect(sections[2]?.text).toBe('메모리를 45% 절감합니다.\nx=log10(memory), y=log10(error) 형태입니다.');
    expect(d.diagnostics).toEqual([]);
  });
});

describe('parseDigest: 2024-10 generation (bold-italic labels)', () => {
  const d = fixture('gen-2024-10-bold-italic.md');
  const [p] = d.papers;

  it('keeps a title with brackets and LaTeX as written, link taken from the end of the line', () => {
    expect(p?.title).toBe("I Don't Know: an [IDK] Token for $\\mathcal{M}^{2}$");
    expect(p?.arxivId).toBe('2410.30001');
  });

  it('reads ***Label*** and the malformed ***Label* form; keeps a TAB fragment of lost \\t', () => {
    expect(p?.sections).toEqual([
      { label: "What's New", text: '굵은 기울임 라벨입니다.' },
      { label: 'Technical Details', text: '닫는 별표가 하나뿐인 라벨입니다.' },
      { label: 'Performance Highlights', text: '제안된 ℬ4\textsuperscript{4} 전략이 좋습니다.' },
    ]);
    expect(d.diagnostics).toEqual([]);
  });
});

describe('parseDigest: double run and Vote: -', () => {
  it('keeps both runs of the same day and a paper appearing in both', () => {
    const d = fixture('double-run.md');
    expect(d.runs).toEqual([
      { date: '2025-01-02', line: 1, paperCount: 2 },
      { date: '2025-01-02', line: 19, paperCount: 1 },
    ]);
    expect(d.papers.map((p) => [p.arxivId, p.votes])).toEqual([
      ['2412.40001', 10],
      ['2412.40002', 5],
      ['2412.40002', 6],
    ]);
    expect(d.diagnostics).toEqual([]);
  });

  it('Vote: - gives null votes and no diagnostic', () => {
    const d = fixture('vote-dash.md');
    expect(d.papers[0]?.votes).toBeNull();
    expect(d.papers[0]?.authors).toEqual(['C Three']);
    expect(d.diagnostics).toEqual([]);
  });
});

describe('parseDigest: broken file', () => {
  const d = fixture('broken.md');

  it('keeps the good entries and nothing from the skipped ones', () => {
    expect(d.papers.map((p) => p.arxivId)).toEqual(['2408.60001', '2408.60003']);
    expect(d.papers[0]?.votes).toBeNull();
    expect(d.papers[0]?.media).toBeNull();
    expect(d.papers[0]?.sections).toEqual([{ label: "What's New", text: '카파 요약입니다.' }]);
    expect(d.papers[1]?.media).toBeNull();
    expect(d.papers[1]?.sections).toEqual([{ label: null, text: '뉴 요약입니다.' }]);
    expect(d.runs).toEqual([{ date: '2024-08-16', line: 2, paperCount: 2 }]);
  });

  it('reports every skipped line with its 1-based line number', () => {
    expect(d.diagnostics.map((g) => g.line)).toEqual([1, 6, 8, 14, 20, 26, 28]);
    const msg = (line: number) => d.diagnostics.find((g) => g.line === line)?.message ?? '';
    expect(msg(1)).toMatch(/outside an entry/);
    expect(msg(6)).toMatch(/not http\(s\).*\/avatars\//);
    expect(msg(8)).toMatch(/unreadable vote.*many/);
    expect(msg(14)).toMatch(/without an arXiv link.*lines 16-18/);
    expect(msg(20)).toMatch(/without an arXiv link.*line 22/);
    expect(msg(26)).toMatch(/not http\(s\).*javascript:/);
    expect(msg(28)).toMatch(/before the entry's first bullet/);
  });
});

describe('parseDigest: small inputs', () => {
  it('date from a YYYY/MM/DD.md path wins over the heading; also with backslashes', () => {
    const text = '## Daily Papers (2024-01-01)\n';
    expect(parseDigest(text, 'paper_logs/2024/06/27.md').date).toBe('2024-06-27');
    expect(parseDigest(text, 'C:\\x\\2024\\06\\28.md').date).toBe('2024-06-28');
    expect(parseDigest(text, 'notes.md').date).toBe('2024-01-01');
    expect(parseDigest('', null)).toEqual({ path: null, date: null, runs: [], papers: [], diagnostics: [] });
  });

  it('accepts host and scheme variations of arXiv links', () => {
    const ids = [
      'https://arxiv.org/abs/2406.16793v3',
      'https://www.arxiv.org/abs/2406.16793',
      'http://export.arxiv.org/abs/2406.16793',
      'https://ARXIV.ORG/pdf/2406.16793v1',
      'https://arxiv.org/pdf/2406.16793.pdf',
      'https://arxiv.org/abs/hep-th/9901001',
    ].map((u) => parseDigest(`### [T](${u})\n- x`).papers[0]?.arxivId);
    expect(ids).toEqual(['2406.16793', '2406.16793', '2406.16793', '2406.16793', '2406.16793', 'hep-th/9901001']);
  });

  it('rejects invalid new-style ids (month 13, number 0, 5 digits before 2015) with a diagnostic', () => {
    for (const id of ['2413.00001', '2406.00000', '1412.12345', '2406.1679']) {
      const d = parseDigest(`### [T](https://arxiv.org/abs/${id})\n- x`);
      expect(d.papers, id).toEqual([]);
      expect(d.diagnostics.map((g) => g.line)).toEqual([1]);
    }
    expect(parseDigest('### [T](https://arxiv.org/abs/1412.1234)').papers[0]?.arxivId).toBe('1412.1234');
    expect(parseDigest('###   [ T ](https://arxiv.org/abs/1501.00001) \t').papers[0]?.title).toBe('T');
  });

  it('handles CRLF line endings like LF', () => {
    const lf =
      '## Daily Papers (2024-06-27)\n\n### [T](https://arxiv.org/abs/2406.16793)\n\nVote: 4\n\n- **A**: b\nc\n';
    const crlf = parseDigest(lf.replace(/\n/g, '\r\n'));
    expect(crlf).toEqual(parseDigest(lf));
    expect(crlf.papers[0]?.sections).toEqual([{ label: 'A', text: 'b\nc' }]);
  });

  it('an unknown heading and an unreadable run heading are reported, not silently dropped', () => {
    const d = parseDigest('# Title\n## Daily Papers (soon)\n### [T](https://arxiv.org/abs/2406.16793)\n- a\n#### sub');
    expect(d.diagnostics.map((g) => g.line)).toEqual([1, 2, 5]);
    expect(d.runs).toEqual([]);
    expect(d.papers).toHaveLength(1);
  });

  it('second vote, authors and media lines are reported', () => {
    const d = parseDigest(
      '### [T](https://arxiv.org/abs/2406.16793)\nVote: 1\nVote: 2\nAuthors: a\nAuthors: b\n![](https://cdn-thumbnails.huggingface.co/a.png)\n![](https://cdn-thumbnails.huggingface.co/b.png)',
    );
    expect(d.papers[0]).toMatchObject({
      votes: 1,
      authors: ['a'],
      media: { kind: 'image', url: 'https://cdn-thumbnails.huggingface.co/a.png' },
    });
    expect(d.diagnostics.map((g) => g.line)).toEqual([3, 5, 7]);
  });
});

describe('parseDigest: bare bullet', () => {
  it('a lone `-` is an empty plain section and does not read into the next line', () => {
    const d = parseDigest('### [T](https://arxiv.org/abs/2406.16793)\n-\n**X**: y');
    expect(d.papers[0]?.sections).toEqual([{ label: null, text: '\n**X**: y' }]);
  });
});
