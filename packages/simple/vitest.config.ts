import { defineConfig } from 'vitest/config';
import { packageTestConfig } from '../../vitest.shared.js';

// Real WebRTC (@roamhq/wrtc) is a native addon: it must run in child processes, never worker threads.
export default defineConfig(
  packageTestConfig({ test: { pool: 'forks', testTimeout: 30_000, hookTimeout: 30_000 } }),
);
