import { render } from 'preact';
import '../../components/pages.css';
import { OptionsApp } from '../../components/options/OptionsApp';
import { initI18n } from '../../lib/i18n';

const root = document.getElementById('app');
if (root) void initI18n().then(() => render(<OptionsApp />, root));
