import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readSettings, rememberPanelCollapsed } from '../../lib/content/settings';
import { SETTING_DEFAULTS } from '../../lib/setting-defaults';
import { panelCollapsedItem, sourceUrlItem, uiLanguageItem } from '../../lib/settings';

describe("the content script's settings", () => {
  beforeEach(() => fakeBrowser.reset());

  it('are the defaults before anything was chosen', async () => {
    expect(await readSettings()).toEqual(SETTING_DEFAULTS);
  });

  it('are what the options page stored through the storage items', async () => {
    await uiLanguageItem.setValue('ko');
    await sourceUrlItem.setValue('https://example.org/digests/');
    await panelCollapsedItem.setValue(true);
    expect(await readSettings()).toMatchObject({
      uiLanguage: 'ko',
      sourceUrl: 'https://example.org/digests/',
      panelCollapsed: true,
    });
  });

  it('ignore stored values of the wrong kind (the panel must still show)', async () => {
    await fakeBrowser.storage.local.set({ uiLanguage: 'fr', panelCollapsed: 'yes', listingBadges: 0 });
    expect(await readSettings()).toMatchObject({
      uiLanguage: 'auto',
      panelCollapsed: SETTING_DEFAULTS.panelCollapsed,
      listingBadges: SETTING_DEFAULTS.listingBadges,
    });
  });

  it('remember the collapsed panel where the options page reads it', async () => {
    await rememberPanelCollapsed(true);
    expect(await panelCollapsedItem.getValue()).toBe(true);
  });
});
