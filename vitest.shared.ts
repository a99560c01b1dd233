import { defineConfig, mergeConfig, type ViteUserConfig } from 'vitest/config';

/**
 * The test settings every package shares: colocated unit tests in `src/`, integration tests in
 * `test/`, and a JSON report in `.vitest/results.json` that `scripts/test-summary.mjs` adds up.
 */
export function packageTestConfig(overrides: ViteUserConfig = {}): ViteUserConfig {
  return mergeConfig(
    defineConfig({
      test: {
        include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
        environment: 'node',
        reporters: ['default', ['json', { outputFile: '.vitest/results.json' }]],
      },
    }),
    overrides,
  );
}
