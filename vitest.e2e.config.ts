import { defineConfig } from 'vitest/config';

const reportDir = process.env.RECOURS_TEST_REPORT_DIR;

// Browser journeys run apart from unit/integration tests: they need a built web app and Chromium.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    testTimeout: 90_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    reporters: reportDir ? ['default', ['json', { outputFile: `${reportDir}/e2e.json` }]] : ['default'],
  },
});
