/**
 * The weekly patterns job on PostgreSQL, on a register made by `recours bench generate` (DATABASE_URL): the SQL
 * weekly counts of the history the job reads (up to three years before the judged week) and the detection of the
 * last complete week, timed apart. Prints figures; docs/patterns.md extrapolates them to a million files.
 * `DATABASE_URL=… npx tsx bench/patterns-db.ts [--organisation "Mutuelle Charge"] [--as-of AAAA-MM-JJ]`
 */
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { withDatabase } from '../src/cli/database.ts';
import { lastCompleteWeekEnd } from '../src/db/repositories/pattern-spikes.ts';
import { organisationIdByName, weeklyCounts } from '../src/db/repositories/patterns.ts';
import { mondayOf } from '../src/domain/patterns/cells.ts';
import { detectSpikes } from '../src/domain/patterns/detect.ts';
import { MAX_BASELINE_WEEKS } from '../src/domain/patterns/expectation.ts';
import { addDays, parisDateOf } from '../src/domain/shared/calendar-date.ts';

const { values } = parseArgs({
  options: {
    organisation: { type: 'string', default: 'Mutuelle Charge' },
    'as-of': { type: 'string' },
  },
});

await withDatabase(async (database) => {
  const organisationId = await organisationIdByName(database.db, values.organisation!);
  if (!organisationId) throw new Error(`Organisme inconnu : ${values.organisation}`);
  const asOf = values['as-of'] ?? parisDateOf(new Date());
  const to = lastCompleteWeekEnd(asOf);
  const from = mondayOf(to);
  const historyFrom = addDays(from, -7 * MAX_BASELINE_WEEKS);
  const files = await database.db.execute(sql`
    select count(*)::int as n from dossiers
     where organisation_id = ${organisationId} and received_on between ${historyFrom}::date and ${to}::date`);
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const counts = await weeklyCounts(database.db, organisationId, historyFrom, to);
  const counted = performance.now();
  const cpuCounted = process.cpuUsage(cpuBefore);
  const result = detectSpikes({ counts, from, to });
  const detected = performance.now();
  const cpuDetect = process.cpuUsage(cpuBefore);
  const rows = (Array.isArray(files) ? files : (files as { rows: { n: number }[] }).rows) as { n: number }[];
  console.log(
    JSON.stringify(
      {
        week: from,
        filesRead: rows[0]?.n,
        countRows: counts.length,
        secondsSql: Math.round(counted - started) / 1000,
        secondsDetect: Math.round(detected - counted) / 1000,
        cpuSecondsDetect:
          Math.round((cpuDetect.user + cpuDetect.system - cpuCounted.user - cpuCounted.system) / 1000) / 1000,
        cellsTested: result.ok ? result.value.weeks[0]?.cellsTested : result.error.message,
        alerts: result.ok ? result.value.alerts.length : null,
      },
      null,
      2,
    ),
  );
});
