// `npm run bench:export`: streams the register of one organisation as CSV (the export route's own producer,
// registerCsv) into a sink that counts bytes, and samples the process's resident memory meanwhile. Target
// (issue 14): a million rows with the server under 300 MB resident. Read-only: the route's history event is
// not written (the producer is called directly). Prints figures; asserts nothing.
// DATABASE_URL=postgres://…/recours_bench BENCH_EXPORT_ORGANISATION="Mutuelle Charge" npm run bench:export

import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../src/db/client.ts';
import { rowsOf } from '../src/db/snapshot.ts';
import { parisDateOf } from '../src/domain/shared/calendar-date.ts';
import { registerCsv } from '../src/server/exports/register-export.ts';

async function main() {
  const url = process.env.DATABASE_URL;
  const name = process.env.BENCH_EXPORT_ORGANISATION;
  if (!url || !name) throw new Error('DATABASE_URL and BENCH_EXPORT_ORGANISATION are required');
  const database = await openDatabase({ url });
  try {
    const found = rowsOf<{ id: string }>(
      await database.db.execute(sql`select id::text as id from organisations where name = ${name}`),
    )[0];
    if (!found) throw new Error(`organisation not found: ${name}`);
    const now = new Date();
    // Before the first row: the process's own baseline (loader, drivers, pool), to tell it from the export's share.
    const startRss = process.memoryUsage().rss;
    let peakRss = startRss;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }, 200);
    let bytes = 0;
    let lines = 0;
    const t0 = performance.now();
    await pipeline(
      registerCsv(database.db, { organisationId: found.id, today: parisDateOf(now) }, undefined, now),
      new Writable({
        write(chunk: Buffer | string, _encoding, done) {
          bytes += Buffer.byteLength(chunk);
          lines += 1;
          peakRss = Math.max(peakRss, process.memoryUsage().rss);
          done();
        },
      }),
    );
    clearInterval(sampler);
    const seconds = (performance.now() - t0) / 1000;
    console.log(
      JSON.stringify(
        {
          rows: lines - 1,
          megabytes: Math.round(bytes / 1e6),
          seconds: seconds.toFixed(1),
          rowsPerSecond: Math.round((lines - 1) / seconds),
          startRssMb: Math.round(startRss / 1e6),
          peakRssMb: Math.round(peakRss / 1e6),
          loadAverage: loadavg().map((l) => l.toFixed(2)),
        },
        null,
        2,
      ),
    );
  } finally {
    await database.close();
  }
}

await main();
