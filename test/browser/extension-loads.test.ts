import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Launched, launchWithExtension } from './support/launch';

describe('the built extension in Chromium', () => {
  let l: Launched;
  beforeAll(async () => {
    l = await launchWithExtension();
  });
  afterAll(async () => l?.close());

  it('registers its MV3 service worker with the localized name', async () => {
    const manifest = (await l.worker.evaluate('chrome.runtime.getManifest()')) as {
      manifest_version: number;
      permissions: string[];
    };
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.permissions).toEqual(expect.arrayContaining(['storage', 'alarms']));
    expect(l.extensionId).toMatch(/^[a-p]{32}$/);
  });
});
