// The offscreen document (Chrome only): runs Chrome's on-device Translator and Summarizer for the background, which
// has neither (lib/gen/chrome-ai/offscreen-client.ts creates this document; offscreen-host.ts answers it).
import { browser } from 'wxt/browser';
import { documentChromeAi } from '../../lib/gen/chrome-ai/api';
import { startOffscreenHost } from '../../lib/gen/chrome-ai/offscreen-host';

startOffscreenHost(browser.runtime.onConnect, {
  api: documentChromeAi(),
  extensionId: browser.runtime.id,
  extensionOrigin: browser.runtime.getURL('/'),
});
