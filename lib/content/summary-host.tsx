/**
 * The panel's place on a paper no digest covers: the stored Korean summary the user made (at once, offline too), else
 * the offer; after the user's click (or at once when they turned auto-summarize on) the panel fills as the answer
 * streams over the generate Port, with cancel, then regenerate. Nothing is sent before that click; a failure or a
 * cancel shows in the UI language and leaves what was stored (the background stores complete answers only).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { PanelTheme } from '../../components/DigestPanel';
import { GeneratedPanel, type GeneratedView } from '../../components/GeneratedPanel';
import { SummaryOffer } from '../../components/SummaryOffer';
import type { ProviderId } from '../gen/types';
import { genErrorText } from '../gen/ui-text';
import { t } from '../i18n';
import { GEN_PORT, type GenerationInfo } from '../messages';
import type { ShownSummary } from '../records';
import { send } from '../send';
import { type GenPort, runGeneration } from './gen-client';
import { PANEL_ELEMENT, type PanelAt } from './panel-host';
import { rememberOfferDismissed, rememberPanelCollapsed } from './settings';
import { type MountedUi, mountAfter } from './shadow-ui';

export interface SummaryHostProps {
  arxivId: string;
  /**
   * The page's title and abstract, capped (lib/gen/input.ts): all that a run sends. Read from the page only when a run
   * starts, so showing a stored summary or the offer does no page text work.
   */
  readInput(): { title: string; abstract: string };
  generation: GenerationInfo;
  stored: ShownSummary | null;
  initiallyCollapsed: boolean;
  theme: PanelTheme;
  /** Opens a generate Port to the background. */
  connect(): GenPort;
}

export function SummaryHost({
  arxivId,
  readInput,
  generation,
  stored,
  initiallyCollapsed,
  theme,
  connect,
}: SummaryHostProps) {
  const [summary, setSummary] = useState(stored);
  /** The run's answer so far while it runs, else null. */
  const [partial, setPartial] = useState<GeneratedView | null>(null);
  /** How the last run failed (or that it was cancelled), in the UI language. */
  const [error, setError] = useState<string | null>(null);
  const [collapsed, setCollapsed] = useState(initiallyCollapsed);
  const [dismissed, setDismissed] = useState(false);
  const cancel = useRef<(() => void) | null>(null);
  const end = (message: string | null) => {
    cancel.current = null;
    setPartial(null);
    setError(message);
  };

  const start = (regenerate: boolean) => {
    if (cancel.current) return;
    const view: GeneratedView = {
      provider: generation.provider as ProviderId,
      model: generation.model,
      createdAt: null,
      titleKo: null,
      sections: [],
    };
    setError(null);
    setPartial(view);
    cancel.current = runGeneration(
      connect(),
      { arxivId, ...readInput(), regenerate },
      {
        partial: (u) => setPartial({ ...view, sections: u.sections, titleKo: u.titleKo }),
        done: (s) => {
          setSummary(s);
          end(null);
        },
        error: (code, retryAfterMs) => end(genErrorText(code, retryAfterMs)),
      },
    );
  };
  const stop = () => {
    cancel.current?.();
    end(t('gen_error_cancelled'));
  };
  // Once, as the panel shows; leaving (the content script invalidated) cancels the run.
  useEffect(() => {
    if (generation.autoSummarize && !stored) start(false);
    return () => cancel.current?.();
  }, []);

  const view = partial ?? summary;
  if (view)
    return (
      <GeneratedPanel
        arxivId={arxivId}
        view={view}
        collapsed={collapsed}
        onToggle={(next) => {
          setCollapsed(next);
          void rememberPanelCollapsed(next);
        }}
        theme={theme}
        running={partial !== null}
        error={error}
        onCancel={stop}
        onRegenerate={generation.provider === 'none' ? undefined : () => start(true)}
      />
    );
  return dismissed ? null : (
    <SummaryOffer
      generation={generation}
      theme={theme}
      error={error}
      onGenerate={() => start(false)}
      onOpenOptions={() => void send('openOptions', {})}
      onDismiss={() => {
        setDismissed(true);
        void rememberOfferDismissed();
      }}
    />
  );
}

/** Mounts the offer or the made summary at `place` (where the digest panel goes). */
export function mountSummary(
  ctx: ContentScriptContext,
  place: PanelAt,
  props: Omit<SummaryHostProps, 'connect'>,
): MountedUi {
  const connect = () => browser.runtime.connect({ name: GEN_PORT }) as unknown as GenPort;
  return mountAfter(ctx, PANEL_ELEMENT, place.anchor, <SummaryHost {...props} connect={connect} />, place.at);
}
