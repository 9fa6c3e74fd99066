/**
 * The weekly patterns work on PostgreSQL, on a register made by `recours bench generate` (DATABASE_URL), each part
 * timed apart (wall and CPU seconds of this process, load average beside each):
 * - spikes, as the weekly job computes them: SQL weekly counts of up to three years before the last complete week,
 *   then the detection of that week;
 * - themes of the last two years: the newest THEME_SAMPLE texts (the documented, bounded sample), TF-IDF + NMF;
 * - clause links of the last two years: complaints per clause of the contract (SQL counts by category, money
 *   complaints streamed page by page and linked by their words).
 * Reads only. `npm run bench:patterns -- [--organisation "Mutuelle Charge"] [--as-of AAAA-MM-JJ]`
 * with DATABASE_URL=postgres://…/recours_bench.
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { withDatabase } from '../src/cli/database.ts';
import { lastCompleteWeekEnd } from '../src/db/repositories/pattern-spikes.ts';
import { organisationIdByName, weeklyCounts } from '../src/db/repositories/patterns.ts';
import { mondayOf } from '../src/domain/patterns/cells.ts';
import { detectSpikes } from '../src/domain/patterns/detect.ts';
import { MAX_BASELINE_WEEKS } from '../src/domain/patterns/expectation.ts';
import { addDays, parisDateOf } from '../src/domain/shared/calendar-date.ts';
import { disputesByClause, themesReport } from '../src/server/patterns/reports.ts';

const { values } = parseArgs({
  options: {
    organisation: { type: 'string', default: 'Mutuelle Charge' },
    'as-of': { type: 'string' },
  },
});

const round = (x: number) => Math.round(x * 1000) / 1000;

async function timed<T>(action: () => Promise<T> | T) {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  const value = await action();
  const used = process.cpuUsage(cpu);
  return {
    value,
    figures: {
      seconds: round((performance.now() - wall) / 1000),
      cpuSeconds: round((used.user + used.system) / 1e6),
      loadAverage: loadavg().map((l) => Math.round(l * 100) / 100),
    },
  };
}

await withDatabase(async (database) => {
  const organisationId = await organisationIdByName(database.db, values.organisation!);
  if (!organisationId) throw new Error(`Organisme inconnu : ${values.organisation}`);
  const asOf = values['as-of'] ?? parisDateOf(new Date());
  const to = lastCompleteWeekEnd(asOf);
  const week = mondayOf(to);
  const twoYears = addDays(week, -7 * 104);
  const loadBefore = loadavg().map((l) => Math.round(l * 100) / 100);
  const counts = await timed(() =>
    weeklyCounts(database.db, organisationId, addDays(week, -7 * MAX_BASELINE_WEEKS), to),
  );
  const detection = await timed(() => detectSpikes({ counts: counts.value, from: week, to }));
  const themes = await timed(() => themesReport(database.db, organisationId, twoYears, to));
  const clauses = await timed(() => disputesByClause(database, organisationId, twoYears, to));
  const spikes = detection.value;
  const parts = [counts, detection, themes, clauses].map((p) => p.figures);
  console.log(
    JSON.stringify(
      {
        organisation: values.organisation,
        judgedWeek: week,
        twoYears: { from: twoYears, to },
        loadAverageBefore: loadBefore,
        spikesSqlCounts: { ...counts.figures, countRows: counts.value.length },
        spikesDetection: {
          ...detection.figures,
          cellsTested: spikes.ok ? spikes.value.weeks[0]?.cellsTested : spikes.error.message,
          alerts: spikes.ok ? spikes.value.alerts.length : null,
        },
        themes: {
          ...themes.figures,
          sample: themes.value.sample,
          themes: themes.value.themes.ok
            ? themes.value.themes.value.length
            : themes.value.themes.error.message,
        },
        clauseLinks: {
          ...clauses.figures,
          clauseProductPairs: clauses.value.length,
          complaintsLinked: clauses.value.reduce((n, c) => n + c.complaints, 0),
        },
        total: {
          seconds: round(parts.reduce((n, p) => n + p.seconds, 0)),
          cpuSeconds: round(parts.reduce((n, p) => n + p.cpuSeconds, 0)),
          loadAverageAfter: loadavg().map((l) => Math.round(l * 100) / 100),
        },
      },
      null,
      2,
    ),
  );
});
