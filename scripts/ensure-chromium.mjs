#!/usr/bin/env node
// Makes sure the browser tests have a Chromium: finds one, or installs one the standard way
// (Playwright's installer, else Debian's package when running as root), or says exactly what to run.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChromium } from './chromium.mjs';

const INSTALL_TIMEOUT_MS = 5 * 60_000;

function run(command, args) {
  console.log(`[chromium] running: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', timeout: INSTALL_TIMEOUT_MS });
  return result.status === 0;
}

function tryPlaywrightInstaller() {
  // Honour an explicit opt-out of browser downloads (CI sets it: its network reaches no browser CDN).
  if (process.env.PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD === '1') return false;
  return run('npx', ['--no-install', 'playwright', 'install', 'chromium']);
}

function tryApt() {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !existsSync('/usr/bin/apt-get') || !existsSync('/etc/debian_version')) return false;
  return (
    run('apt-get', ['update']) && run('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'])
  );
}

if (process.env.CHROMIUM_PATH && !existsSync(process.env.CHROMIUM_PATH)) {
  console.error(`[chromium] CHROMIUM_PATH is set to ${process.env.CHROMIUM_PATH}, which does not exist.`);
  process.exit(1);
}

let path = findChromium();
if (!path) {
  console.log('[chromium] no Chromium found; installing one for the browser tests');
  if (tryPlaywrightInstaller() || tryApt()) path = findChromium();
}
if (!path) {
  console.error(`[chromium] No Chromium is available for the browser tests. Install one, then run pnpm test again:
  - Debian/Ubuntu (as root): apt-get update && apt-get install -y chromium
  - or with Playwright's browser download: pnpm exec playwright install chromium
  - or point CHROMIUM_PATH at an existing Chromium/Chrome binary: CHROMIUM_PATH=/path/to/chrome pnpm test`);
  process.exit(1);
}
console.log(`[chromium] using ${path}`);
