import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

const send = vi.fn();
vi.mock('../../lib/send', () => ({ send: (...args: unknown[]) => send(...args) }));
const { openReader } = await import('../../lib/pages/navigation');

beforeEach(() => {
  fakeBrowser.reset();
  send.mockReset();
});

describe('the popup opens the reader in the one reader tab', () => {
  it('asks the background (which reuses an open reader tab) instead of opening a tab itself', async () => {
    send.mockResolvedValue({ ok: true });
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    openReader('#/paper/2406.16793');
    openReader();
    await vi.waitFor(() => expect(send).toHaveBeenCalledTimes(2));
    expect(send.mock.calls).toEqual([
      ['openReader', { hash: '#/paper/2406.16793' }],
      ['openReader', { hash: '#/' }],
    ]);
    expect(create).not.toHaveBeenCalled();
  });

  it('a route the background refuses still opens, in a new tab', async () => {
    send.mockRejectedValue(new Error('openReader: hash must be a reader route'));
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    openReader(`#/search/${'q'.repeat(300)}`);
    await vi.waitFor(() => expect(create).toHaveBeenCalledTimes(1));
    expect(create.mock.calls[0]?.[0].url).toMatch(/\/reader\.html#\/search\/q{300}$/);
  });
});
