import { mkdirSync, rmSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../scripts/chromium.mjs';

const PORT = Number(process.env.E2E_PORT ?? 8099);
const RESULTS = new URL('./.results/', import.meta.url).pathname;
const DB = `${RESULTS}e2e.db`;

/** The reference server every browser test talks to. */
const SERVER_URL = `http://127.0.0.1:${PORT}`;

/**
 * Example apps served for their end-to-end tests: each is built by `pnpm build` (Vite) and served by
 * `vite preview` on its own port, which proxies `/api` and `/signalhub` to the reference server.
 */
const EXAMPLE_APPS: ReadonlyArray<{ filter: string; port: number }> = [
  { filter: '@smartc/example-react', port: 8101 },
  { filter: '@smartc/example-vue', port: 8102 },
];

mkdirSync(RESULTS, { recursive: true });
rmSync(DB, { force: true });

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir: `${RESULTS}artifacts`,
  timeout: 60_000,
  workers: 1,
  reporter: [['list'], ['json', { outputFile: `${RESULTS}results.json` }]],
  webServer: [
    {
      command: `node packages/server/dist/cli.js --demo --port ${PORT} --db ${DB} --app examples/vanilla`,
      cwd: new URL('..', import.meta.url).pathname,
      url: `${SERVER_URL}/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    ...EXAMPLE_APPS.map(({ filter, port }) => ({
      command: `pnpm --filter ${filter} exec vite preview --host 127.0.0.1 --port ${port} --strictPort`,
      cwd: new URL('..', import.meta.url).pathname,
      url: `http://127.0.0.1:${port}/`,
      env: { SMARTC_SERVER_URL: SERVER_URL },
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'ignore' as const,
      stderr: 'pipe' as const,
    })),
  ],
  use: { baseURL: SERVER_URL },
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
