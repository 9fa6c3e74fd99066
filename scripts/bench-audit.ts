/**
 * Benchmark of `recours audit verify` on PostgreSQL (docs/decisions/0004-audit-history.md): generates AUDIT_BENCH_EVENTS
 * events (default 10 000 000, ten per file, files interleaved as in real life) in SQL, with the same hash function as
 * the application, seals them with a signed checkpoint, then times the streaming verification. Prints figures.
 *
 *   npx tsx scripts/bench-audit.ts            # BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test
 *   AUDIT_BENCH_EVENTS=1000000 BENCH_KEEP=1 npm run bench:audit     # keeps the database, prints its name
 *   AUDIT_BENCH_REUSE=recours_bench_audit_… npm run bench:audit     # times the verification again on it
 *   AUDIT_BENCH_URL=postgres://postgres@127.0.0.1:5432/recours_bench npm run bench:audit
 *       # times the verification of any database, read only (no generation, no checkpoint taken)
 *   AUDIT_BENCH_WORKER=0 …   # the log's Merkle tree in the main thread (default on PostgreSQL: in a worker thread)
 * CPU seconds are printed for the Node process (every thread), its main thread alone, and PostgreSQL's backends.
 * The load average is printed with the figures: on a shared machine they mean little without it.
 */

import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { openDatabase } from '../src/db/client.ts';
import { auditCheckpoints } from '../src/db/schema.ts';
import { rowsOf } from '../src/db/snapshot.ts';
import { keyIdOf } from '../src/domain/audit/checkpoint.ts';
import { takeCheckpoint } from '../src/server/audit/checkpoints.ts';
import { STORED_LEVEL } from '../src/server/audit/merkle-log.ts';
import { verifyAuditHistory } from '../src/server/audit/verify.ts';

const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const total = Number(process.env.AUDIT_BENCH_EVENTS ?? 10_000_000);
const perFile = 10;
const files = Math.ceil(total / perFile);
const existing = process.env.AUDIT_BENCH_URL;
const reuse = process.env.AUDIT_BENCH_REUSE;
if (reuse && !/^recours_bench_audit_[0-9a-f]+$/.test(reuse))
  throw new Error('AUDIT_BENCH_REUSE : nom de base inattendu');
const name = reuse ?? `recours_bench_audit_${randomBytes(4).toString('hex')}`;

const seconds = (from: number) => ((performance.now() - from) / 1000).toFixed(1);

