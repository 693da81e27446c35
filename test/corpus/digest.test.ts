/**
 * parseDigest over the real corpus (../shared/digest-corpus, 311 files). Expected values are computed from the raw
 * text by other means (line regexes, papers_list.csv) or read off the files by hand, and the known totals from
 * /work/shared/README.md are asserted as well.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { MAX_AUTHORS, MAX_ENTRY, MAX_LABEL, MAX_SECTION, MAX_SECTIONS, MAX_TITLE } from '../../lib/digest/caps';
import { tokenizeInline } from '../../lib/digest/inline';
import { parseDigest } from '../../lib/digest/parse';
import type { ParsedDigest } from '../../lib/digest/types';
import { isAllowedMediaUrl } from '../../lib/media-hosts';
import { CORPUS_DIR, describeShared, mdFiles } from '../support/shared';

interface CorpusFile {
  /** Relative to paper_logs, e.g. `2024/06/27.md`. */
  rel: string;
  raw: string;
  parsed: ParsedDigest;
}

const LOGS = join(CORPUS_DIR, 'paper_logs');
const DOUBLE_RUN_FILES = ['2024/10/18.md', '2024/10/21.md', '2024/10/28.md', '2025/01/02.md'];

/** Raw lines of each `### ` block (heading included), by an independent split of the text. */
function rawBlocks(raw: string): string[][] {
  const blocks: string[][] = [];
  for (const line of raw.split('\n')) {
    if (line.startsWith('### ')) blocks.push([line]);
    else if (!line.startsWith('## ')) blocks[blocks.length - 1]?.push(line);
  }
  return blocks;
}

