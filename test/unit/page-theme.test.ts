// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { luminance, pageTheme } from '../../lib/content/page-theme';

/** The test's document styled like a page with `css` (computed styles need a document with a window). */
function page(css: string): Document {
  const el = document.createElement('style');
  el.textContent = css;
  document.head.replaceChildren(el);
  return document;
}

describe('the panel follows the page colour scheme', () => {
  it.each([
    ['a dark page', 'body { background-color: rgb(20, 20, 24); }', 'dark'],
    ['a light page', 'body { background-color: rgb(255, 255, 255); }', 'light'],
    ['a dark root under a transparent body', 'html { background-color: rgb(17, 17, 17); }', 'dark'],
    ['an unstyled page (stylesheets blocked)', '', 'auto'],
  ])('%s → %s', (_name, css, theme) => {
    expect(pageTheme(page(css))).toBe(theme);
  });

  it('reads rgb and rgba, and treats transparent as unknown', () => {
    expect(luminance('rgb(255, 255, 255)')).toBeCloseTo(1);
    expect(luminance('rgba(0, 0, 0, 0)')).toBeNull();
    expect(luminance('rgba(0, 0, 0, 1)')).toBeCloseTo(0);
    expect(luminance('not a colour')).toBeNull();
  });
});
