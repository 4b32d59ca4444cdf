// Runs before `npm test`: the browser project needs a Chromium. When none is found, get one
// and say so in one line: Debian's package where apt-get can be used, else Playwright's build.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChromium } from './chromium.mjs';

if (!findChromium()) {
  const canUseApt = existsSync('/usr/bin/apt-get') && process.getuid?.() === 0;
  if (canUseApt) {
    console.log('No Chromium found: installing Debian\'s chromium (apt-get install -y chromium).');
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: ['ignore', 'ignore', 'inherit'] });
  } else {
    console.log('No Chromium found: installing Playwright\'s (npx playwright install chromium).');
    execSync('npx playwright install chromium', { stdio: 'inherit' });
  }
  if (!findChromium()) {
    console.error('Still no Chromium: set CHROMIUM_PATH to a Chromium or Chrome binary.');
    process.exit(1);
  }
}
