import { defineConfig } from 'vitest/config';
import { packageTestConfig } from '../../vitest.shared.js';

export default defineConfig(packageTestConfig({ test: { testTimeout: 10_000, hookTimeout: 10_000 } }));
