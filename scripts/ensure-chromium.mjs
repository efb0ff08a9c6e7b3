// Makes sure a Chromium and a CJK font are there before the e2e tests. Where none is found and
// apt can be used as root, installs Debian's `chromium` and `fonts-wqy-microhei`; otherwise says
// exactly what to install and fails.
import { execSync } from 'node:child_process';
import { findChromium } from './chromium.mjs';

const PACKAGES = ['chromium', 'fonts-wqy-microhei'];

function has(cmd) {
  try {
    execSync(`command -v ${cmd}`, { stdio: 'ignore', shell: '/bin/sh' });
    return true;
  } catch {
    return false;
  }
}

function hasCjkFont() {
  if (!has('fc-list')) return false;
  return /WenQuanYi|Noto Sans CJK|Source Han/i.test(execSync('fc-list', { encoding: 'utf8' }));
}

const missing = [];
if (!findChromium()) missing.push('chromium');
if (!hasCjkFont()) missing.push('fonts-wqy-microhei');

if (missing.length === 0) {
  console.log(`chromium: ${findChromium()}`);
  process.exit(0);
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (isRoot && has('apt-get')) {
  console.log(`Installing ${missing.join(' ')} from Debian (about a minute)…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execSync('apt-get update -qq', { stdio: 'inherit', env });
  execSync(`apt-get install -y -qq --no-install-recommends ${PACKAGES.join(' ')}`, { stdio: 'inherit', env });
  if (findChromium()) {
    console.log(`chromium: ${findChromium()}`);
    process.exit(0);
  }
}
console.error(
  `No Chromium or CJK font found. Install them, e.g. on Debian/Ubuntu:\n` +
    `  sudo apt-get install ${PACKAGES.join(' ')}\n` +
    `or point CHROMIUM_PATH at a Chromium/Chrome binary.`,
);
process.exit(1);
