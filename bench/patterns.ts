/**
 * The pure part of the weekly patterns job at the scale: two years of one million complaints (about 9 600 a
 * week) as the weekly counts the SQL returns, then the detection of the last week (what the weekly job does) and
 * of the last four weeks. Prints figures. `npx tsx bench/patterns.ts`.
 */

import { detectSpikes } from '../src/domain/patterns/detect.ts';
import { syntheticRegister } from '../src/domain/patterns/synthetic.ts';
import { addDays } from '../src/domain/shared/calendar-date.ts';

const weeks = 104;
const started = performance.now();
const register = syntheticRegister({ seed: 3, weeks, weeklyVolume: 9_000, spikes: 6, spikesFrom: 80 });
const files = register.counts.reduce((n, r) => n + r.count, 0);
const generated = performance.now();
const lastWeek = addDays('2023-01-02', (weeks - 1) * 7);
// CPU time beside wall time: on the shared machine the wall time mostly measures the others' load.
const cpuBefore = process.cpuUsage();
const one = detectSpikes({ counts: register.counts, from: lastWeek, to: addDays(lastWeek, 6) });
const cpu = process.cpuUsage(cpuBefore);
const oneDone = performance.now();
if (process.argv.includes('--last-week-only')) {
  console.log(
    JSON.stringify({
      files,
      countRows: register.counts.length,
      secondsDetectLastWeek: Math.round(oneDone - generated) / 1000,
      cpuSecondsDetectLastWeek: Math.round((cpu.user + cpu.system) / 1000) / 1000,
    }),
  );
  process.exit(0);
}
const four = detectSpikes({
  counts: register.counts,
  from: addDays(lastWeek, -21),
  to: addDays(lastWeek, 6),
});
const fourDone = performance.now();
console.log(
  JSON.stringify(
    {
      files,
      countRows: register.counts.length,
      cellsTestedLastWeek: one.ok ? one.value.weeks[0]?.cellsTested : null,
      alertsLastWeek: one.ok ? one.value.alerts.length : null,
      secondsGenerate: Math.round(generated - started) / 1000,
      secondsDetectLastWeek: Math.round(oneDone - generated) / 1000,
      secondsDetectFourWeeks: Math.round(fourDone - oneDone) / 1000,
      alertsFourWeeks: four.ok ? four.value.alerts.length : null,
    },
    null,
    2,
  ),
);
