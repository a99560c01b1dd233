#!/usr/bin/env node
// `pnpm test`: every package's tests (turbo, cached), then the browser end-to-end tests,
// then one summary line. Runs every stage even when an earlier one fails, and fails if any did.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1', PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' };

const failedStages = [];

function step(name, command, args, extraEnv = {}) {
  console.log(`\n=== ${name}: ${command} ${args.join(' ')}`);
  const { status } = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...env, ...extraEnv } });
  if (status !== 0) {
    console.log(`=== ${name} failed (exit ${status})`);
    failedStages.push(name);
  }
  return status === 0;
}

// Drop stale reports: turbo restores the ones of cached runs, the others are written afresh.
for (const folder of ['packages', 'examples']) {
  if (!existsSync(join(root, folder))) continue;
  for (const pkg of readdirSync(join(root, folder))) {
    rmSync(join(root, folder, pkg, '.vitest'), { recursive: true, force: true });
  }
}
rmSync(join(root, 'e2e/.results'), { recursive: true, force: true });

const results = [
  step('chromium', 'node', ['scripts/ensure-chromium.mjs']),
  step('unit and integration tests', 'pnpm', [
    'exec',
    'turbo',
    'run',
    'test',
    '--continue',
    '--concurrency=1',
  ]),
  step('build for e2e', 'pnpm', ['exec', 'turbo', 'run', 'build']),
];
if (existsSync(join(root, 'e2e/playwright.config.ts')) && results[0] && results[2]) {
  results.push(
    step('browser end-to-end tests', 'pnpm', [
      'exec',
      'playwright',
      'test',
      '-c',
      'e2e/playwright.config.ts',
    ]),
  );
}
const summaryOk = step('summary', 'node', ['scripts/test-summary.mjs'], {
  FAILED_STAGES: failedStages.join(','),
});
process.exit(results.every(Boolean) && summaryOk ? 0 : 1);
