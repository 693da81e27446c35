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
    optional_host_permissions: ['https://*/*', 'http://*/*'],
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
