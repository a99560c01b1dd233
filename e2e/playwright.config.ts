import { mkdirSync, rmSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../scripts/chromium.mjs';

const PORT = Number(process.env.E2E_PORT ?? 8099);
const RESULTS = new URL('./.results/', import.meta.url).pathname;
const DB = `${RESULTS}e2e.db`;

mkdirSync(RESULTS, { recursive: true });
rmSync(DB, { force: true });

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir: `${RESULTS}artifacts`,
  timeout: 60_000,
  workers: 1,
  reporter: [['list'], ['json', { outputFile: `${RESULTS}results.json` }]],
  webServer: {
    command: `node packages/server/dist/cli.js --demo --port ${PORT} --db ${DB}`,
    cwd: new URL('..', import.meta.url).pathname,
    url: `http://127.0.0.1:${PORT}/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
  use: { baseURL: `http://127.0.0.1:${PORT}` },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: { executablePath: findChromium(), args: CHROMIUM_ARGS },
        permissions: ['camera', 'microphone'],
      },
    },
  ],
});
