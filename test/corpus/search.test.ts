/**
 * Search over the real corpus (../shared), checked against an independent scan of the raw markdown: the files
 * are split into entries with plain regular expressions here, not with lib/digest/parse.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { buildSearchIndex, type SearchIndex, search } from '../../lib/search.ts';
import { CORPUS_DIR, describeShared, mdFiles, storedPapers } from '../support/shared.ts';

interface RawEntry {
  id: string;
  title: string;
  authors: string[];
  /** Readable text: title, authors, summary lines; no media, votes, section labels or link targets. */
  text: string;
}

const ENTRY_RE = /^### \[(.*)\]\(https?:\/\/arxiv\.org\/abs\/(\d{4}\.\d{4,5})(?:v\d+)?\)\s*$/;

/** Newest entry per id, by a line scan independent of the parser. */
function rawEntries(files: readonly string[]): Map<string, RawEntry> {
  const out = new Map<string, RawEntry>();
  for (const file of files) {
    let cur: RawEntry | null = null;
    for (const line of readFileSync(file, 'utf8').split(/\r?\n/)) {
      const m = ENTRY_RE.exec(line);
      if (m) {
        cur = { id: m[2] ?? '', title: m[1] ?? '', authors: [], text: m[1] ?? '' };
        out.set(cur.id, cur);
      } else if (line.startsWith('#')) cur = null;
      else if (cur && !/^(!\[|\[Watch Video\]|<|Vote:)/.test(line)) {
        const authors = /^Authors:\s*(.*)$/.exec(line);
        if (authors) cur.authors = (authors[1] ?? '').split(', ').map((a) => a.trim());
        // Section labels (`- **Benchmark Details**:`) are not summary text.
        const readable = authors ? (authors[1] ?? '') : line.replace(/^- \*\*\*?[^*]+\*\*?\*?:?\*?\*?/, '');
        cur.text += `\n${readable.replace(/\]\([^)\s]*\)/g, '')}`;
      }
    }
  }
  return out;
}

let index: SearchIndex;
let raw: Map<string, RawEntry>;
const ids = (q: string, limit = 10_000) => search(index, q, limit).papers.map((p) => p.arxivId);

describeShared('search over the corpus', () => {
  beforeAll(() => {
    const files = mdFiles(join(CORPUS_DIR, 'paper_logs'));
    index = buildSearchIndex(storedPapers(files));
    raw = rawEntries(files);
  });

  it('indexes every paper the raw files name', () => {
    expect(raw.size).toBeGreaterThan(4000);
    expect(index.papers.length).toBe(raw.size);
  });

  it('finds every paper first by its full title', () => {
    const perTitle = new Map<string, number>();
    for (const e of raw.values()) perTitle.set(e.title, (perTitle.get(e.title) ?? 0) + 1);
    const missed = [...raw.values()]
      .filter((e) => perTitle.get(e.title) === 1 && search(index, e.title, 1).papers[0]?.arxivId !== e.id)
      .map((e) => e.title);
    expect(missed).toEqual([]);
  });

  it('finds every paper first by its id, with or without version and arXiv: prefix', () => {
    const missed = [...raw.keys()].filter((id) =>
      [id, `${id}v2`, `arXiv:${id}`].some((q) => {
        const r = search(index, q, 1);
        return r.total !== 1 || r.papers[0]?.arxivId !== id;
      }),
    );
    expect(missed).toEqual([]);
  });

  it("finds all of an author's papers, whatever the case", () => {
    const byAuthor = new Map<string, string[]>();
    for (const e of raw.values()) for (const a of e.authors) byAuthor.set(a, [...(byAuthor.get(a) ?? []), e.id]);
    const prolific = [...byAuthor].filter(([name, list]) => list.length >= 3 && name.includes(' ')).sort();
    expect(prolific.length).toBeGreaterThan(50);
    const sample = prolific.filter((_, i) => i % Math.floor(prolific.length / 25) === 0);
    for (const [name, expected] of sample) {
      const found = new Set(ids(name));
      expect(
        expected.filter((id) => !found.has(id)),
        name,
      ).toEqual([]);
      expect(search(index, name.toUpperCase(), 1).total, name).toBe(found.size);
    }
  });

  it('counts the same papers for a word as a scan of the raw text', () => {
    const norm = (s: string) => s.normalize('NFKC').toLowerCase();
    const texts = [...raw.values()].map((e) => norm(e.text));
    // Latin words of 3+ characters match inside words; Korean words match at the start of a word.
    for (const word of ['diffusion', 'agent', 'benchmark', 'gaussian', 'tokeniz']) {
      expect(search(index, word, 0).total, word).toBe(texts.filter((t) => t.includes(word)).length);
    }
    for (const word of ['확산', '에이전트', '강화', '벤치마크', '모델을']) {
      const re = new RegExp(`(?<![\\p{L}\\p{N}\\p{M}])${word}`, 'u');
      const expected = texts.filter((t) => re.test(t)).length;
      expect(expected, word).toBeGreaterThan(10);
      // A trailing space: the word is finished, so its last syllable is not widened as if half-typed.
      expect(search(index, `${word} `, 0).total, word).toBe(expected);
    }
  });

  it('ANDs words: a two-word query matches exactly the papers matching both', () => {
    const both = new Set(ids('diffusion'));
    const expected = ids('확산 ')
      .filter((id) => both.has(id))
      .sort();
    expect(expected.length).toBeGreaterThan(10);
    expect(ids('diffusion 확산 ').sort()).toEqual(expected);
  });
});
