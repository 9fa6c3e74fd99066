/**
 * Recall and false alerts of the spike detector on synthetic registers with planted spikes
 * (src/domain/patterns/synthetic.ts). Prints figures; docs/patterns.md quotes them. `npm run eval:patterns`.
 * Options: --seeds N (default 10), --weeks W (default 156), --volume V (complaints per week, default 400).
 */
import { parseArgs } from 'node:util';
import { detectSpikes } from '../src/domain/patterns/detect.ts';
import { scoreDetection } from '../src/domain/patterns/evaluation.ts';
import { DEFAULT_SYNTHETIC, syntheticRegister } from '../src/domain/patterns/synthetic.ts';
import { addDays } from '../src/domain/shared/calendar-date.ts';

const { values } = parseArgs({
  options: {
    seeds: { type: 'string', default: '10' },
    weeks: { type: 'string', default: '156' },
    volume: { type: 'string', default: '400' },
    from: { type: 'string', default: '52' },
    verbose: { type: 'boolean', default: false },
  },
});
const seeds = Number(values.seeds);
const weeks = Number(values.weeks);
const volume = Number(values.volume);
const evaluatedFrom = Number(values.from);

let planted = 0;
let found = 0;
let exactly = 0;
let falseAlerts = 0;
let evaluatedWeeks = 0;
const byFactor = new Map<number, { planted: number; found: number }>();
// The planted factor multiplies the week's noisy mean; what the target speaks of is the ratio of the count
// to the expected weekly count, i.e. to what a perfect model of the register expects (no noise).
const byRatio = new Map<string, { planted: number; found: number }>();
const ratioBucket = (r: number) => (r >= 3 ? '≥ 3' : r >= 2 ? '2 à 3' : '< 2');
const started = performance.now();
for (let seed = 1; seed <= seeds; seed++) {
  const register = syntheticRegister({ seed, weeks, weeklyVolume: volume, spikesFrom: evaluatedFrom });
  const firstWeek = DEFAULT_SYNTHETIC.firstWeek;
  const result = detectSpikes({
    counts: register.counts,
    from: addDays(firstWeek, evaluatedFrom * 7),
    to: addDays(firstWeek, (weeks - 1) * 7 + 6),
  });
  if (!result.ok) throw new Error(result.error.message);
  const score = scoreDetection(result.value.alerts, register.planted);
  planted += score.planted;
  found += score.found;
  exactly += score.foundExactly;
  falseAlerts += score.falseAlerts;
  evaluatedWeeks += result.value.weeks.length;
  for (const spike of register.planted) {
    const entry = byFactor.get(spike.factor) ?? { planted: 0, found: 0 };
    entry.planted++;
    if (!score.missed.includes(spike)) entry.found++;
    byFactor.set(spike.factor, entry);
    const bucket = ratioBucket(spike.observed / spike.modelExpected);
    const r = byRatio.get(bucket) ?? { planted: 0, found: 0 };
    r.planted++;
    if (!score.missed.includes(spike)) r.found++;
    byRatio.set(bucket, r);
  }
  if (values.verbose) {
    for (const p of register.planted) console.log(`  planté (graine ${seed})`, JSON.stringify(p));
    for (const m of score.missed) console.log(`  manqué (graine ${seed})`, JSON.stringify(m));
    for (const f of score.falses) console.log(`  fausse alerte (graine ${seed})`, f.explanation);
  }
}
const years = evaluatedWeeks / 52;
console.log(
  JSON.stringify(
    {
      registers: seeds,
      weeksPerRegister: weeks,
      weeklyVolume: volume,
      evaluatedWeeks,
      plantedSpikes: planted,
      found,
      foundExactly: exactly,
      recall: Math.round((found / Math.max(1, planted)) * 1000) / 1000,
      exactRecall: Math.round((exactly / Math.max(1, planted)) * 1000) / 1000,
      recallByFactor: Object.fromEntries(
        [...byFactor].sort((a, b) => a[0] - b[0]).map(([k, v]) => [`x${k}`, v]),
      ),
      recallByObservedOverExpected: Object.fromEntries(byRatio),
      falseAlerts,
      falseAlertsPerYear: Math.round((falseAlerts / years) * 100) / 100,
      seconds: Math.round((performance.now() - started) / 100) / 10,
    },
    null,
    2,
  ),
);
