/**
 * The Korean summary panel as the content scripts mount it (arXiv and Hugging Face paper pages): collapse state
 * remembered, online state followed, and — only when the user turned live votes on — the live Hugging Face vote
 * count asked from the background after the panel is shown (never before; the panel never waits for the network).
 */
import { useEffect, useState } from 'preact/hooks';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { DigestPanel, type LiveVotes, type PanelTheme } from '../../components/DigestPanel';
import { GeneratedDetails } from '../../components/GeneratedPanel';
import type { ShownPaper, ShownSummary } from '../records';
import type { PanelPlace } from '../selectors';
import { send } from '../send';
import type { DisplaySettings, PrivilegedSettings } from '../setting-defaults';
import { useOnline } from '../use-online';
import { rememberPanelCollapsed } from './settings';
import { type MountedUi, mountAfter } from './shadow-ui';

export const PANEL_ELEMENT = 'arxiv-ko-digest-panel';

/** The live count once the background has it (null until then, and for good on 429/errors/offline/off). */
function useLiveVotes(arxivId: string, enabled: boolean, online: boolean): LiveVotes | null {
  const [live, setLive] = useState<LiveVotes | null>(null);
  useEffect(() => {
    if (!enabled || !online) return;
    let cancelled = false;
    send('getLiveVotes', { arxivId })
      .then((r) => {
        if (!cancelled && r.live) setLive(r.live);
      })
      .catch(() => {
        // The digest vote stays; nothing else to do.
      });
    return () => {
      cancelled = true;
    };
  }, [arxivId, enabled, online]);
  return live;
}

interface HostProps {
  paper: ShownPaper;
  sourceFile: string | null;
  initiallyCollapsed: boolean;
  theme: PanelTheme;
  liveVotes: boolean;
  autoLoadMedia: boolean;
  summary: ShownSummary | null;
}

function PanelHost({ paper, sourceFile, initiallyCollapsed, theme, liveVotes, autoLoadMedia, summary }: HostProps) {
  const [collapsed, setCollapsed] = useState(initiallyCollapsed);
  const online = useOnline();
  const live = useLiveVotes(paper.arxivId, liveVotes, online);
  return (
    <DigestPanel
      paper={paper}
      sourceFile={sourceFile}
      collapsed={collapsed}
      online={online}
      autoLoadMedia={autoLoadMedia}
      theme={theme}
      live={live}
      onToggle={(next) => {
        setCollapsed(next);
        void rememberPanelCollapsed(next);
      }}
      onOpenReader={(hash) => void send('openReader', { hash })}
      extra={summary && <GeneratedDetails view={summary} />}
    />
  );
}

/** What the panel shows of the settings: the display choices, and from the background's `getPaper` answer the link to
 * the digest file and whether live votes are on. */
export type PanelSettings = DisplaySettings &
  Pick<PrivilegedSettings, 'hfLiveVotes'> & { sourceFileUrl: string | null };

/** Where a panel goes: right after `anchor`, or as its first child (lib/selectors.ts `panelPlace`). */
export type PanelAt = Pick<PanelPlace, 'anchor' | 'at'>;

/** Mounts the panel for `paper` at `place`, with the summary the user made for it too, if any. */
export function mountPanel(
  ctx: ContentScriptContext,
  place: PanelAt,
  paper: ShownPaper,
  settings: PanelSettings,
  theme: PanelTheme,
  summary: ShownSummary | null = null,
): MountedUi {
  return mountAfter(
    ctx,
    PANEL_ELEMENT,
    place.anchor,
    <PanelHost
      paper={paper}
      sourceFile={settings.sourceFileUrl}
      initiallyCollapsed={settings.panelCollapsed}
      theme={theme}
      liveVotes={settings.hfLiveVotes}
      autoLoadMedia={settings.autoLoadMedia}
      summary={summary}
    />,
    place.at,
  );
}
