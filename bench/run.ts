// `npm run bench`: throughput of the pure engines on this machine. Prints figures; asserts nothing
// (tests never assert on time). Each engine runs a warm-up, then a fixed number of calls.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { computeDeadlines } from '../src/domain/deadlines/engine.ts';
import { simulateReimbursement } from '../src/domain/reimbursement/engine.ts';
import { analyseText } from '../src/domain/triage/analyse.ts';
import { triageModel } from '../src/domain/triage/model-loader.ts';

const json = (path: string) => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'));
const deadlinesInput = json('../src/domain/deadlines/example-input.json');
const reimbursementInput = json('../src/domain/reimbursement/example-input.json');
const texts = readFileSync(new URL('../corpus/triage/holdout.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => (JSON.parse(line) as { text: string }).text);

function measure(label: string, calls: number, fn: (i: number) => void) {
  for (let i = 0; i < Math.min(200, calls); i += 1) fn(i);
  const times: number[] = [];
  const start = performance.now();
  for (let i = 0; i < calls; i += 1) {
    const t0 = performance.now();
    fn(i);
    times.push(performance.now() - t0);
  }
  const total = performance.now() - start;
  times.sort((a, b) => a - b);
  const p = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(3);
  console.log(
    `${label.padEnd(34)} ${String(calls).padStart(6)} calls  ${(calls / (total / 1000)).toFixed(0).padStart(8)} /s  mean ${(total / calls).toFixed(3)} ms  p50 ${p(0.5)} ms  p95 ${p(0.95)} ms`,
  );
}

measure('deadlines (example file)', 5000, () => {
  if (!computeDeadlines(deadlinesInput).ok) throw new Error('deadlines failed');
});
measure('reimbursement (3 acts + contract)', 5000, () => {
  if (!simulateReimbursement(reimbursementInput).ok) throw new Error('reimbursement failed');
});
measure('triage (holdout texts)', 3000, (i) => {
  analyseText(texts[i % texts.length]!, '2026-11-23', triageModel);
});
// Long member-style texts (median about 400 characters, several events and dates): the realistic case.
const memberTexts = readFileSync(new URL('../corpus/triage/members/eval-01.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => (JSON.parse(line) as { text: string }).text);
measure('triage (member-style texts)', 2000, (i) => {
  analyseText(memberTexts[i % memberTexts.length]!, '2026-11-23', triageModel);
});
