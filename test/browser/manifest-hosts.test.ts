/**
 * The built manifests name every arXiv host of lib/arxiv-hosts.ts alike: the paper and listing content scripts run
 * on each, and each host's PDF pages are a host permission (the toolbar badge), in Chrome's MV3 and Firefox's MV2.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARXIV_HOSTS } from '../../lib/arxiv-hosts';
import { ROOT } from './support/launch';

interface Manifest {
  content_scripts: { matches: string[] }[];
  host_permissions?: string[];
  permissions?: string[];
}

/** Paths each content script runs on, per host. */
const PAPER_PATHS = ['abs/*', 'abs?*', 'html/*'];
const LISTING_PATHS = ['list/*', 'list?*', 'catchup/*', 'search*'];

describe.each(['chrome-mv3', 'firefox-mv2'])('arXiv hosts in the %s manifest', (build) => {
  const file = join(ROOT, '.output', build, 'manifest.json');
  it.runIf(existsSync(file))('every arXiv host gets both content scripts and the PDF host permission', () => {
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as Manifest;
    const scriptFor = (path: string) =>
      manifest.content_scripts.find((s) => s.matches.includes(`https://arxiv.org/${path}`));
    const paper = scriptFor('abs/*');
    const listing = scriptFor('list/*');
    expect(paper).toBeDefined();
    expect(listing).toBeDefined();
    // MV2 puts host permissions among the permissions.
    const hosts = manifest.host_permissions ?? manifest.permissions ?? [];
    for (const host of ARXIV_HOSTS) {
      expect(paper?.matches).toEqual(expect.arrayContaining(PAPER_PATHS.map((p) => `https://${host}/${p}`)));
      expect(listing?.matches).toEqual(expect.arrayContaining(LISTING_PATHS.map((p) => `https://${host}/${p}`)));
      expect(hosts).toContain(`https://${host}/pdf/*`);
    }
    const arxivMatches = manifest.content_scripts.flatMap((s) => s.matches).filter((m) => m.includes('arxiv.org'));
    expect(new Set(arxivMatches.map((m) => new URL(m.replace('*', 'x')).hostname))).toEqual(new Set(ARXIV_HOSTS));
  });
});
