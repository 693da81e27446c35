import { afterEach, describe, expect, it, vi } from 'vitest';
import { initContentI18n } from '../../lib/content/i18n';
import { pinMessages, uiLang } from '../../lib/i18n';
import { send } from '../../lib/send';

vi.mock('../../lib/send', () => ({ send: vi.fn() }));

afterEach(() => {
  pinMessages(null, {});
  vi.mocked(send).mockReset();
});

describe('the panel’s pinned language', () => {
  it('is asked from the background and used', async () => {
    vi.mocked(send).mockResolvedValue({ messages: { panel_title: { message: '한국어 요약' } } });
    await initContentI18n('ko');
    expect(send).toHaveBeenCalledWith('getUiStrings', { lang: 'ko' });
    expect(uiLang()).toBe('ko');
  });

  it('a refused request leaves the browser’s language, and the panel still mounts (no throw)', async () => {
    vi.mocked(send).mockRejectedValue(Object.assign(new Error('database is newer'), { code: 'dbNewer' }));
    await expect(initContentI18n('ko')).resolves.toBeUndefined();
    expect(uiLang()).toBe('en'); // the test browser's language
  });

  it('auto asks nothing', async () => {
    await initContentI18n('auto');
    expect(send).not.toHaveBeenCalled();
  });
});
