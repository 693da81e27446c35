/**
 * One way to mount a Preact tree in a shadow root next to an arXiv element (after it, or as its last child): WXT's createShadowRootUi with the
 * panel CSS inlined (no stylesheet fetch before the panel shows), placed after `anchor`, so arXiv's own elements are
 * never touched.
 */
import { type ComponentChild, render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import css from '../../components/panel.css?inline';

export interface MountedUi {
  /** The custom element holding the shadow root. */
  host: HTMLElement;
  remove(): void;
}

export async function mountAfter(
  ctx: ContentScriptContext,
  name: string,
  anchor: Element,
  tree: ComponentChild,
  append: 'after' | 'last' = 'after',
): Promise<MountedUi> {
  const ui = await createShadowRootUi(ctx, {
    name,
    css,
    position: 'inline',
    anchor,
    append,
    onMount(container) {
      render(tree, container);
      return container;
    },
    onRemove(container) {
      if (container) render(null, container);
    },
  });
  ui.mount();
  return { host: ui.shadowHost, remove: () => ui.remove() };
}
