import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './support/launch';

const FIREFOX_DIR = join(ROOT, '.output', 'firefox-mv2');

describe('Firefox build', () => {
  it('passes web-ext lint with 0 errors', () => {
    expect(existsSync(join(FIREFOX_DIR, 'manifest.json')), 'run npm run build:firefox first').toBe(true);
    let out: string;
    try {
      out = execFileSync(
        join(ROOT, 'node_modules', '.bin', 'web-ext'),
        ['lint', '-s', FIREFOX_DIR, '--output', 'json', '--no-input'],
        {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
    } catch (e) {
      out = (e as { stdout?: string }).stdout ?? '';
    }
    const report = JSON.parse(out.slice(out.indexOf('{'))) as {
      errors: { code: string; message: string }[];
      warnings: { code: string }[];
    };
    expect(report.errors.map((e) => `${e.code}: ${e.message}`)).toEqual([]);
    // Only a warning for the linter, but addons.mozilla.org refuses a new extension without Firefox's data consent.
    expect(report.warnings.map((w) => w.code)).not.toContain('MISSING_DATA_COLLECTION_PERMISSIONS');
  });

  it('can still ask for a custom source and huggingface.co (MV2 has no optional_host_permissions)', () => {
    const manifest = JSON.parse(readFileSync(join(FIREFOX_DIR, 'manifest.json'), 'utf8')) as {
      optional_permissions?: string[];
      browser_action?: unknown;
    };
    expect(manifest.optional_permissions).toEqual(
      expect.arrayContaining(['https://huggingface.co/*', 'https://*/*', 'http://*/*']),
    );
    expect(manifest.browser_action).toBeDefined();
  });
});
