/**
 * panel.css: every text colour pair of both palettes meets WCAG 2 AA (4.5:1 text, 3:1 focus ring and control
 * borders), the forced palettes equal the default/media ones, and the sheet stays self-contained (no rule that
 * WXT would move into arXiv's document, no unscoped selector).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const css = readFileSync(new URL('../../components/panel.css', import.meta.url), 'utf8').replace(
  /\/\*[\s\S]*?\*\//g,
  '',
);

/** Declaration blocks that define palette variables, keyed by their selector text. */
function palettes(): { selector: string; vars: Record<string, string> }[] {
  const out: { selector: string; vars: Record<string, string> }[] = [];
  for (const m of css.matchAll(/([^{}]+)\{([^{}]*?--akd-[\w-]+\s*:[^{}]*)\}/g)) {
    const vars: Record<string, string> = {};
    for (const d of (m[2] ?? '').matchAll(/(--akd-[\w-]+)\s*:\s*([^;]+);/g))
      vars[d[1] as string] = (d[2] as string).trim();
    out.push({ selector: (m[1] ?? '').trim().replace(/\s+/g, ' '), vars });
  }
  return out;
}

function luminance(hex: string): number {
  const h = hex.replace('#', '');
  const full = h.length === 3 ? [...h].map((c) => c + c).join('') : h;
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = Number.parseInt(full.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** [foreground, background, minimum ratio, where it is used]. */
const PAIRS: [string, string, number, string][] = [
  ['--akd-fg', '--akd-surface', 4.5, 'body text'],
  ['--akd-muted', '--akd-surface', 4.5, 'dates, notes, attribution'],
  ['--akd-accent', '--akd-surface', 4.5, 'section labels, vote count'],
  ['--akd-link', '--akd-surface', 4.5, 'links and link buttons'],
  ['--akd-fg', '--akd-code-bg', 4.5, 'code and math'],
  ['--akd-accent', '--akd-badge-bg', 4.5, 'badge text'],
  ['--akd-badge-bg', '--akd-accent', 4.5, 'expanded badge text'],
  ['--akd-focus', '--akd-surface', 3, 'focus ring'],
  ['--akd-focus', '--akd-badge-bg', 3, 'focus ring around the badge'],
  ['--akd-border', '--akd-surface', 3, 'panel border'],
  ['--akd-border', '--akd-badge-bg', 3, 'badge border'],
];

describe('panel.css palettes', () => {
  const all = palettes();

  it('has a light default, a dark media palette and forced light/dark classes', () => {
    expect(all.map((p) => p.selector)).toEqual([
      ':root, :host',
      ':root, :host',
      ':host(.light), .light',
      ':host(.dark), .dark',
    ]);
    expect(css).toMatch(/@media \(prefers-color-scheme: dark\)\s*\{\s*:root,\s*:host\s*\{/);
  });

  it('forced palettes repeat the default and media palettes exactly', () => {
    const [light, dark, forcedLight, forcedDark] = all;
    expect(forcedLight?.vars).toEqual(light?.vars);
    expect(forcedDark?.vars).toEqual(dark?.vars);
    expect(Object.keys(dark?.vars ?? {})).toEqual(Object.keys(light?.vars ?? {}));
  });

  for (const [i, name] of ['light', 'dark'].entries()) {
    it.each(PAIRS)(`${name}: %s on %s ≥ %s (%s)`, (fg, bg, min) => {
      const vars = all[i]?.vars ?? {};
      const a = vars[fg];
      const b = vars[bg];
      expect(a).toMatch(/^#[0-9a-f]{3,6}$/i);
      expect(b).toMatch(/^#[0-9a-f]{3,6}$/i);
      expect(contrast(a as string, b as string)).toBeGreaterThanOrEqual(min);
    });
  }

  it('the contrast formula matches known values', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });
});

describe('panel.css isolation', () => {
  it('has nothing WXT moves into the page document and no !important', () => {
    expect(css).not.toMatch(/@font-face|@property|@import/);
    expect(css).not.toMatch(/!important/);
  });

  it('every selector is scoped to the panel/badge classes or the shadow host', () => {
    const selectors = [...css.replace(/@media[^{]+\{/g, '').matchAll(/([^{}]+)\{[^{}]*\}/g)].flatMap((m) =>
      (m[1] ?? '').split(',').map((s) => s.trim()),
    );
    expect(selectors.length).toBeGreaterThan(30);
    for (const s of selectors) expect(s, s).toMatch(/^(\.akd-|:host|:root$|\.light$|\.dark$)/);
  });

  it('gives keyboard focus a visible ring', () => {
    expect(css).toMatch(/:focus-visible\s*\{[^}]*outline:\s*2px solid var\(--akd-focus\)/);
  });
});
