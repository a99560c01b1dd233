import { defineConfig } from 'vitest/config';
import { packageTestConfig } from '../../vitest.shared.js';

// Components and hooks render in happy-dom; `*.ssr.test.tsx` files opt into the node environment themselves.
export default defineConfig(
  packageTestConfig({
    test: {
      include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
      environment: 'happy-dom',
      setupFiles: ['src/testkit/setup.testkit.ts'],
      testTimeout: 15_000,
    },
  }),
);
