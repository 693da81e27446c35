import { render } from 'preact';
import '../../components/pages.css';
import { initI18n } from '../../lib/i18n';
import { OptionsApp } from '../../lib/pages/options/app';

const root = document.getElementById('app');
if (root) void initI18n().then(() => render(<OptionsApp />, root));
