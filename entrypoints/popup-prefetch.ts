import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { prefetchPopup } from '../lib/pages/popup/prefetch';

// Loaded by popup.html's <head>: asks the popup's first questions before the popup's modules run.
export default defineUnlistedScript(() => {
  prefetchPopup();
});
