/**
 * One way to mount a Preact tree in a shadow root next to a page element (right after it, or as its first or last
 * child):
 * an element named `name` with an open shadow root holding the panel CSS (inlined: no stylesheet fetch before the
 * panel shows) and the rendered tree. The page's own elements are never touched, and the page's styles stop at the
 * shadow boundary (`:host { all: initial }`, as WXT's createShadowRootUi does; this hand-written equivalent keeps
 * its ~9 kB of anchor-watching code out of the content scripts, which need none of it). The root stays open, and
 * only trusted events reach the tree (trusted.ts): the page's script can read the panel but not drive it.
 */
import { type ComponentChild, render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import panelCss from '../../components/panel.css?inline';
import { ignoreUntrusted } from './trusted';

export interface MountedUi {
  /** The custom element holding the shadow root. */
  host: HTMLElement;
  remove(): void;
}

export function mountAfter(
  ctx: ContentScriptContext,
  name: string,
  anchor: Element,
  tree: ComponentChild,
  append: 'after' | 'first' | 'last' = 'after',
  /** The sheet (panel.css; the listing badges add badge.css). */
  css: string = panelCss,
): MountedUi {
  const doc = anchor.ownerDocument;
  const host = doc.createElement(name);
  const shadow = host.attachShadow({ mode: 'open' });
  ignoreUntrusted(shadow);
  const style = doc.createElement('style');
  style.textContent = `:host{all:initial !important;}\n${css}`;
  const container = doc.createElement('div');
  shadow.append(style, container);
  if (append === 'after') anchor.after(host);
  else if (append === 'first') anchor.prepend(host);
  else anchor.append(host);
  render(tree, container);
  const remove = () => {
    render(null, container);
    host.remove();
  };
  ctx.onInvalidated(remove);
  return { host, remove };
}
