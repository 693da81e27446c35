import type { Alias, AliasOptions } from 'vite';
import { defineConfig } from 'wxt';
import { arxivMatchPatterns } from './lib/arxiv-hosts';

// Narrowest permissions that work; each one's reason is in README.md ("Permissions").

/** Asked for at run time only: a custom source URL's origin, and huggingface.co (see below). */
/** The toolbar button: its title and icon (generated from assets/icon.svg). */
const TOOLBAR_ACTION = {
  default_title: '__MSG_extName__',
  default_icon: { 16: 'icons/16.png', 32: 'icons/32.png', 48: 'icons/48.png' },
};

const OPTIONAL_ORIGINS = ['https://huggingface.co/*', 'https://*/*', 'http://*/*'];

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/auto-icons'],
  // assets/icon.svg → icons/{16,32,48,128}.png for the manifest and the toolbar (no grey "dev" variant: the dev build
  // is the one people try first).
  autoIcons: { baseIconPath: 'assets/icon.svg', developmentIndicator: false },
  imports: false,
  manifest: ({ browser, manifestVersion }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'ko',
    // `offscreen` (Chrome MV3 only: Firefox has no offscreen documents): Chrome's on-device Translator and Summarizer
    // are not exposed in the service worker, so they run in entrypoints/offscreen (lib/gen/chrome-ai).
    permissions: [
      'storage',
      'alarms',
      'activeTab',
      ...(manifestVersion === 3 && browser !== 'firefox' ? ['offscreen'] : []),
    ],
    // PDF pages on every arXiv host (lib/arxiv-hosts.ts): the toolbar badge reads their URL (no content script there).
    host_permissions: ['https://raw.githubusercontent.com/*', ...arxivMatchPatterns(['pdf/*'])],
    // https://huggingface.co/* is not asked at install but in the click that turns a Hugging Face feature on ("Allow"
    // in the popup's "Today on Hugging Face", or the options toggles): the core (Korean digests on arXiv) never talks to
    // Hugging Face, and a narrower pattern would not be narrower (Chrome ignores the path of a host permission, so
    // `…/api/daily_papers*` would grant the per-paper endpoint too). The background asks Hugging Face only when
    // `permissions.contains` says granted AND the feature's setting is on (live votes: off by default, they reveal what
    // is read). Measured in Chromium: the huggingface.co/papers/* content script alone already lets the worker fetch
    // anything on huggingface.co (CORS is per origin), yet `contains` stays false, so that check is the gate.
    // MV2 (Firefox) has no optional_host_permissions (WXT drops the key there): origins go in optional_permissions.
    ...(manifestVersion === 2
      ? { optional_permissions: OPTIONAL_ORIGINS }
      : { optional_host_permissions: OPTIONAL_ORIGINS }),
    // WXT turns `action` into MV2's `browser_action` but keeps only the popup there, so both are spelled out.
    [manifestVersion === 2 ? 'browser_action' : 'action']: TOOLBAR_ACTION,
    browser_specific_settings: {
      gecko: {
        id: 'arxiv-ko-digest@example.org',
        strict_min_version: '109.0',
        // Firefox's data consent (addons.mozilla.org asks new extensions for it): nothing leaves the browser for the
        // core (digests are downloaded, nothing is sent), so nothing is required. Two features the user turns on
        // send something, both off by default: a Korean summary sends the paper's title and abstract to the
        // endpoint the user configured (websiteContent), and live votes ask huggingface.co about each paper page
        // opened (browsingActivity).
        data_collection_permissions: { required: ['none'], optional: ['websiteContent', 'browsingActivity'] },
      },
    },
  }),
  hooks: {
    // The content scripts leave webextension-polyfill out (the background and the pages keep it): they only call
    // promise-returning APIs that Chrome MV3 and Firefox provide natively (runtime.sendMessage, storage.local), and
    // the polyfill is ~3 kB of their ~16 kB gzipped, against a 15 kB goal for the panel's script. So does the popup's
    // <head> script (one runtime.sendMessage), which must be small to run early.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.every((e) => e.type === 'content-script' || e.type === 'unlisted-script')) return;
      config.resolve ??= {};
      config.resolve.alias = withoutPolyfill(config.resolve.alias);
    },
  },
  zip: {
    // addons.mozilla.org review asks for the sources that rebuild the Firefox zip (`npm ci && npm run build:firefox`,
    // see README.md). WXT already leaves out node_modules, .output, dotfiles and *.test.ts; tests' helpers and
    // fixtures, benchmarks and screenshots are not needed for a build either. scripts/check-zips.mjs checks the result.
    excludeSources: ['test/**', 'bench/**', 'docs/**', 'vitest.config.ts', 'vitest.browser.config.ts'],
  },
  webExt: {
    binaries: { chrome: '/usr/bin/chromium' },
    startUrls: ['https://arxiv.org/abs/2406.16793'],
    chromiumArgs: ['--no-sandbox', '--disable-gpu'],
  },
});

function withoutPolyfill(alias: AliasOptions | undefined): AliasOptions | undefined {
  const isPolyfill = (find: unknown) => find === 'wxt/browser';
  if (Array.isArray(alias)) return (alias as Alias[]).filter((a) => !isPolyfill(a.find));
  if (alias && typeof alias === 'object') {
    return Object.fromEntries(Object.entries(alias).filter(([find]) => !isPolyfill(find)));
  }
  return alias;
}
