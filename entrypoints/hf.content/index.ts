import { defineContentScript } from 'wxt/utils/define-content-script';
import { mountHfPanel } from '../../lib/content/hf-panel';
import { readSettings } from '../../lib/content/settings';

/** The Korean summary panel on Hugging Face paper pages. Injection only: this script never fetches anything. */
export default defineContentScript({
  matches: ['https://huggingface.co/papers/*'],
  runAt: 'document_idle',
  cssInjectionMode: 'manual',
  async main(ctx) {
    await mountHfPanel(ctx, await readSettings());
  },
});
