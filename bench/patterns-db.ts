/**
 * The weekly patterns work on PostgreSQL, on a register made by `recours bench generate` (DATABASE_URL), each part
 * timed apart (wall and CPU seconds of this process, load average beside each):
 * - spikes, as the weekly job computes them: SQL weekly counts of up to three years before the last complete week,
 *   then the detection of that week;
 * - themes, as the weekly job computes them: the sample of the 16 weeks ending with that week (at most
 *   TEXTS_PER_WEEK texts a week, SQL), then TF-IDF + NMF and the alert rule;
 * - clause links of the last two years: complaints per clause of the contract (SQL counts by category, money
 *   complaints streamed page by page and linked by their words), computed on request, not by the job.
 * Reads only, unless `--job`: then the whole weekly job of the organisation runs as the queue runs it (spikes,
 * themes, storage of both runs and notifications in one transaction; the week's theme run is replaced).
 * `npm run bench:patterns -- [--organisation "Mutuelle Charge"] [--as-of AAAA-MM-JJ] [--job]`
 * with DATABASE_URL=postgres://…/recours_bench.
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { withDatabase } from '../src/cli/database.ts';
import { lastCompleteWeekEnd } from '../src/db/repositories/pattern-spikes.ts';
import { sampledTexts, THEME_WEEKS } from '../src/db/repositories/pattern-themes.ts';
import { organisationIdByName, weeklyCounts } from '../src/db/repositories/patterns.ts';
import { mondayOf } from '../src/domain/patterns/cells.ts';
import { detectSpikes } from '../src/domain/patterns/detect.ts';
import { MAX_BASELINE_WEEKS } from '../src/domain/patterns/expectation.ts';
import { discoverThemes } from '../src/domain/patterns/themes/themes.ts';
import { addDays, parisDateOf } from '../src/domain/shared/calendar-date.ts';
import type { AppContext } from '../src/server/context.ts';
import { runWeeklyPatterns } from '../src/server/jobs/weekly-patterns.ts';
import { disputesByClause } from '../src/server/patterns/reports.ts';
import { notifyInTransaction } from '../src/server/shared/notify.ts';

const { values } = parseArgs({
  options: {
    organisation: { type: 'string', default: 'Mutuelle Charge' },
    'as-of': { type: 'string' },
    job: { type: 'boolean', default: false },
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
  const sample = await timed(() =>
    sampledTexts(database.db, organisationId, addDays(week, -7 * (THEME_WEEKS - 1)), to),
  );
  const themes = await timed(() => discoverThemes(sample.value.documents, { asOf: to }));
  const clauses = await timed(() => disputesByClause(database, organisationId, twoYears, to));
  const spikes = detection.value;
  const parts = [counts, detection, sample, themes].map((p) => p.figures);
  // The job as the queue runs it, on a clock set to the day after the judged week (a Monday).
  const job = values.job
    ? await timed(() =>
        runWeeklyPatterns(
          { database, now: () => new Date(`${addDays(to, 1)}T06:00:00Z`) } as AppContext,
          organisationId,
          notifyInTransaction,
        ),
      )
    : null;
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
        themesSqlSample: {
          ...sample.figures,
          texts: sample.value.documents.length,
          complaintsWithText: sample.value.weeks.reduce((n, w) => n + w.complaints, 0),
        },
        themesDiscovery: {
          ...themes.figures,
          themes: themes.value.ok ? themes.value.value.themes.length : themes.value.error.message,
          alerts: themes.value.ok ? themes.value.value.themes.filter((t) => t.alert).length : null,
        },
        clauseLinks: {
          ...clauses.figures,
          clauseProductPairs: clauses.value.length,
          complaintsLinked: clauses.value.reduce((n, c) => n + c.complaints, 0),
        },
        jobParts: {
          seconds: round(parts.reduce((n, p) => n + p.seconds, 0)),
          cpuSeconds: round(parts.reduce((n, p) => n + p.cpuSeconds, 0)),
        },
        weeklyJob: job
          ? { ...job.figures, ...job.value, notificationIds: job.value.notificationIds.length }
          : null,
        loadAverageAfter: loadavg().map((l) => Math.round(l * 100) / 100),
      },
      null,
      2,
    ),
  );
});
