/**
 * Property tests: parseDigest and tokenizeInline never throw and always return well-formed data.
 *
 * Default: ~2,000 cases per property so the suite stays fast, from a fixed seed (test/support/fast-check-seed.ts;
 * `PROPERTY_SEED=random` explores). Full mode: `PROPERTY_FULL=1 npx vitest run
 * test/unit/digest-property` runs 100,000 cases per property (a few minutes).
 * Inputs: arbitrary strings (full Unicode incl. lone surrogates), line soups built from digest syntax fragments,
 * and real digests (the corpus when ../shared exists, else test/fixtures/digests) mutated by deleting,
 * duplicating and swapping lines, inserting random characters and truncating.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseArxivId } from '../../lib/arxiv-id';
import { type InlineToken, tokenizeInline } from '../../lib/digest/inline';
import { parseDigest } from '../../lib/digest/parse';
import type { ParsedDigest } from '../../lib/digest/types';
import { CORPUS_DIR, hasShared, LOCAL_FIXTURES_DIR, mdFiles } from '../support/shared';

const FULL = process.env.PROPERTY_FULL === '1';
const NUM_RUNS = FULL ? 100_000 : 2_000;
const TIMEOUT = FULL ? 1_800_000 : 60_000;

const sources = [
  ...mdFiles(join(LOCAL_FIXTURES_DIR, 'digests')),
  ...(hasShared ? mdFiles(join(CORPUS_DIR, 'paper_logs')) : []),
].map((p) => readFileSync(p, 'utf8'));

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The first way `d` is not well-formed for input `text`, or null. Plain checks: vitest `expect` is too slow here. */
function wellFormedProblem(d: ParsedDigest, text: string, path: string | null): string | null {
  const lines = text.split('\n');
  const isLine = (n: unknown) => Number.isInteger(n) && (n as number) >= 1 && (n as number) <= lines.length;
  if (d.path !== path) return `path ${d.path}`;
  if (d.date !== null && !DATE.test(d.date)) return `date ${d.date}`;
  let runPapers = 0;
  for (const r of d.runs) {
    if (!DATE.test(r.date) || !isLine(r.line)) return `run ${JSON.stringify(r)}`;
    if (!Number.isInteger(r.paperCount) || r.paperCount < 0) return `run ${JSON.stringify(r)}`;
    runPapers += r.paperCount;
  }
  if (runPapers > d.papers.length) return 'runs count more papers than there are';
  if (d.papers.length > lines.filter((l) => l.startsWith('### ')).length) return 'more papers than headings';
  for (const p of d.papers) {
    if (parseArxivId(p.arxivId)?.id !== p.arxivId) return `arxivId ${p.arxivId}`;
    // Lines split on `\n` only (a trailing `\r` dropped), so a lone `\r` inside a line is content.
    if (typeof p.title !== 'string' || p.title.includes('\n')) return `title ${JSON.stringify(p.title)}`;
    if (p.votes !== null && !(Number.isSafeInteger(p.votes) && p.votes >= 0)) return `votes ${p.votes}`;
    if (!Array.isArray(p.authors)) return 'authors';
    for (const a of p.authors) if (!a || a !== a.trim() || a.includes(',')) return `author ${JSON.stringify(a)}`;
    if (p.media !== null) {
      if (p.media.kind !== 'image' && p.media.kind !== 'video') return `media kind ${p.media.kind}`;
      if (!/^https?:\/\/\S+$/i.test(p.media.url)) return `media url ${JSON.stringify(p.media.url)}`;
    }
    for (const s of p.sections) {
      if (typeof s.text !== 'string') return 'section text';
      if (s.label !== null && (!s.label || /[\n*]/.test(s.label))) return `label ${JSON.stringify(s.label)}`;
    }
  }
  let last = 0;
  for (const g of d.diagnostics) {
    if (!isLine(g.line) || g.line < last) return `diagnostic line ${g.line}`;
    if (typeof g.message !== 'string' || !g.message) return 'diagnostic message';
    last = g.line;
  }
  return null;
}

