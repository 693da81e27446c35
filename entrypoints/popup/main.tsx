import { render } from 'preact';
import '../../components/pages.css';
import { initI18n } from '../../lib/i18n';
import { PopupApp } from '../../lib/pages/popup/app';
import { prefetchLatestDigest } from '../../lib/pages/popup/use-popup';

prefetchLatestDigest();
const root = document.getElementById('app');
if (root) void initI18n().then(() => render(<PopupApp />, root));
