import { defineConfig } from 'vitest/config';

// Browser journeys run apart from unit/integration tests: they need a built web app and Chromium.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
