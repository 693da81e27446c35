/**
 * Whether `npm run dev` can open a browser here. `wxt` (dev) starts Chromium or Firefox through web-ext with the
 * extension loaded; on Linux without a display server the browser exits at once and web-ext reports only
 * `ECONNRESET`. Pure (the facts come in as arguments) so it is tested without a machine to match;
 * scripts/check-display.ts runs it before `wxt`.
 */

export interface DevHost {
  /** `process.platform`. */
  platform: string;
  env: Readonly<Record<string, string | undefined>>;
  /** A config of WXT's runner (web-ext.config.* or .webextrc, next to package.json or in the home directory): its
   * owner chose how (or whether) the browser starts, so nothing is guessed. */
  hasRunnerConfig: boolean;
}

/** Null when a browser can start; else what to do instead, one line per item. */
export function devDisplayProblem({ platform, env, hasRunnerConfig }: DevHost): string[] | null {
  if (platform !== 'linux' || hasRunnerConfig) return null;
  // WSL: WXT itself does not start a browser there, it prints where the build is.
  if (env.WSL_DISTRO_NAME || env.WSL_INTEROP) return null;
  if (env.DISPLAY || env.WAYLAND_DISPLAY) return null;
  return [
    'npm run dev opens a browser with the extension loaded, and this machine has no display (neither DISPLAY nor',
    'WAYLAND_DISPLAY is set): the browser cannot start (web-ext would only say ECONNRESET). Instead:',
    '  - run it under a virtual display: xvfb-run npm run dev  (Debian: sudo apt-get install -y xvfb)',
    '  - or build and load it by hand in a browser on a machine with a display:',
    '      npm run build          then chrome://extensions, Developer mode, Load unpacked: .output/chrome-mv3',
    '      npm run build:firefox  then about:debugging#/runtime/this-firefox, Load Temporary Add-on:',
    '                             .output/firefox-mv2/manifest.json',
  ];
}
