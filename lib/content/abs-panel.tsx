/**
 * Feature: the Korean summary panel on abstract (/abs/) and HTML paper (/html/) pages.
 * One message to the background (one IndexedDB read) before anything is shown; never waits for the network.
 */
import { useEffect, useState } from 'preact/hooks';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { DigestPanel, type PanelTheme } from '../../components/DigestPanel';
import type { ArxivUrlId } from '../arxiv-id';
import type { StoredPaper } from '../records';
import { absAbstract, citationArxivId, htmlAbstract } from '../selectors';
import { send } from '../send';
import type { Settings } from '../setting-defaults';
import { domReady } from './dom-ready';
import { initContentI18n } from './i18n';
import { pageTheme } from './page-theme';
import { rememberPanelCollapsed } from './settings';
import { mountAfter } from './shadow-ui';

function useOnline(): boolean {
  const [online, setOnline] = useState(navigator.onLine);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);
  return online;
}

interface HostProps {
  paper: StoredPaper;
  sourceBase: string;
  initiallyCollapsed: boolean;
  theme: PanelTheme;
}

function PanelHost({ paper, sourceBase, initiallyCollapsed, theme }: HostProps) {
  const [collapsed, setCollapsed] = useState(initiallyCollapsed);
  const online = useOnline();
  return (
    <DigestPanel
      paper={paper}
      sourceBase={sourceBase}
      collapsed={collapsed}
      online={online}
      theme={theme}
      onToggle={(next) => {
        setCollapsed(next);
        void rememberPanelCollapsed(next);
      }}
      onOpenReader={(hash) => void send('openReader', { hash })}
    />
  );
}

export async function mountAbsPanel(ctx: ContentScriptContext, target: ArxivUrlId, settings: Settings): Promise<void> {
  const [{ paper }] = await Promise.all([
    send('getPaper', { arxivId: target.id }),
    initContentI18n(settings.uiLanguage),
  ]);
  if (!paper) return; // no digest summary: inject nothing
  await domReady();
  if (target.kind === 'abs') {
    const cited = citationArxivId(document);
    if (cited !== null && cited !== target.id) {
      console.warn(`arXiv KO Digest: URL id ${target.id} differs from citation_arxiv_id ${cited}; no panel`);
      return;
    }
  }
  const anchor = target.kind === 'abs' ? absAbstract(document) : htmlAbstract(document);
  if (!anchor) return;
  const theme = pageTheme(document);
  await mountAfter(
    ctx,
    'arxiv-ko-digest-panel',
    anchor,
    <PanelHost
      paper={paper}
      sourceBase={settings.sourceUrl}
      initiallyCollapsed={settings.panelCollapsed}
      theme={theme}
    />,
  );
}
