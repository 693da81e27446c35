/** The built extensions carry the icon generated from assets/icon.svg at every size the manifest names. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './support/launch';

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): [number, number] {
  const b = readFileSync(file);
  expect(b.subarray(1, 4).toString('latin1')).toBe('PNG');
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
}

describe.each(['chrome-mv3', 'firefox-mv2'])('icons of the %s build', (build) => {
  const dir = join(ROOT, '.output', build);
  it.runIf(existsSync(dir))('the manifest names 16, 32, 48 and 128 px icons that exist at those sizes', () => {
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
      icons: Record<string, string>;
      action?: { default_icon?: Record<string, string> };
      browser_action?: { default_icon?: Record<string, string> };
    };
    expect(Object.keys(manifest.icons).sort()).toEqual(['128', '16', '32', '48']);
    const toolbar = (manifest.action ?? manifest.browser_action)?.default_icon ?? {};
    expect(Object.keys(toolbar).length).toBeGreaterThan(0);
    for (const [size, path] of [...Object.entries(manifest.icons), ...Object.entries(toolbar)]) {
      expect(pngSize(join(dir, path))).toEqual([Number(size), Number(size)]);
    }
  });
});
