import { addFile, addMember, newBuffers, rng } from '../src/bench/file-rows.ts';
import { parisDateOf } from '../src/domain/shared/calendar-date.ts';

const b = newBuffers();
const now = new Date();
const ctx = {
  today: parisDateOf(now),
  now,
  random: rng(1),
  memberPool: [] as string[],
  projections: new Map(),
};
const org = { id: crypto.randomUUID(), name: 'X', handlerIds: [crypto.randomUUID(), crypto.randomUUID()] };
const t0 = performance.now();
for (let i = 0; i < 60000; i++) {
  const m = addMember(b, ctx, i);
  addFile(b, ctx, i, org, m);
  if (i % 2000 === 0) for (const x of Object.values(b)) x.take();
}
console.log(
  (((performance.now() - t0) / 60000) * 1000).toFixed(0),
  'µs per file; cpu',
  process.cpuUsage().user / 1000,
  'ms',
);
