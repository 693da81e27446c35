/**
 * The fake of Chrome's on-device APIs (test/support/fake-chrome-ai.ts) lives only in tests: no production source
 * imports anything under test/, and none carries the fake's marker strings. (test/browser/gen-chrome-ai.test.ts
 * checks the built files themselves.)
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FAKE_CHROME_AI_MARKERS } from '../support/fake-chrome-ai';

const ROOT = resolve(__dirname, '../..');
const PRODUCTION = ['lib', 'entrypoints', 'components'];
const SPEC_RE = /\b(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g;

function sourcesUnder(dir: string): string[] {
  const abs = join(ROOT, dir);
  return readdirSync(abs).flatMap((name) => {
    const p = join(abs, name);
    if (statSync(p).isDirectory()) return sourcesUnder(relative(ROOT, p));
    return /\.(tsx?|html)$/.test(name) ? [relative(ROOT, p)] : [];
  });
}

const files = [...PRODUCTION.flatMap(sourcesUnder), 'wxt.config.ts'];

describe('the on-device fake stays in tests', () => {
  it('finds the production sources, the offscreen document among them', () => {
    expect(files).toEqual(expect.arrayContaining(['entrypoints/offscreen/main.ts', 'lib/gen/chrome-ai/provider.ts']));
  });

  it('no production source imports anything under test/', () => {
    const offenders = files.flatMap((f) =>
      [...readFileSync(join(ROOT, f), 'utf8').matchAll(SPEC_RE)]
        .map((m) => m[1] ?? '')
        .filter((spec) => {
          const target = spec.startsWith('.') ? relative(ROOT, resolve(ROOT, dirname(f), spec)) : spec;
          return target.split('/')[0] === 'test';
        })
        .map((spec) => `${f} → ${spec}`),
    );
    expect(offenders).toEqual([]);
  });

  it('no production source carries the fake’s marker strings', () => {
    const offenders = files.filter((f) => {
      const src = readFileSync(join(ROOT, f), 'utf8');
      return FAKE_CHROME_AI_MARKERS.some((m) => src.includes(m));
    });
    expect(offenders).toEqual([]);
  });
});
