import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readSettings, rememberOfferDismissed, rememberPanelCollapsed } from '../../lib/content/settings';
import { DISPLAY_DEFAULTS } from '../../lib/setting-defaults';
import { offerDismissedItem, panelCollapsedItem, uiLanguageItem } from '../../lib/settings';

describe("the content script's settings", () => {
  beforeEach(() => fakeBrowser.reset());

  it('are the defaults before anything was chosen', async () => {
    expect(await readSettings()).toEqual(DISPLAY_DEFAULTS);
  });

  it('are what the options page stored through the storage items', async () => {
    await uiLanguageItem.setValue('ko');
    await panelCollapsedItem.setValue(true);
    expect(await readSettings()).toMatchObject({
      uiLanguage: 'ko',
      panelCollapsed: true,
    });
  });

  it('ignore stored values of the wrong kind (the panel must still show)', async () => {
    await fakeBrowser.storage.local.set({ uiLanguage: 'fr', panelCollapsed: 'yes', listingBadges: 0 });
    expect(await readSettings()).toMatchObject({
      uiLanguage: 'auto',
      panelCollapsed: DISPLAY_DEFAULTS.panelCollapsed,
      listingBadges: DISPLAY_DEFAULTS.listingBadges,
    });
  });

  it('never include privileged settings, whatever storage.local holds', async () => {
    await fakeBrowser.storage.local.set({
      sourceUrl: 'https://evil.example/',
      hfLiveVotes: true,
      syncIntervalHours: 1,
    });
    const settings = await readSettings();
    expect(Object.keys(settings).sort()).toEqual(Object.keys(DISPLAY_DEFAULTS).sort());
  });

  it('remember the collapsed panel where the options page reads it', async () => {
    await rememberPanelCollapsed(true);
    expect(await panelCollapsedItem.getValue()).toBe(true);
  });

  it('remember a dismissed summary offer where the options page reads it, and read it back', async () => {
    expect((await readSettings()).offerDismissed).toBe(false);
    await rememberOfferDismissed();
    expect(await offerDismissedItem.getValue()).toBe(true);
    expect((await readSettings()).offerDismissed).toBe(true);
  });
});
