import '../../components/pages.css';
import { prefetchPopup } from '../../lib/pages/popup/prefetch';
import { startPopup } from '../../lib/pages/popup/start';

// Asked already by popup-prefetch.js in <head> (this asks only if that script did not run).
prefetchPopup();
const root = document.getElementById('app');
if (root) void startPopup(root);
