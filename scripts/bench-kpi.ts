// `npm run bench:kpi`: imports a generated history of N complaints (default 100 000) into a fresh database, then
// times the KPI report (API use case) and the dashboard's two calls. Prints figures; asserts nothing.
// DATABASE_URL=postgres://… runs it on PostgreSQL (on a scratch database you may fill); PGlite in memory otherwise.
// BENCH_KPI_ORGANISATION=NAME times an existing register instead (read-only but for the KPI calendar table,
// which the first KPI request fills as in production), e.g. the 1 M files of `recours bench generate`.
// BENCH_KPI_SOURCE=files times the scan of the period's files (the reference) instead of the daily aggregates.
// The scale bench (`npm run bench:scale`) can import `benchKpi` and run it on its own generated register.

import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import type { Db } from '../src/db/client.ts';
import { type Database, openDatabase } from '../src/db/client.ts';
import { rowsOf } from '../src/db/snapshot.ts';
import { previousPeriod } from '../src/domain/kpi/period.ts';
import { addDays, parisDateOf } from '../src/domain/shared/calendar-date.ts';
import { readImportFile } from '../src/server/import/read-records.ts';
import { importComplaints } from '../src/server/import/use-cases.ts';
import { type KpiSource, kpiReport } from '../src/server/shared/kpi-report.ts';
import { historyCsvLines } from './history-generator.ts';

function percentiles(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  const p = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { p50: p(0.5).toFixed(1), p95: p(0.95).toFixed(1), max: sorted.at(-1)!.toFixed(1) };
}

/** Times the KPI report for the usual periods of the dashboard on an organisation's register. */
export async function benchKpi(
  db: Db,
  organisationId: string,
  today: string,
  runs = 20,
  source: KpiSource = process.env.BENCH_KPI_SOURCE === 'files' ? 'files' : 'auto',
) {
  const periods = [
    { label: 'un mois', from: addDays(today, -29), to: today },
    {
      label: 'un trimestre',
      from: addDays(today, -90),
      to: today,
    },
    { label: 'un an', from: `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`, to: today },
  ];
  const results = [];
  for (const p of periods) {
    const period = { from: p.from, to: p.to, asOf: today };
    await kpiReport(db, organisationId, period, source); // warm-up (calendar, plans)
    const api: number[] = [];
    const dashboard: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      await kpiReport(db, organisationId, period, source);
      api.push(performance.now() - t0);
      // The dashboard asks for the period and the previous one (change beside each tile).
      const t1 = performance.now();
      await Promise.all([
        kpiReport(db, organisationId, period, source),
        kpiReport(db, organisationId, { ...previousPeriod(period), asOf: today }, source),
      ]);
      dashboard.push(performance.now() - t1);
    }
    results.push({
      period: p.label,
      from: p.from,
      to: p.to,
      kpiApiMs: percentiles(api),
      dashboardMs: percentiles(dashboard),
    });
  }
  return results;
}

async function main() {
  const count = Number(process.env.BENCH_KPI_FILES ?? 100_000);
  const database: Database = await openDatabase(
    process.env.DATABASE_URL ? { url: process.env.DATABASE_URL } : { dataDir: 'memory://' },
  );
  try {
    const now = new Date();
    const today = parisDateOf(now);
    const existing = process.env.BENCH_KPI_ORGANISATION;
    if (existing) {
      // An existing register (the 1 M files of `recours bench generate`): nothing imported, nothing migrated.
      const found = await database.db.execute(
        sql`select id::text as id, (select count(*)::int from dossiers d where d.organisation_id = o.id) as files
            from organisations o where o.name = ${existing}`,
      );
      const org = rowsOf<{ id: string; files: number }>(found)[0];
      if (!org) throw new Error(`organisation not found: ${existing}`);
      console.log(JSON.stringify({ database: database.kind, organisation: existing, files: org.files }));
      const kpi = await benchKpi(database.db, org.id, today);
      console.log(
        JSON.stringify(
          {
            loadAverage: loadavg().map((l) => l.toFixed(2)),
            source: process.env.BENCH_KPI_SOURCE ?? 'auto',
            kpi,
          },
          null,
          2,
        ),
      );
      return;
    }
    await database.migrate();
    const lines = historyCsvLines(count, today);
    const stream = Readable.from(
      (function* () {
        for (const l of lines) yield `${l}\n`;
      })(),
    );
    const t0 = performance.now();
    const report = await importComplaints(database.db, readImportFile(stream, 'csv'), {
      organisation: { name: `Mutuelle Bench ${now.getTime()}` },
      skipInvalid: false,
      dryRun: false,
      actorId: null,
      now,
    });
    const importMs = performance.now() - t0;
    console.log(
      JSON.stringify(
        {
          database: database.kind,
          import: {
            lines: report.lines,
            imported: report.imported,
            invalid: report.invalid,
            seconds: (importMs / 1000).toFixed(1),
            linesPerSecond: Math.round(report.lines / (importMs / 1000)),
          },
          rssMb: Math.round(process.memoryUsage().rss / 1e6),
        },
        null,
        2,
      ),
    );
    const kpi = await benchKpi(database.db, report.organisation.id, today);
    console.log(
      JSON.stringify(
        {
          loadAverage: loadavg().map((l) => l.toFixed(2)),
          source: process.env.BENCH_KPI_SOURCE ?? 'auto',
          kpi,
        },
        null,
        2,
      ),
    );
  } finally {
    await database.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
