/**
 * The panel follows the page's colour scheme: a page with a dark background gets the dark palette, a page with
 * a styled light background the light one; an unstyled page (transparent background) leaves it to
 * `prefers-color-scheme` (theme `auto`).
 */
import type { PanelTheme } from '../../components/DigestPanel';

export function luminance(rgb: string): number | null {
  const m = /^rgba?\((\d+)[ ,]+(\d+)[ ,]+(\d+)(?:[ ,/]+([\d.]+))?\)$/.exec(rgb.trim());
  if (!m) return null;
  if (m[4] !== undefined && Number(m[4]) === 0) return null; // transparent
  const [r, g, b] = [m[1], m[2], m[3]].map((v) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function pageTheme(doc: Document): PanelTheme {
  const view = doc.defaultView;
  if (!view) return 'auto';
  for (const el of [doc.body, doc.documentElement]) {
    if (!el) continue;
    const l = luminance(view.getComputedStyle(el).backgroundColor);
    if (l !== null) return l < 0.2 ? 'dark' : 'light';
  }
  return 'auto';
}
