/**
 * Inline markdown is tokenized in the background only: no renderer (components, content scripts, extension pages)
 * reaches lib/digest/inline.ts (or lib/show.ts, which wraps it) through its imports. Type-only imports are erased
 * and do not count.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const FORBIDDEN = ['lib/digest/inline.ts', 'lib/show.ts'];
const IMPORT_RE = /^\s*(import|export)\s+(type\s+)?[^'";]*?\bfrom\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]/gm;

function filesUnder(dir: string): string[] {
  const abs = join(ROOT, dir);
  return readdirSync(abs).flatMap((name) => {
    const p = join(abs, name);
    if (statSync(p).isDirectory()) return filesUnder(relative(ROOT, p));
    return /\.tsx?$/.test(name) ? [relative(ROOT, p)] : [];
  });
}

function resolveImport(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = resolve(ROOT, dirname(from), spec.replace(/\?.*$/, ''));
  for (const c of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')]) {
    if (/\.tsx?$/.test(c) && existsSync(c) && statSync(c).isFile()) return relative(ROOT, c);
  }
  return null;
}

/** Value imports of a file (relative ones, resolved to repository paths). */
function valueImports(file: string): string[] {
  const src = readFileSync(join(ROOT, file), 'utf8');
  const out: string[] = [];
  for (const m of src.matchAll(IMPORT_RE)) {
    if (m[2]) continue; // `import type … from`
    const spec = m[3] ?? m[4];
    const to = spec ? resolveImport(file, spec) : null;
    if (to) out.push(to);
  }
  return out;
}

/** Every file reachable from `start` through value imports, with the chain that reached it. */
function reach(start: string): Map<string, string[]> {
  const seen = new Map<string, string[]>([[start, [start]]]);
  const queue = [start];
  while (queue.length > 0) {
    const file = queue.shift() as string;
    for (const next of valueImports(file)) {
      if (seen.has(next)) continue;
      seen.set(next, [...(seen.get(file) ?? []), next]);
      queue.push(next);
    }
  }
  return seen;
}

const RENDERERS = [
  ...filesUnder('components'),
  ...filesUnder('lib/content'),
  ...filesUnder('lib/pages'),
  ...readdirSync(join(ROOT, 'entrypoints'))
    .filter((d) => d.endsWith('.content') || ['popup', 'reader', 'options'].includes(d))
    .flatMap((d) => filesUnder(`entrypoints/${d}`)),
];

describe('renderers do not tokenize', () => {
  it('covers the content scripts and the pages', () => {
    expect(RENDERERS).toEqual(
      expect.arrayContaining([
        'components/InlineText.tsx',
        'components/Sections.tsx',
        'entrypoints/arxiv-paper.content/index.ts',
        'entrypoints/popup/main.tsx',
      ]),
    );
  });

  it.each(RENDERERS)('%s does not reach lib/digest/inline.ts', (file) => {
    const reached = reach(file);
    for (const f of FORBIDDEN) expect(reached.get(f), `${file} → ${f}`).toBeUndefined();
  });

  it('nothing under components/ names lib/digest/inline in an import', () => {
    for (const file of filesUnder('components')) {
      expect(readFileSync(join(ROOT, file), 'utf8'), file).not.toMatch(/from\s+['"][^'"]*digest\/inline['"]/);
    }
  });

  it('the background does reach it (so the walk above follows imports)', () => {
    expect(reach('entrypoints/background.ts').get('lib/digest/inline.ts')).toEqual(
      expect.arrayContaining(['entrypoints/background.ts', 'lib/show.ts', 'lib/digest/inline.ts']),
    );
  });
});
