#!/usr/bin/env node
// Adds up the vitest and Playwright JSON reports into one closing line: "tests: N passed, N failed".
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const totals = { passed: 0, failed: 0, skipped: 0 };
const lines = [];

function add(name, passed, failed, skipped) {
  totals.passed += passed;
  totals.failed += failed;
  totals.skipped += skipped;
  lines.push(`  ${name.padEnd(28)} ${passed} passed, ${failed} failed, ${skipped} skipped`);
}

for (const folder of ['packages', 'examples']) {
  const dir = join(root, folder);
  if (!existsSync(dir)) continue;
  for (const pkg of readdirSync(dir)) {
    const report = join(dir, pkg, '.vitest/results.json');
    if (!existsSync(report)) continue;
    const r = JSON.parse(readFileSync(report, 'utf8'));
    add(`${folder}/${pkg}`, r.numPassedTests, r.numFailedTests, r.numPendingTests + r.numTodoTests);
  }
}

const e2eReport = join(root, 'e2e/.results/results.json');
if (existsSync(e2eReport)) {
  const { stats } = JSON.parse(readFileSync(e2eReport, 'utf8'));
  add('e2e (Chromium)', stats.expected + stats.flaky, stats.unexpected, stats.skipped);
}

// A stage can fail with every test passing (unhandled errors, a crashed runner): each counts as a failure.
for (const stage of (process.env.FAILED_STAGES ?? '').split(',').filter(Boolean)) {
  lines.push(`  ${`stage "${stage}"`.padEnd(28)} failed (see its output above)`);
  totals.failed += 1;
}

console.log('Test summary:');
for (const line of lines) console.log(line);
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 || totals.passed === 0 ? 1 : 0);