async function admin(text: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

if (!reuse && !existing) await admin(`create database ${name}`);
const target = new URL(existing ?? url);
if (!existing) target.pathname = `/${name}`;
// Names the benchmark's own server processes, whose CPU time is read below.
const APPLICATION = 'recours_bench_audit';
target.searchParams.set('application_name', APPLICATION);
const database = await openDatabase({ url: target.href });
try {
  let generation: number | null = null;
  if (!reuse && !existing) generation = Number(await generate());
  async function generate() {
    await database.migrate();
    const client = new pg.Client({ connectionString: target.href });
    await client.connect();
    client.on('error', () => undefined);
    const t = performance.now();
    // Indexes are built once at the end (as a restore would), not row by row.
    const indexes = (
      await client.query<{ def: string; name: string }>(
        `select indexname as name, indexdef as def from pg_indexes where tablename = 'audit_events' and indexname <> 'audit_events_pkey'`,
      )
    ).rows;
    for (const index of indexes) await client.query(`drop index ${index.name}`);
    await client.query(`create unlogged table bench_chains as
    select gen_random_uuid() as id, repeat('0', 64) as last_hash from generate_series(1, ${files})`);
    // One statement per rank: every file's 1st event, then every file's 2nd… (a file's events spread over the table).
    for (let k = 1; k <= perFile; k += 1) {
      await client.query(`create unlogged table bench_next as
        select c.id, ${k}::bigint as chain_seq, ts, p, c.last_hash as prev_hash,
          audit_event_hash(c.id, ${k}, null, null, 'dossier.viewed', ts, c.last_hash, p) as last_hash
        from (select id, last_hash, timestamptz '2026-01-01' + (${k} * interval '1 day') + (random() * interval '1 day') as ts,
          jsonb_build_object('role', 'handler', 'part', 'documents') as p from bench_chains) c`);
      await client.query(`insert into audit_events (chain_id, chain_seq, type, occurred_at, payload, prev_hash, hash)
      select id, chain_seq, 'dossier.viewed', ts, p, prev_hash, last_hash from bench_next`);
      await client.query('drop table bench_chains; alter table bench_next rename to bench_chains');
      process.stdout.write(`  rang ${k}/${perFile} : ${seconds(t)} s\n`);
    }
    for (const index of indexes) await client.query(index.def);
    await client.query(`insert into audit_chain_heads (chain_id, last_seq, last_hash, prev_hash)
    select e.chain_id, e.chain_seq, e.hash, e.prev_hash from audit_events e where e.chain_seq = ${perFile}`);
    await client.query(`insert into audit_log_leaves (leaf_index, event_seq)
    select row_number() over (order by seq) - 1, seq from audit_events`);
    // The stored subtrees (level ≥ 8), computed level by level in SQL: RFC 9162 interior node = SHA-256(0x01‖l‖r).
    await client.query(`create unlogged table bench_level as
    select l.leaf_index as idx, decode(e.hash, 'hex') as h from audit_log_leaves l join audit_events e on e.seq = l.event_seq`);
    for (let level = 1; ; level += 1) {
      const { rowCount } = await client.query(`create unlogged table bench_next as
      select a.idx / 2 as idx, sha256('\\x01'::bytea || a.h || b.h) as h
      from bench_level a join bench_level b on b.idx = a.idx + 1 where a.idx % 2 = 0`);
      await client.query('drop table bench_level; alter table bench_next rename to bench_level');
      if (level >= STORED_LEVEL) {
        await client.query(
          `insert into audit_log_nodes (level, idx, hash) select ${level}, idx, encode(h, 'hex') from bench_level`,
        );
      }
      if (!rowCount || rowCount <= 1) break;
    }
    await client.query('drop table bench_level');
    await client.query('drop table bench_chains');
    await client.query('vacuum analyze');
    await client.end();
    return seconds(t);
  }

  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const keys = { privateKey, keyId: keyIdOf(publicKey), trustedKeyIds: new Set([keyIdOf(publicKey)]) };
  // Run again on a kept database: the checkpoints of earlier runs were signed by their own (throwaway) keys.
  if (reuse || existing) {
    const earlier = await database.db
      .selectDistinct({ keyId: auditCheckpoints.keyId })
      .from(auditCheckpoints);
    for (const { keyId } of earlier) keys.trustedKeyIds.add(keyId);
  }
  let t = performance.now();
  if (!existing) await takeCheckpoint(database.db, keys, new Date());
  const checkpoint = seconds(t);

  /**
   * CPU seconds used so far by the benchmark's PostgreSQL processes (same machine: /proc). With the Node process's
   * own, it tells what the verification costs whatever the load, where the wall time says mostly how loaded it was.
   */
  const serverCpu = async () => {
    const pids = rowsOf<{ pid: number }>(
      await database.db.execute(
        sql.raw(`select pid from pg_stat_activity where application_name = '${APPLICATION}'`),
      ),
    );
    let ticks = 0;
    for (const { pid } of pids) {
      try {
        const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
        ticks += Number(fields[11]) + Number(fields[12]);
      } catch {
        return Number.NaN;
      }
    }
    return ticks / 100;
  };
  /** CPU seconds of this process's main thread alone (its task in /proc has the process's id), without the worker's. */
  const mainThreadCpu = () => {
    try {
      const fields = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return (Number(fields[11]) + Number(fields[12])) / 100;
    } catch {
      return Number.NaN;
    }
  };
  const serverBefore = await serverCpu();
  const mainBefore = mainThreadCpu();
  const cpuBefore = process.cpuUsage();
  const rssBefore = process.memoryUsage().rss;
  let rssMax = rssBefore;
  const sampler = setInterval(() => {
    rssMax = Math.max(rssMax, process.memoryUsage().rss);
  }, 200);
  t = performance.now();
  const report = await verifyAuditHistory(database, {
    trustedKeyIds: keys.trustedKeyIds,
    ...(process.env.AUDIT_BENCH_WORKER ? { merkleInWorker: process.env.AUDIT_BENCH_WORKER !== '0' } : {}),
  });
  const verify = (performance.now() - t) / 1000;
  const nodeCpu = process.cpuUsage(cpuBefore);
  const mainCpu = mainThreadCpu() - mainBefore;
  const serverSeconds = (await serverCpu()) - serverBefore;
  clearInterval(sampler);
  console.log(
    JSON.stringify(
      {
        events: report.events,
        files: report.chains,
        ok: report.ok,
        breakCount: report.breakCount,
        generationSeconds: generation ?? 'base réutilisée',
        checkpointSeconds: Number(checkpoint),
        verifySeconds: Number(verify.toFixed(1)),
        eventsPerSecond: Math.round(report.events / verify),
        cpuSeconds: {
          node: Number(((nodeCpu.user + nodeCpu.system) / 1e6).toFixed(1)),
          nodeMainThread: Number(mainCpu.toFixed(1)),
          postgres: Number(serverSeconds.toFixed(1)),
        },
        rssMiB: { before: Math.round(rssBefore / 2 ** 20), max: Math.round(rssMax / 2 ** 20) },
        loadAverage: loadavg().map((l) => Number(l.toFixed(1))),
      },
      null,
      2,
    ),
  );
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await database.close();
  if (existing) console.log(`Base vérifiée (lecture seule) : ${target.host}${target.pathname}`);
  else if (process.env.BENCH_KEEP || reuse) console.log(`Base conservée : ${target.href}`);
  else await admin(`drop database if exists ${name} with (force)`);
}
