import { render } from 'preact';
import '../../components/pages.css';
import { initI18n } from '../../lib/i18n';
import { ReaderApp } from '../../lib/pages/reader/app';

const root = document.getElementById('app');
if (root) void initI18n().then(() => render(<ReaderApp />, root));