const HEADING_ID = /\(https:\/\/arxiv\.org\/abs\/(\d{4}\.\d{5})\)$/;
const META = /^(Vote:|Authors:|!\[|\[Watch Video\]|<div><video|<video)/;
const BULLET_PREFIX = /^- (\*{2,3}[^*]+\*{1,3}:\s*)?/;

describeShared('parseDigest over the real corpus', () => {
  let files: CorpusFile[] = [];
  const byRel = (rel: string) => {
    const f = files.find((x) => x.rel === rel);
    if (!f) throw new Error(`missing corpus file ${rel}`);
    return f;
  };
  const paper = (rel: string, id: string) => {
    const p = byRel(rel).parsed.papers.find((x) => x.arxivId === id);
    if (!p) throw new Error(`no paper ${id} in ${rel}`);
    return p;
  };

  beforeAll(() => {
    files = mdFiles(LOGS).map((path) => {
      const raw = readFileSync(path, 'utf8');
      return { rel: relative(LOGS, path).split('\\').join('/'), raw, parsed: parseDigest(raw, path) };
    });
  });

  it('every `### ` line becomes a paper: 311 files, 4,672 papers, 4,671 distinct ids', () => {
    expect(files).toHaveLength(311);
    const headingLines = files.reduce((n, f) => n + (f.raw.match(/^### /gm)?.length ?? 0), 0);
    const papers = files.flatMap((f) => f.parsed.papers);
    expect(papers).toHaveLength(headingLines);
    expect(headingLines).toBe(4672);
    expect(new Set(papers.map((p) => p.arxivId)).size).toBe(4671);
    for (const f of files) {
      const ids = f.raw
        .split('\n')
        .filter((l) => l.startsWith('### '))
        .map((l) => HEADING_ID.exec(l)?.[1]);
      expect(
        f.parsed.papers.map((p) => p.arxivId),
        f.rel,
      ).toEqual(ids);
    }
  });

  it('the only id in two files is 2410.09342, with its title as written in each', () => {
    expect(paper('2024/10/16.md', '2410.09342').title).toBe(
      'LLM$\\times$MapReduce: Simplified Long-Sequence Processing using Large Language Models',
    );
    expect(paper('2024/10/18.md', '2410.09342').title).toBe(
      'LLMtimesMapReduce: Simplified Long-Sequence Processing using Large Language Models',
    );
  });

  it('matches papers_list.csv per date; the csv lists extra papers for exactly five dates', () => {
    const csv = new Map<string, string[]>();
    for (const line of readFileSync(join(LOGS, 'papers_list.csv'), 'utf8').split('\n').slice(1)) {
      const m = /^(\d{4}-\d{2}-\d{2}),.*https:\/\/arxiv\.org\/abs\/(\S+)$/.exec(line.trimEnd());
      if (m?.[1] && m[2]) csv.set(m[1], [...(csv.get(m[1]) ?? []), m[2]]);
    }
    expect([...csv.values()].reduce((n, ids) => n + ids.length, 0)).toBe(4702);
    const differing: string[] = [];
    for (const f of files) {
      const date = f.parsed.date ?? '';
      const listed = [...(csv.get(date) ?? [])].sort();
      const parsed = f.parsed.papers.map((p) => p.arxivId).sort();
      for (const id of parsed) expect(listed, `${f.rel} ${id}`).toContain(id);
      if (listed.join() !== parsed.join()) differing.push(date);
    }
    expect(differing).toEqual(['2023-12-11', '2023-12-12', '2024-03-13', '2024-04-19', '2024-06-28']);
  });

  it('file dates come from the path and every run heading agrees with it', () => {
    for (const f of files) {
      expect(f.parsed.date, f.rel).toBe(f.rel.slice(0, 10).replace(/\//g, '-'));
      for (const r of f.parsed.runs) expect(r.date, f.rel).toBe(f.parsed.date);
    }
  });

  it('the four double-run files keep both runs with their own paper counts', () => {
    const doubles = files.filter((f) => f.parsed.runs.length > 1).map((f) => f.rel);
    expect(doubles).toEqual(DOUBLE_RUN_FILES);
    const summary = DOUBLE_RUN_FILES.map((rel) => byRel(rel).parsed.runs.map((r) => [r.line, r.paperCount]));
    // Heading lines and `### ` counts per run, read with grep/awk.
    expect(summary).toEqual([
      [
        [1, 7],
        [87, 2],
      ],
      [
        [1, 32],
        [387, 18],
      ],
      [
        [1, 8],
        [99, 8],
      ],
      [
        [1, 2],
        [27, 1],
      ],
    ]);
  });

  it('per entry, votes/authors/media/section counts agree with line regexes over the raw block', () => {
    for (const f of files) {
      const blocks = rawBlocks(f.raw);
      expect(blocks.length, f.rel).toBe(f.parsed.papers.length);
      blocks.forEach((lines, i) => {
        const p = f.parsed.papers[i];
        const where = `${f.rel} ${p?.arxivId}`;
        const vote = lines.map((l) => /^Vote: (\d+)$/.exec(l)?.[1]).find((v) => v !== undefined);
        expect(p?.votes, where).toBe(vote === undefined ? null : Number(vote));
        // `Authors: a, b` or, in 2024-10-18..25, a Python list `['a', 'b']` (quotes read with a regex here).
        const authors =
          lines
            .find((l) => l.startsWith('Authors: '))
            ?.slice(9)
            .trim() ?? '';
        const names = authors.startsWith("['") ? [...authors.matchAll(/'([^']*)'/g)].map((m) => m[1]) : [authors];
        expect(p?.authors.join(', '), where).toBe(names.join(', '));
        expect(p?.sections.length, where).toBe(lines.filter((l) => l.startsWith('- ')).length);
        const labelled = lines.filter((l) => /^- \*{2,3}[^*]+\*{1,3}:/.test(l)).length;
        expect(p?.sections.filter((s) => s.label !== null).length, where).toBe(labelled);
      });
    }
  });

  it('nothing is dropped: every content line of an entry is found in one of its sections', () => {
    let checked = 0;
    for (const f of files) {
      rawBlocks(f.raw).forEach((lines, i) => {
        const joined = (f.parsed.papers[i]?.sections ?? []).map((s) => s.text).join('\n');
        for (const line of lines.slice(1)) {
          if (!line.trim() || META.test(line)) continue;
          checked++;
          expect(joined, `${f.rel}: ${line.slice(0, 60)}`).toContain(line.replace(BULLET_PREFIX, '').trim());
        }
      });
    }
    // 18,351 `- ` lines plus the 9 other content lines found with grep (nested, numbered, `x=…` continuation).
    expect(checked).toBe(files.reduce((n, f) => n + (f.raw.match(/^- /gm)?.length ?? 0), 0) + 9);
    expect(checked).toBe(18_360);
  });

  it('the only diagnostics are the 24 relative /avatars/ thumbnails, each at its line', () => {
    const expected = files.flatMap((f) =>
      f.raw.split('\n').flatMap((l, i) => (l.startsWith('![](/avatars/') ? [`${f.rel}:${i + 1}`] : [])),
    );
    expect(expected).toHaveLength(24);
    const got = files.flatMap((f) => f.parsed.diagnostics.map((d) => `${f.rel}:${d.line}`));
    expect(got).toEqual(expected);
    for (const d of files.flatMap((f) => f.parsed.diagnostics)) expect(d.message).toMatch(/not http\(s\)/);
  });

  it('every media URL kept is https on a Hugging Face media host, so the host rule drops none of the corpus', () => {
    const media = files.flatMap((f) => f.parsed.papers.flatMap((p) => (p.media ? [p.media.url] : [])));
    const mediaLines = files.reduce(
      (n, f) => n + (f.raw.match(/^(!\[\]\(|\[Watch Video\]|<video )/gm)?.length ?? 0),
      0,
    );
    expect(media).toHaveLength(mediaLines - 24);
    for (const url of media) expect(isAllowedMediaUrl(url), url).toBe(true);
  });

  it('a bare URL followed by a Korean particle (108, as in "…/ATLAS에서") links without it; no link target has Hangul or braces', () => {
    const hangul = /[\uac00-\ud7af\u1100-\u11ff\u3130-\u318f]/;
    /**
     * A bare URL whose last character (not a closing bracket or quote) touches a Hangul syllable, or a LaTeX
     * `{Label}` leftover and then one (twice).
     */
    const touching = /https?:\/\/[!-z|~]*[^\s)'\]{}\u0080-\uffff](?=(\{[^}\s]*\})?[\uac00-\ud7af])/g;
    let found = 0;
    for (const f of files) {
      for (const p of f.parsed.papers) {
        for (const section of p.sections) {
          const hrefs = tokenizeInline(section.text).flatMap((t) => (t.type === 'link' ? [t.href] : []));
          for (const href of hrefs) expect(hangul.test(href) || /[{}]/.test(href), href).toBe(false);
          for (const url of section.text.match(touching) ?? []) {
            found++;
            expect(hrefs, url).toContain(url);
          }
        }
      }
    }
    expect(found).toBe(108);
  });

  it('every field is a fifth of its cap or less (lib/digest/caps.ts), so no cap touches the corpus', () => {
    const papers = files.flatMap((f) => f.parsed.papers);
    const most = (values: number[]) => values.reduce((a, b) => Math.max(a, b), 0);
    expect(most(papers.map((p) => p.title.length))).toBeLessThanOrEqual(MAX_TITLE / 5);
    expect(most(papers.map((p) => p.authors.join(', ').length))).toBeLessThanOrEqual(MAX_AUTHORS / 5);
    expect(most(papers.map((p) => p.sections.length))).toBeLessThanOrEqual(MAX_SECTIONS / 5);
    const sections = papers.flatMap((p) => p.sections);
    expect(most(sections.map((s) => s.text.length))).toBeLessThanOrEqual(MAX_SECTION / 5);
    expect(most(sections.map((s) => s.label?.length ?? 0))).toBeLessThanOrEqual(MAX_LABEL / 5);
    const entries = files.flatMap((f) => rawBlocks(f.raw).map((lines) => lines.join('\n').length));
    expect(most(entries)).toBeLessThanOrEqual(MAX_ENTRY / 5);
  });

  it('Python-list author lines (125 = 31+23+9+12+50 per file, in 2024/10/18..25) give plain names', () => {
    const listLines = files.reduce((n, f) => n + (f.raw.match(/^Authors: \['/gm)?.length ?? 0), 0);
    expect(listLines).toBe(125);
    // 2024/10/25.md line 9, read off the file.
    expect(paper('2024/10/25.md', '2410.16429').authors).toEqual([
      'Brando Miranda',
      'Leni Aniva',
      'Sanmi Koyejo',
      'Chuyue Sun',
      'Clark Barrett',
    ]);
    for (const p of files.flatMap((f) => f.parsed.papers)) {
      for (const a of p.authors) expect(a).not.toMatch(/^[['"]|['"\]]$/);
    }
  });

  it('2023 files before 2023-12-06: plain bullets only and votes null', () => {
    const early = files.filter((f) => f.rel < '2023/12/06.md');
    expect(early.map((f) => f.rel)).toEqual([
      '2023/11/20.md',
      '2023/11/21.md',
      '2023/11/23.md',
      '2023/12/04.md',
      '2023/12/05.md',
    ]);
    const papers = early.flatMap((f) => f.parsed.papers);
    expect(papers).toHaveLength(11 + 16 + 9 + 18 + 23);
    for (const p of papers) {
      expect(p.votes).toBeNull();
      for (const s of p.sections) expect(s.label).toBeNull();
    }
    // 2023/11/20.md entry 2311.10122 (Video-LLaVA) has 7 plain bullets and no media.
    const llava = paper('2023/11/20.md', '2311.10122');
    expect(llava.sections).toHaveLength(7);
    expect(llava.media).toBeNull();
    expect(llava.sections[0]?.text.startsWith('대규모 비전-언어 모델 (LVLM)은')).toBe(true);
  });

  it('2023/11/20.md: the nested `  - (1)…(4)` lines join the bullet above', () => {
    const f = byRel('2023/11/20.md');
    const nested = f.raw.split('\n').filter((l) => l.startsWith('  - ('));
    expect(nested).toHaveLength(4);
    const owner = f.parsed.papers.flatMap((p) => p.sections).find((s) => s.text.includes('\n  - (1)'));
    expect(owner?.text.split('\n').slice(1)).toEqual(nested.map((l) => l.trimEnd()));
  });

  it('video entries: 134 [Watch Video] lines plus one lone <video src> are video media', () => {
    const watchLines = files.reduce((n, f) => n + (f.raw.match(/^\[Watch Video\]/gm)?.length ?? 0), 0);
    expect(watchLines).toBe(134);
    const videos = files.flatMap((f) => f.parsed.papers).filter((p) => p.media?.kind === 'video');
    expect(videos).toHaveLength(watchLines + 1);
    expect(paper('2023/11/21.md', '2311.10982').media).toEqual({
      kind: 'video',
      url: 'https://cdn-uploads.huggingface.co/production/uploads/60f1abe7544c2adfd699860c/D-WQoAl7gR1AwRZ0RXNkW.mp4',
    });
    // `[Watch Video]url` without parentheses (2023/12/06.md line 21).
    expect(paper('2023/12/06.md', '2312.02201').media).toEqual({
      kind: 'video',
      url: 'https://cdn-uploads.huggingface.co/production/uploads/60f1abe7544c2adfd699860c/d0VHat4w8gM400SkeWPP7.mp4',
    });
    for (const v of videos) expect(v.media?.url).toMatch(/^https:\/\/.+\.mp4$/);
  });

  it('Vote: - gives null votes: 31 such lines, 108 null votes in all (77 entries have no vote line)', () => {
    const dashLines = files.reduce((n, f) => n + (f.raw.match(/^Vote: -$/gm)?.length ?? 0), 0);
    const numberLines = files.reduce((n, f) => n + (f.raw.match(/^Vote: \d+$/gm)?.length ?? 0), 0);
    expect(dashLines).toBe(31);
    const nullVotes = files.flatMap((f) => f.parsed.papers).filter((p) => p.votes === null);
    expect(nullVotes).toHaveLength(4672 - numberLines);
    expect(nullVotes).toHaveLength(108);
  });

  it('bold-italic labels (2024-10-18 on) read like bold ones, including the malformed `***Technical Details*:`', () => {
    const standard = ["What's New", 'Technical Details', 'Performance Highlights'];
    const f = byRel('2024/10/31.md');
    expect(f.raw).toContain("- ***What's New***: ");
    for (const p of f.parsed.papers) expect(p.sections.map((s) => s.label)).toEqual(standard);
    // 2025/03/12.md line 561: `- ***Technical Details*: IMM은 …`
    const imm = byRel('2025/03/12.md')
      .parsed.papers.flatMap((p) => p.sections)
      .find((s) => s.text.startsWith('IMM은 시간 종속 마진 분포의'));
    expect(imm?.label).toBe('Technical Details');
    const boldItalic = files.reduce((n, f) => n + (f.raw.match(/^- \*\*\*[^*]+\*{1,3}:/gm)?.length ?? 0), 0);
    const labelled = files.flatMap((f) => f.parsed.papers.flatMap((p) => p.sections)).filter((s) => s.label);
    expect(boldItalic).toBeGreaterThan(6000);
    expect(labelled.length).toBeGreaterThan(boldItalic);
    expect(labelled.filter((s) => s.label === "What's New")).toHaveLength(2126 + 1299 + 1);
  });

  it('titles with brackets are kept whole', () => {
    expect(paper('2024/12/12.md', '2412.06676').title).toBe(
      "I Don't Know: Explicit Modeling of Uncertainty with an [IDK] Token",
    );
    expect(paper('2025/02/05.md', '2502.01081').title).toBe(
      'The Jumping Reasoning Curve? Tracking the Evolution of Reasoning Performance in GPT-[n] and o-[n] Models on Multimodal Puzzles',
    );
  });

  it('LaTeX and TAB fragments are kept as written', () => {
    expect(paper('2024/05/28.md', '2405.17258').title).toBe(
      '$\\textit{Trans-LoRA}$: towards data-free Transferable Parameter Efficient Finetuning',
    );
    const b4 = paper('2024/09/20.md', '2409.08692').sections.find((s) => s.label === 'Performance Highlights');
    expect(b4?.text).toContain('ℬ4\textsuperscript{4}');
    const fourier = paper('2024/10/08.md', '2410.02675').sections.find((s) => s.label === 'Performance Highlights');
    expect(fourier?.text.startsWith('\texttt{\textbackslash modelname}')).toBe(true);
  });

  it('continuation and numbered lines (2024/08/16.md line 61, 2024/07/16.md lines 73-76) join their section', () => {
    const mem = paper('2024/08/16.md', '2408.08172').sections.find((s) => s.label === 'Technical Details');
    expect(mem?.text.split('\n')[1]).toBe(
      'x=log10(memory-size), y=log10(error-rate), memory-size는 [10^3, 10^9] 사이에 있고, error-rate는 [0, 100] 범위입니다.',
    );
    const agent = paper('2024/07/16.md', '2407.10973').sections.find((s) => s.label === 'Technical Details');
    expect(agent?.text.split('\n').map((l) => l.slice(0, 2))).toEqual(['이 ', '1)', '2)', '3)', '4)']);
  });

  it('2024/06/27.md Adam-mini (2406.16793): values read off the file', () => {
    const p = paper('2024/06/27.md', '2406.16793');
    expect(p.title).toBe('Adam-mini: Use Fewer Learning Rates To Gain More');
    expect(p.votes).toBe(22);
    expect(p.authors).toHaveLength(8);
    expect(p.authors[0]).toBe('Yinyu Ye');
    expect(p.authors[7]).toBe('Tian Ding');
    expect(p.media).toEqual({
      kind: 'image',
      url: 'https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2406.16793.png',
    });
    expect(p.sections.map((s) => s.label)).toEqual(["What's New", 'Technical Details', 'Performance Highlights']);
    expect(p.sections[0]?.text.startsWith("새로운 옵티마이저 'Adam-mini'가 소개되었습니다.")).toBe(true);
    expect(p.sections[2]?.text.startsWith('Adam-mini는 90% 이상 Adam의 v를 감소시켜')).toBe(true);
  });
});
