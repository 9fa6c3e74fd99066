// `npm run bench:import`: writes a realistic register history of N lines (default 100 000, BENCH_IMPORT_LINES) as a
// CSV file, then imports it as `npx recours import complaints FILE` does (file stream, all or nothing) into a new
// organisation. Target (issue 14): 100 000 lines in under 60 s. Prints figures with the load average.
// DATABASE_URL=postgres://… for PostgreSQL (a scratch database: the lines stay), PGlite in memory otherwise.
// BENCH_IMPORT_FILE=path keeps the CSV there (to time the CLI itself on it).

import { createReadStream, createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { openDatabase } from '../src/db/client.ts';
import { parisDateOf } from '../src/domain/shared/calendar-date.ts';
import { readImportFile } from '../src/server/import/read-records.ts';
import { importComplaints } from '../src/server/import/use-cases.ts';
import { historyCsvLines } from './history-generator.ts';

async function main() {
  const count = Number(process.env.BENCH_IMPORT_LINES ?? 100_000);
  const keep = process.env.BENCH_IMPORT_FILE;
  const file = keep ?? path.join(tmpdir(), `recours-historique-${process.pid}.csv`);
  const now = new Date();
  await pipeline(
    Readable.from(
      (function* () {
        for (const line of historyCsvLines(count, parisDateOf(now))) yield `${line}\n`;
      })(),
    ),
    createWriteStream(file),
  );
  const url = process.env.DATABASE_URL;
  const database = await openDatabase(url ? { url } : { dataDir: 'memory://' });
  try {
    await database.migrate();
    const load = loadavg();
    const t0 = performance.now();
    const report = await importComplaints(database.db, readImportFile(createReadStream(file), 'csv'), {
      organisation: { name: `Mutuelle Import ${now.getTime()}` },
      skipInvalid: false,
      dryRun: false,
      actorId: null,
      now,
    });
    const seconds = (performance.now() - t0) / 1000;
    console.log(
      JSON.stringify(
        {
          database: database.kind,
          lines: report.lines,
          imported: report.imported,
          invalid: report.invalid,
          committed: report.committed,
          seconds: seconds.toFixed(1),
          linesPerSecond: Math.round(report.lines / seconds),
          rssMb: Math.round(process.memoryUsage().rss / 1e6),
          loadAverageBefore: load.map((l) => l.toFixed(2)),
          loadAverageAfter: loadavg().map((l) => l.toFixed(2)),
        },
        null,
        2,
      ),
    );
  } finally {
    await database.close();
    if (!keep) await rm(file, { force: true });
  }
}

await main();