const FRAGMENTS = [
  '## Daily Papers (2024-06-27)',
  '## Daily Papers (',
  '### [',
  '### [Title [x]](https://arxiv.org/abs/2406.16793)',
  '](https://arxiv.org/abs/2406.16793v2)',
  '](https://arxiv.org/pdf/hep-th/9901001)',
  '](javascript:alert(1))',
  'Vote: ',
  'Vote: -',
  'Vote: 12',
  'Authors: ',
  ', ',
  '![](',
  '[Watch Video](',
  '<div><video controls src="https://x.org/v.mp4"></video></div>',
  "<video src='",
  'https://cdn.example/a.png',
  ')',
  '- ',
  '- **',
  '- ***',
  "What's New",
  '**: ',
  '*: ',
  '  - ',
  '1) ',
  '$\\times$',
  '\t',
  '\r',
  ' ',
  '한국어',
  '',
];

const lineSoup = fc
  .array(
    fc
      .array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 6 })), { maxLength: 6 })
      .map((parts) => parts.join('')),
    { maxLength: 40 },
  )
  .map((lines) => lines.join('\n'));

type Mutation =
  | { kind: 'delete' | 'duplicate' | 'truncate'; at: number }
  | { kind: 'swap'; at: number; other: number }
  | { kind: 'insert'; at: number; offset: number; chars: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constantFrom('delete' as const, 'duplicate' as const, 'truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap' as const), at: fc.nat(), other: fc.nat() }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    offset: fc.nat(),
    chars: fc.oneof(
      fc.string({ unit: 'binary', minLength: 1, maxLength: 8 }),
      // Unicode whitespace and C1 controls, which a random draw seldom hits (a media URL once kept a no-break space).
      fc.constantFrom('\u00a0', '\u3000', '\u2028', '\u2029', '\u202f', '\ufeff', '\u0085', '\u200b'),
    ),
  }),
);

function mutate(text: string, ops: Mutation[]): string {
  let lines = text.split('\n');
  for (const op of ops) {
    if (lines.length === 0) break;
    const at = op.at % lines.length;
    const line = lines[at] ?? '';
    switch (op.kind) {
      case 'delete':
        lines.splice(at, 1);
        break;
      case 'duplicate':
        lines.splice(at, 0, line);
        break;
      case 'swap': {
        const other = op.other % lines.length;
        lines[at] = lines[other] ?? '';
        lines[other] = line;
        break;
      }
      case 'insert': {
        const offset = op.offset % (line.length + 1);
        lines[at] = line.slice(0, offset) + op.chars + line.slice(offset);
        break;
      }
      case 'truncate': {
        const joined = lines.join('\n');
        lines = joined.slice(0, op.at % (joined.length + 1)).split('\n');
        break;
      }
    }
  }
  return lines.join('\n');
}

const mutatedDigest = fc
  .record({ source: fc.nat(), ops: fc.array(mutation, { minLength: 1, maxLength: 8 }) })
  .map(({ source, ops }) => mutate(sources[source % sources.length] ?? '', ops));

const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), lineSoup);
const anyPath = fc.option(fc.oneof(fc.string(), fc.constant('paper_logs/2024/06/27.md')), { nil: null });

