// Browser tests drive Debian's chromium (no browser downloads here). Install it when it is missing and we are root.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const BIN = process.env.CHROMIUM_BIN ?? '/usr/bin/chromium';
if (existsSync(BIN)) process.exit(0);
if (process.getuid?.() !== 0) {
  console.error(
    `chromium is missing at ${BIN}; install it (Debian: sudo apt-get install -y chromium) or set CHROMIUM_BIN.`,
  );
  process.exit(1);
}
console.log('chromium is missing: installing Debian chromium (about 2 minutes)…');
execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: 'inherit' });
