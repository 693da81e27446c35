/**
 * Only the user drives the content scripts' UI, never the page. The panel's shadow root is open (tests and users'
 * scripts read it), so arxiv.org's own script can reach our buttons and call `.click()` or dispatch events on them;
 * those events are untrusted (`isTrusted` false). What the browser makes from real input is trusted: a mouse click,
 * a tap, and the click that Enter or Space makes on a focused button.
 *
 * One guard per shadow root, installed where every content-script UI is mounted (shadow-ui.ts): in the capture
 * phase, before any handler inside sees it, an untrusted event is stopped and its default action cancelled (a link
 * followed, a box ticked, a form sent). So no button has a check of its own to forget.
 */

/** The events a user acts through; an untrusted one never reaches the UI. */
export const USER_EVENTS = [
  'click',
  'auxclick',
  'dblclick',
  'contextmenu',
  'mousedown',
  'mouseup',
  'pointerdown',
  'pointerup',
  'touchstart',
  'touchend',
  'keydown',
  'keyup',
  'keypress',
  'beforeinput',
  'input',
  'change',
  'submit',
  'reset',
] as const;

function dropUntrusted(event: Event): void {
  if (event.isTrusted === true) return;
  event.stopImmediatePropagation();
  event.preventDefault();
}

/** Stops every untrusted user event dispatched at or inside `root` before it reaches a handler there. */
export function ignoreUntrusted(root: EventTarget): void {
  for (const type of USER_EVENTS) root.addEventListener(type, dropUntrusted, { capture: true });
}
