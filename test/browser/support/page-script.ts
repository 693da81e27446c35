/**
 * What arxiv.org's own script could do to the panel (its shadow root is open): press every button by `.click()`, a
 * synthetic click and a synthetic Enter. Runs in the page (passed to `page.evaluate` / `tab.inPage`); returns the test
 * ids of the buttons it pressed.
 */
export function pressEveryPanelButton(): (string | undefined)[] {
  const root = document.querySelector('arxiv-ko-digest-panel')?.shadowRoot;
  const buttons = [...(root?.querySelectorAll<HTMLElement>('button') ?? [])];
  for (const button of buttons) {
    button.click();
    button.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, composed: true }));
    button.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
  }
  return buttons.map((b) => b.dataset.testid);
}
