// Prints one closing line for all Vitest runs of `npm test` (unit/integration and browser), read from the
// JSON reports the Vitest configs write when RECOURS_TEST_REPORT_DIR is set.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const dir = process.argv[2];
if (!dir || !existsSync(dir)) process.exit(0);
let passed = 0;
let failed = 0;
let skipped = 0;
const reports = readdirSync(dir).filter((f) => f.endsWith('.json'));
// No report: lint or typecheck stopped `npm test` before any test ran; its own output says why.
if (reports.length === 0) process.exit(0);
for (const file of reports) {
  const report = JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
  passed += report.numPassedTests ?? 0;
  failed += report.numFailedTests ?? 0;
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
