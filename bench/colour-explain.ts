// EXPLAIN ANALYZE of the register filtered by colour (decision 0017): the page (first and deep) and its capped
// count, exactly as `registerPage` sends them. Reads only. Prints each plan once, then p50/p95 of the server's own
// execution time over RUNS runs, with the load average.
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/amber_bench npx tsx bench/colour-explain.ts
// COLOURS (default amber,red,green), OFFSET (deep page, default 1000), RUNS (default 20), ORGANISATION (default
// « Mutuelle Charge »).
import { loadavg } from 'node:os';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { Db } from '../src/db/client.ts';
import { registerPage } from '../src/db/repositories/register.ts';
import * as schema from '../src/db/schema.ts';
import type { SlaColour } from '../src/domain/register/sla.ts';
import { todayInParis } from '../src/server/shared/deadline-projection.ts';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL : la base à mesurer (lecture seule).');
const colours = (process.env.COLOURS ?? 'amber,red,green').split(',') as SlaColour[];
const deepOffset = Number(process.env.OFFSET ?? 1000);
const runs = Number(process.env.RUNS ?? 20);
const organisationName = process.env.ORGANISATION ?? 'Mutuelle Charge';

const pool = new pg.Pool({ connectionString: url, max: 1 });
const captured: { sql: string; params: unknown[] }[] = [];
const db = drizzle({
  client: pool,
  schema,
  logger: { logQuery: (sql, params) => captured.push({ sql, params }) },
}) as unknown as Db;

const org = await pool.query('select id from organisations where name = $1', [organisationName]);
if (!org.rows[0]) throw new Error(`Organisation introuvable : ${organisationName}`);
const organisationId = String(org.rows[0].id);
const today = todayInParis(new Date());

async function explain(statement: { sql: string; params: unknown[] }) {
  const plan = await pool.query(`explain (analyze, buffers) ${statement.sql}`, statement.params);
  const lines = plan.rows.map((r) => String(r['QUERY PLAN']));
  const time = Number(/Execution Time: ([\d.]+) ms/.exec(lines.at(-1) ?? '')?.[1] ?? Number.NaN);
  return { lines, time };
}

function percentile(sorted: number[], q: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

console.log(`# Register by colour, ${today}, organisation ${organisationName}`);
for (const colour of colours) {
  for (const offset of [0, deepOffset]) {
    captured.length = 0;
    const filters = { organisationId, sla: [colour], today };
    const { total } = await registerPage(db, filters, { sort: 'urgency', offset }, 50);
    const selects = captured.filter((s) => s.sql.startsWith('select'));
    const count = selects.find((s) => s.sql.includes('count(*)'));
    const page = selects.find((s) => s !== count);
    for (const [what, statement] of [
      [`page, offset ${offset}`, page],
      ['count (capped)', offset === 0 ? count : undefined],
    ] as const) {
      if (!statement) continue;
      const times: number[] = [];
      let shown: string[] = [];
      for (let i = 0; i < runs; i++) {
        const { lines, time } = await explain(statement);
        if (i === 0) shown = lines;
        times.push(time);
      }
      times.sort((a, b) => a - b);
      console.log(
        `\n## ${colour}, ${what} (${total} matching, count capped): p50 ${percentile(times, 0.5).toFixed(1)} ms, p95 ${percentile(times, 0.95).toFixed(1)} ms over ${runs} runs, load ${loadavg()[0]!.toFixed(1)}`,
      );
      if (process.env.PLANS !== 'false') console.log(shown.map((l) => `    ${l}`).join('\n'));
    }
  }
}
await pool.end();
