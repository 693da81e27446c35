/**
 * Digest parser speed over the whole corpus (../shared/digest-corpus; test/fixtures/digests when it is missing),
 * compared in the same run with `marked.lexer` (goal: ≥10× faster) and a bare `text.split('\n')` (goal: ≤4× its time).
 * Each figure is the median of several timed passes over all files after a warm-up.
 *
 * The parser is timed as it ships: bundled into one scope by esbuild (as Vite bundles the background), not through
 * tsx's per-module transform, where every imported constant (caps, char codes) is read through a getter — a
 * quarter of the parse time in a profile, and none of it in the extension.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { marked } from 'marked';
import type { parseDigest as ParseDigest } from '../lib/digest/parse';
import { CORPUS_DIR, hasShared, LOCAL_FIXTURES_DIR, mdFiles } from '../test/support/shared';
import type { Report } from './run';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

/**
 * Median wall time (ms) of one pass over all texts for each function. Passes are interleaved (a, b, c, a, b, c, …)
 * so a busy machine slows all of them alike and the ratios stay meaningful.
 */
function timeInterleaved(texts: string[], passes: number, fns: ((t: string) => number)[]): number[] {
  const samples = fns.map(() => [] as number[]);
  let sink = 0;
  for (let i = 0; i < passes; i++) {
    fns.forEach((fn, k) => {
      const t0 = performance.now();
      for (const t of texts) sink += fn(t);
      samples[k]?.push(performance.now() - t0);
    });
  }
  if (sink < 0) console.error('unreachable');
  return samples.map(median);
}

/** lib/digest/parse.ts bundled into one ES module in a temporary directory, imported. */
async function shippedParser(): Promise<typeof ParseDigest> {
  const out = await build({
    entryPoints: [join(import.meta.dirname, '../lib/digest/parse.ts')],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    write: false,
  });
  const file = join(mkdtempSync(join(tmpdir(), 'parse-bench-')), 'parse.mjs');
  writeFileSync(file, out.outputFiles[0]?.text ?? '');
  const mod = (await import(pathToFileURL(file).href)) as { parseDigest: typeof ParseDigest };
  return mod.parseDigest;
}

export async function run(report: Report): Promise<void> {
  const parseDigest = await shippedParser();
  const dir = hasShared ? join(CORPUS_DIR, 'paper_logs') : join(LOCAL_FIXTURES_DIR, 'digests');
  if (!hasShared) console.error(`parse.bench: ../shared not found; timing test/fixtures/digests instead (${dir})`);
  const files = mdFiles(dir);
  const read = files.map((f) => readFileSync(f, 'utf8'));
  // The fixtures are a few KB: repeat them so one pass is long enough for the timer to resolve.
  const texts = hasShared ? read : Array.from({ length: 400 }, () => read).flat();
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t, 'utf8'), 0);

  const ours = (t: string) => parseDigest(t).papers.length;
  const split = (t: string) => t.split('\n').length;
  const lexer = (t: string) => marked.lexer(t).length;

  // Warm-up so all three are JIT-compiled before timing.
  timeInterleaved(texts, 3, [ours, split, lexer]);
  // marked is ~10-20x slower: it gets its own fewer passes, interleaved with ours again for the ratio.
  const passes = 31;
  const [p = 0, s = 0] = timeInterleaved(texts, passes, [ours, split]);
  const [p2 = 0, m = 0] = timeInterleaved(texts, Math.max(3, Math.floor(passes / 3)), [ours, lexer]);
  console.error(
    `parse.bench: ${files.length} files${hasShared ? '' : ' × 400'}, ${(bytes / 1e6).toFixed(2)} MB; parse ${p.toFixed(2)} ms, split ${s.toFixed(2)} ms, marked.lexer ${m.toFixed(1)} ms per pass (median)`,
  );
  report('parse.throughput', bytes / 1e6 / (p / 1000), 'MB/s');
  report('parse.vs_marked', m / p2, 'x');
  report('parse.vs_split', p / s, 'x');
}
