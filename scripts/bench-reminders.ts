// `npm run bench:reminders`: times the deadline-reminders job (every 15 minutes and at each start of a server) on
// the database named by DATABASE_URL, e.g. the 1 M files of `recours bench generate`: a full run (the first of a
// Paris day: every live file) and a later run of the same day (the files changed since). Both write what they
// create, as the job does. Prints the files read, the notifications created, the time and the process's peak
// resident memory. Asserts nothing.
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../src/db/client.ts';
import type { AppContext } from '../src/server/context.ts';
import { runDeadlineReminders } from '../src/server/jobs/handlers.ts';

const url = process.env.DATABASE_URL;
if (!url) {
  console.error(
    'Indiquez la base à mesurer dans DATABASE_URL (par exemple celle de « recours bench generate »).',
  );
  process.exit(2);
}
const database = await openDatabase({ url });
const ctx = { database, now: () => new Date() } as unknown as AppContext;
const live = await database.db.execute(
  sql`select count(*)::int as n from dossiers where status not in ('closed')`,
);
console.log(`# Rappels d’échéances (npm run bench:reminders) — ${new Date().toISOString()}`);
console.log(`dossiers non clos : ${(live as unknown as { rows: { n: number }[] }).rows[0]!.n}`);
for (const full of [true, false]) {
  const load = loadavg()[0]!.toFixed(1);
  const t0 = performance.now();
  const run = await runDeadlineReminders(ctx, async () => {}, { full });
  const seconds = (performance.now() - t0) / 1000;
  console.log(
    `${run.full ? 'passage complet' : 'passage suivant du jour'} : ${seconds.toFixed(1)} s, ${run.read} dossiers lus, ${run.created} rappels créés, mémoire résidente maximale ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} Mo, charge ${load}`,
  );
}
await database.close();
