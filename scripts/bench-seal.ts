/**
 * Benchmark of sealing (the sequencer, `integratePending` in src/server/audit/merkle-log.ts): moves the pending
 * events of an existing database into the Merkle log and prints the pace in leaves per second, the log's root and a
 * digest of its stored nodes (to compare two algorithms on copies of one database: both must print the same).
 * It WRITES to the database, so it takes a copy named explicitly and refuses to run without one:
 *
 *   createdb -h 127.0.0.1 -U postgres -T recours_bench seal_copy      # nobody connected to recours_bench
 *   SEAL_BENCH_URL=postgres://postgres@127.0.0.1:5432/seal_copy npm run bench:seal
 *   SEAL_BENCH_LEAVES=5000000 …   # seals about that many leaves only (a half-sealed history for bench:audit)
 *   SEAL_BENCH_BATCH=20000 …      # leaves per transaction (the application's default)
 *
 * The load average is printed with the figures: on a shared machine they mean little without it.
 */

import { loadavg } from 'node:os';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../src/db/client.ts';
import { rowsOf } from '../src/db/snapshot.ts';
import { integratePending, rangeHash, treeSize } from '../src/server/audit/merkle-log.ts';

const url = process.env.SEAL_BENCH_URL;
if (!url) {
  console.error(
    'SEAL_BENCH_URL manquant : ce banc d’essai écrit dans la base, donnez-lui une copie (voir l’en-tête du script).',
  );
  process.exit(2);
}
const batchSize = Number(process.env.SEAL_BENCH_BATCH ?? 20_000);
const maxLeaves = Number(process.env.SEAL_BENCH_LEAVES ?? Number.POSITIVE_INFINITY);

const database = await openDatabase({ url });
try {
  const db = database.db;
  const before = await treeSize(db);
  const cpu = process.cpuUsage();
  const t = performance.now();
  const size = await integratePending(db, batchSize, maxLeaves);
  const seconds = (performance.now() - t) / 1000;
  const used = process.cpuUsage(cpu);
  const [digest] = rowsOf<{ nodes: string; md5: string | null }>(
    await db.execute(sql`select count(*)::text as nodes,
      md5(string_agg(level || ':' || idx || ':' || hash, ',' order by level, idx)) as md5 from audit_log_nodes`),
  );
  console.log(
    JSON.stringify(
      {
        leavesSealed: size - before,
        treeSize: size,
        seconds: Number(seconds.toFixed(1)),
        leavesPerSecond: Math.round((size - before) / seconds),
        nodeCpuSeconds: Number(((used.user + used.system) / 1e6).toFixed(1)),
        root: size > 0 ? await rangeHash(db, 0, size) : null,
        storedNodes: Number(digest!.nodes),
        storedNodesMd5: digest!.md5,
        loadAverage: loadavg().map((l) => Number(l.toFixed(1))),
      },
      null,
      2,
    ),
  );
} finally {
  await database.close();
}
