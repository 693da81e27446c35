// Browser tests drive Debian's chromium and firefox-esr (no browser downloads here). Installs the ones named on the
// command line (`chromium`, `firefox-esr`) that are missing, in one apt-get run, when we are root. A browser given by
// its environment variable (CHROMIUM_BIN, FIREFOX_BIN) is only checked.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const BROWSERS = {
  chromium: { env: 'CHROMIUM_BIN', debian: '/usr/bin/chromium' },
  'firefox-esr': { env: 'FIREFOX_BIN', debian: '/usr/bin/firefox-esr' },
};

const wanted = process.argv.slice(2);
if (wanted.length === 0 || !wanted.every((name) => Object.hasOwn(BROWSERS, name))) {
  console.error(`usage: node scripts/ensure-browsers.mjs ${Object.keys(BROWSERS).join(' | ')}…`);
  process.exit(2);
}
const missing = wanted.filter((name) => !existsSync(process.env[BROWSERS[name].env] ?? BROWSERS[name].debian));
if (missing.length === 0) process.exit(0);
const installable = missing.filter((name) => process.env[BROWSERS[name].env] === undefined);
if (installable.length < missing.length || process.getuid?.() !== 0) {
  for (const name of missing) {
    const { env, debian } = BROWSERS[name];
    const path = process.env[env] ?? debian;
    console.error(`${name} is missing at ${path}; install it (Debian: sudo apt-get install -y ${name}) or set ${env}.`);
  }
  process.exit(1);
}
console.log(`missing: installing Debian ${installable.join(' and ')} (chromium about 2 minutes, firefox-esr 15 s)…`);
execSync(`apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${installable.join(' ')}`, {
  stdio: 'inherit',
});
