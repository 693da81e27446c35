/**
 * Feature: on listing (/list/…) and search result pages, a vote badge next to every entry that has a digest
 * summary; activating it loads the paper (one message) and shows the summary inline.
 */
import { useState } from 'preact/hooks';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import badgeCss from '../../components/badge.css?inline';
import type { PanelTheme } from '../../components/DigestPanel';
import { type BadgeStatus, ListingBadge } from '../../components/ListingBadge';
import panelCss from '../../components/panel.css?inline';
import { errorText } from '../error-text';
import type { PaperBadge, ShownPaper } from '../records';
import { listingEntries, searchEntries } from '../selectors';
import { send } from '../send';
import type { DisplaySettings } from '../setting-defaults';
import { domReady } from './dom-ready';
import { initContentI18n } from './i18n';
import { pageTheme } from './page-theme';
import { mountAfter } from './shadow-ui';

/** The panel's shared rules (palette, sections) and the badges' own. */
const BADGE_CSS = `${panelCss}\n${badgeCss}`;

function BadgeHost({ badge, theme }: { badge: PaperBadge; theme: PanelTheme }) {
  const [expanded, setExpanded] = useState(false);
  const [paper, setPaper] = useState<ShownPaper | null>(null);
  const [status, setStatus] = useState<BadgeStatus>('idle');
  const [error, setError] = useState<string | null>(null);
  const toggle = (next: boolean) => {
    setExpanded(next);
    if (next && !paper && status !== 'loading') {
      setStatus('loading');
      send('getPaper', { arxivId: badge.arxivId }).then(
        (r) => {
          setPaper(r.paper);
          setStatus(r.paper ? 'ready' : 'missing');
        },
        (e: unknown) => {
          setError(errorText(e));
          setStatus('error');
        },
      );
    }
  };
  return (
    <ListingBadge
      arxivId={badge.arxivId}
      votes={badge.votes}
      paper={paper}
      expanded={expanded}
      status={status === 'idle' ? undefined : status}
      error={error}
      theme={theme}
      onToggle={toggle}
      onOpenReader={(hash) => void send('openReader', { hash })}
    />
  );
}

export async function mountListingBadges(
  ctx: ContentScriptContext,
  kind: 'listing' | 'search',
  settings: DisplaySettings,
): Promise<void> {
  await domReady();
  const entries = kind === 'listing' ? listingEntries(document) : searchEntries(document);
  if (entries.length === 0) return;
  const [{ badges }] = await Promise.all([
    send('getBadges', { arxivIds: [...new Set(entries.map((e) => e.id))].slice(0, 2000) }),
    initContentI18n(settings.uiLanguage),
  ]);
  const byId = new Map(badges.map((b) => [b.arxivId, b]));
  const theme = pageTheme(document);
  for (const entry of entries) {
    const badge = byId.get(entry.id);
    if (!badge) continue;
    // Listings: at the end of the entry's header line (after "[pdf, html, other]"); search results: after the id link.
    const [anchor, append] = 'dt' in entry ? [entry.dt, 'last' as const] : [entry.anchor, 'after' as const];
    mountAfter(ctx, 'arxiv-ko-digest-badge', anchor, <BadgeHost badge={badge} theme={theme} />, append, BADGE_CSS);
  }
}
