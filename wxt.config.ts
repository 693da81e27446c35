import { defineConfig } from 'wxt';

// Narrowest permissions that work; each one's reason is in README.md ("Permissions").
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  manifest: {
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'ko',
    permissions: ['storage', 'alarms', 'activeTab'],
    host_permissions: [
      'https://raw.githubusercontent.com/*',
      'https://arxiv.org/pdf/*',
      'https://www.arxiv.org/pdf/*',
      'https://export.arxiv.org/pdf/*',
    ],
    // https://huggingface.co/* (covered by https://*/* too, listed for clarity) is requested at run time, inside the
    // click that turns a Hugging Face feature on: "Allow" in the popup's "Today on Hugging Face" section, or the live
    // votes / daily list toggles in the options. Not at install: the extension's core (Korean digests on arXiv) never
    // talks to Hugging Face, and Chrome ignores the path of a host permission, so even `…/api/daily_papers*` would
    // grant the whole origin, per-paper requests included. The huggingface.co/papers/* content script only injects
    // the panel; it never fetches (the background does, with this permission).
    optional_host_permissions: ['https://huggingface.co/*', 'https://*/*', 'http://*/*'],
    action: { default_title: '__MSG_extName__' },
    browser_specific_settings: {
      gecko: { id: 'arxiv-ko-digest@example.org', strict_min_version: '109.0' },
    },
  },
  webExt: {
    binaries: { chrome: '/usr/bin/chromium' },
    startUrls: ['https://arxiv.org/abs/2406.16793'],
    chromiumArgs: ['--no-sandbox', '--disable-gpu'],
  },
});