describe('parseDigest properties', () => {
  it(
    'never throws and is well-formed on arbitrary strings and line soups',
    () => {
      fc.assert(
        fc.property(anyText, anyPath, (text, path) => {
          expect(wellFormedProblem(parseDigest(text, path), text, path)).toBeNull();
        }),
        { numRuns: NUM_RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    'never throws and is well-formed on mutated real digests',
    () => {
      expect(sources.length).toBeGreaterThan(0);
      fc.assert(
        fc.property(mutatedDigest, (text) => {
          expect(wellFormedProblem(parseDigest(text, 'x/2024/06/27.md'), text, 'x/2024/06/27.md')).toBeNull();
        }),
        { numRuns: NUM_RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    'CRLF line endings parse exactly like LF',
    () => {
      fc.assert(
        fc.property(fc.oneof(lineSoup, mutatedDigest), (raw) => {
          const text = raw.replace(/\r/g, '');
          expect(parseDigest(text.replace(/\n/g, '\r\n'))).toEqual(parseDigest(text));
        }),
        { numRuns: Math.min(NUM_RUNS, FULL ? 20_000 : 500) },
      );
    },
    TIMEOUT,
  );
});

describe('parseDigest heading ids agree with the shared recogniser', () => {
  it(
    'the char-code fast path for `abs/YYMM.NNNNN` never disagrees with parseArxivId',
    () => {
      const digits = (n: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n });
      const idLike = fc
        .tuple(
          digits(4),
          fc.constantFrom('.', ','),
          fc.integer({ min: 3, max: 6 }).chain(digits),
          fc.constantFrom('', 'v1', 'v0', 'v12'),
        )
        .map(([a, dot, b, v]) => `${a}${dot}${b}${v}`);
      const title = fc.string({ maxLength: 20 }).filter((t) => !t.includes('\n'));
      fc.assert(
        fc.property(idLike, title, fc.constantFrom('', ' ', '\t', '\r'), (id, t, tail) => {
          const line = `### [${t}](https://arxiv.org/abs/${id})${tail}`;
          const got = parseDigest(line).papers[0]?.arxivId ?? null;
          expect(got).toBe(parseArxivId(id)?.id ?? null);
        }),
        { numRuns: NUM_RUNS },
      );
    },
    TIMEOUT,
  );
});

const TYPES = new Set(['text', 'bold', 'italic', 'bold-italic', 'code', 'math', 'link']);

/** The first way `tokens` is not well-formed for input `text`, or null. */
function tokenProblem(tokens: InlineToken[], text: string): string | null {
  let total = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as InlineToken;
    if (!TYPES.has(t.type)) return `type ${t.type}`;
    if (typeof t.text !== 'string' || t.text.length === 0) return `empty ${t.type}`;
    if (t.type === 'link' && !/^https?:\/\/\S+$/i.test(t.href)) return `href ${JSON.stringify(t.href)}`;
    if (t.type === 'text' && tokens[i - 1]?.type === 'text') return 'adjacent text tokens';
    total += t.text.length;
  }
  return total <= text.length ? null : 'more text out than in';
}

const INLINE_FRAGMENTS = [
  '*',
  '**',
  '***',
  '_',
  '__',
  '`',
  '$',
  '$$',
  '[',
  ']',
  '(',
  ')',
  '](',
  '\\',
  'http://',
  'https://x.org/a',
  'javascript:',
  'data:',
  ' ',
  'a',
  '가',
];
const inlineSoup = fc
  .array(fc.oneof(fc.constantFrom(...INLINE_FRAGMENTS), fc.string({ maxLength: 3 })), { maxLength: 30 })
  .map((parts) => parts.join(''));

describe('tokenizeInline properties', () => {
  it(
    'never throws; tokens are non-empty, text never repeats, links are http(s), no text is invented',
    () => {
      fc.assert(
        fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), inlineSoup), (text) => {
          expect(tokenProblem(tokenizeInline(text), text)).toBeNull();
        }),
        { numRuns: NUM_RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    'text without any marker character is one plain text token',
    () => {
      const plain = fc.string({ unit: 'binary', maxLength: 200 }).map((s) => s.replace(/[*_`$[\]\\h]/g, ''));
      fc.assert(
        fc.property(plain, (text) => {
          expect(tokenizeInline(text)).toEqual(text ? [{ type: 'text', text }] : []);
        }),
        { numRuns: NUM_RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    'never throws on real section texts after mutation',
    () => {
      fc.assert(
        fc.property(mutatedDigest, (text) => {
          for (const p of parseDigest(text).papers.slice(0, 5)) {
            for (const s of p.sections) expect(tokenProblem(tokenizeInline(s.text), s.text)).toBeNull();
            expect(tokenProblem(tokenizeInline(p.title), p.title)).toBeNull();
          }
        }),
        { numRuns: Math.min(NUM_RUNS, FULL ? 20_000 : 300) },
      );
    },
    TIMEOUT,
  );
});
