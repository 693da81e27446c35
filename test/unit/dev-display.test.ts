import { describe, expect, it } from 'vitest';
import { type DevHost, devDisplayProblem } from '../../scripts/dev-display';

const host = (over: Partial<DevHost> = {}): DevHost => ({
  platform: 'linux',
  env: {},
  hasRunnerConfig: false,
  ...over,
});

describe('npm run dev on a machine without a display', () => {
  it('stops with xvfb-run and the two ways to load the build by hand', () => {
    const text = devDisplayProblem(host({ env: { PATH: '/usr/bin' } }))?.join('\n') ?? '';
    expect(text).toContain('ECONNRESET');
    expect(text).toContain('xvfb-run npm run dev');
    expect(text).toContain('.output/chrome-mv3');
    expect(text).toContain('Load Temporary Add-on');
  });

  it.each([
    ['an X display', host({ env: { DISPLAY: ':99' } })],
    ['a Wayland display', host({ env: { WAYLAND_DISPLAY: 'wayland-0' } })],
    ['WSL (WXT prints where the build is itself)', host({ env: { WSL_DISTRO_NAME: 'Debian' } })],
    ['a runner config of the user’s own', host({ hasRunnerConfig: true })],
    ['macOS', host({ platform: 'darwin' })],
    ['Windows', host({ platform: 'win32' })],
  ])('lets it start with %s', (_, h) => {
    expect(devDisplayProblem(h)).toBeNull();
  });

  it('an empty DISPLAY is no display', () => {
    expect(devDisplayProblem(host({ env: { DISPLAY: '', WAYLAND_DISPLAY: '' } }))).not.toBeNull();
  });
});
