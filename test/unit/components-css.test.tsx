/**
 * panel.css as a browser applies it (happy-dom's cascade, in a shadow root like the content script's): every text
 * colour pair meets WCAG 2 AA (4.5:1 text, 3:1 focus ring and control borders) under a light and a dark OS scheme and
 * with either scheme forced; forcing a scheme gives exactly the colours of that OS scheme; and the sheet stays
 * self-contained (nothing WXT would move into arXiv's document, and arXiv's own page looks the same with it loaded).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { LOCAL_FIXTURES_DIR } from '../support/shared';

/** The sheets as the listing badges get them (panel.css, then badge.css); the paper panel gets panel.css alone. */
const css = ['panel.css', 'badge.css']
  .map((f) => readFileSync(new URL(`../../components/${f}`, import.meta.url), 'utf8'))
  .join('\n');
/** The sheet without its comments, for the checks on its text. */
const rules = css.replace(/\/\*[\s\S]*?\*\//g, '');

type Scheme = 'light' | 'dark';
/** Where the content script may force a scheme: on the shadow host, or on the component root inside. */
type ForcedOn = 'host' | 'root';

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
const VARS = [...new Set(PAIRS.flatMap(([fg, bg]) => [fg, bg] as string[]))];

/**
 * The colour each palette variable resolves to inside a panel, for an OS colour scheme and an optional forced one:
 * read as the computed `color` of a probe element that uses the variable.
 */
function palette(os: Scheme, forced: Scheme | null = null, on: ForcedOn = 'root'): Record<string, string> {
  const win = new Window({ settings: { device: { prefersColorScheme: os } } });
  try {
    const doc = win.document;
    const host = doc.createElement('div');
    doc.body.append(host);
    const shadow = host.attachShadow({ mode: 'open' });
    const style = doc.createElement('style');
    style.textContent = css;
    const root = doc.createElement('section');
    root.className = 'akd-root akd-panel';
    shadow.append(style, root);
    if (forced) (on === 'host' ? host : root).classList.add(forced);
    const out: Record<string, string> = {};
    for (const name of VARS) {
      const probe = doc.createElement('span');
      probe.setAttribute('style', `color: var(${name})`);
      root.append(probe);
      out[name] = rgb(win.getComputedStyle(probe).color).join(',');
    }
    return out;
  } finally {
    win.close();
  }
}

/** `#rgb`, `#rrggbb` or `rgb(r, g, b)` → [r, g, b]; anything else fails the test. */
function rgb(color: string): [number, number, number] {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim());
  if (hex) {
    const h = (hex[1] as string).length === 3 ? [...(hex[1] as string)].map((c) => c + c).join('') : (hex[1] as string);
    return [0, 2, 4].map((i) => Number.parseInt(h.slice(i, i + 2), 16)) as [number, number, number];
  }
  const m = /^rgba?\((\d+)[ ,]+(\d+)[ ,]+(\d+)/.exec(color.trim());
  if (!m) throw new Error(`not a resolved colour: ${JSON.stringify(color)}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

function luminance(color: string): number {
  const [r, g, b] = color.split(',').map((v) => {
    const c = Number(v) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const CASES: [Scheme, Scheme | null, ForcedOn][] = (['light', 'dark'] as const).flatMap((os) => [
  [os, null, 'root'],
  ...(['light', 'dark'] as const).flatMap((forced) => [
    [os, forced, 'host'] as [Scheme, Scheme, ForcedOn],
    [os, forced, 'root'] as [Scheme, Scheme, ForcedOn],
  ]),
]);

describe('panel.css colours', () => {
  it.each(CASES)('OS %s, forced %s (on the %s): every pair meets WCAG AA', (os, forced, on) => {
    const colours = palette(os, forced, on);
    for (const [fg, bg, min, use] of PAIRS) {
      expect(contrast(colours[fg] as string, colours[bg] as string), `${fg} on ${bg} (${use})`).toBeGreaterThanOrEqual(
        min,
      );
    }
  });

  it('follows the OS scheme when nothing is forced', () => {
    expect(palette('dark')).not.toEqual(palette('light'));
  });

  it.each(CASES.filter(([, forced]) => forced !== null))(
    'OS %s, forced %s (on the %s): the colours of that OS scheme',
    (os, forced, on) => {
      expect(palette(os, forced, on)).toEqual(palette(forced as Scheme));
    },
  );

  it('the contrast formula matches known values', () => {
    expect(contrast('0,0,0', '255,255,255')).toBeCloseTo(21, 5);
    expect(contrast('118,118,118', '255,255,255')).toBeCloseTo(4.54, 2);
  });
});

describe('panel.css isolation', () => {
  it('has nothing WXT moves into the page document and no !important', () => {
    expect(rules).not.toMatch(/@font-face|@property|@import/);
    expect(rules).not.toMatch(/!important/);
  });

  const PROPS = ['color', 'background-color', 'font-family', 'font-size', 'display', 'margin', 'padding', 'border'];
  const pages = readdirSync(join(LOCAL_FIXTURES_DIR, 'arxiv')).filter((f) => f.endsWith('.html'));

  it.each(pages)('%s looks the same with the sheet in its document (no selector reaches the page)', (file) => {
    const html = readFileSync(join(LOCAL_FIXTURES_DIR, 'arxiv', file), 'utf8');
    for (const os of ['light', 'dark'] as const) {
      const win = new Window({
        settings: {
          device: { prefersColorScheme: os },
          disableCSSFileLoading: true,
          disableJavaScriptFileLoading: true,
        },
      });
      try {
        win.document.write(html);
        const elements = [...win.document.querySelectorAll('body *')];
        const look = () =>
          elements.map((el) => {
            const s = win.getComputedStyle(el);
            return PROPS.map((p) => s.getPropertyValue(p)).join('|');
          });
        const before = look();
        const style = win.document.createElement('style');
        style.textContent = css;
        win.document.head.append(style);
        expect(elements.length).toBeGreaterThan(20);
        expect(look()).toEqual(before);
      } finally {
        win.close();
      }
    }
  });

  it('gives keyboard focus a visible ring', () => {
    expect(rules).toMatch(/:focus-visible\s*\{[^}]*outline:\s*2px solid var\(--akd-focus\)/);
  });
});
