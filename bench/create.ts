// `npm run bench:create` (issue 12): creations per second through the API with 8 clients, beside pgbench replaying
// the SQL the API runs for one creation, in the same run; the statements and round trips of one creation (counted
// by a relay between the server and PostgreSQL); the server's peak resident memory. The server runs in a process
// of its own, compiled and started as `npm run start:server` starts it (bench/server-process.ts: BENCH_SERVER=tsx,
// BENCH_SERVER_NODE_OPTIONS). BENCH_CPU_PROF=DIR writes the server's CPU profile there. Asserts nothing.
//
// BENCH_CREATE_DATABASE_URL: a database that may be filled (default: recours_create on the local server, dropped
// and created again). BENCH_SECONDS (default 15), BENCH_WARMUP_SECONDS (creations before the measure, default 10),
// BENCH_CLIENTS (default 8), BENCH_SERVERS (server processes, default 1). To compare the processor time of a
// creation between two commits or with a switch: bench/create-cpu-ab.ts.
import { type ChildProcess, execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { getTableColumns } from 'drizzle-orm';
import pg from 'pg';
import { CREATION } from '../src/db/repositories/dossiers.ts';
import { dossiers } from '../src/db/schema.ts';
import {
  benchDatabase,
  cpuMs,
  createOne,
  createUntil,
  login,
  peakRssMb,
  startServer,
  stopServer,
  withPort,
} from './create-support.ts';
import { startCountingProxy } from './pg-count-proxy.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 10);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 8);
const SERVERS = Number(process.env.BENCH_SERVERS ?? 1);
const CPU_PROF = process.env.BENCH_CPU_PROF;

const { url, organisationId } = await benchDatabase('recours_create');
console.log(`# Créations (npm run bench:create) — ${new Date().toISOString()}`);
console.log(
  `charge moyenne au départ : ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}`,
);

// 1. Statements and round trips of one creation, through the counting relay (20 creations, one at a time).
const target = new URL(url);
const proxy = await startCountingProxy({ host: target.hostname, port: Number(target.port || 5432) });
const port = 20_000 + Math.floor(Math.random() * 20_000);
const server = await startServer(withPort(url, proxy.port), port);
const base = `http://127.0.0.1:${port}`;
const member = await login(base, 'adherent@charge.recours.fr');
for (let i = 0; i < 5; i++) await createOne(base, member, organisationId);
proxy.record(true);
const counted = 20;
for (let i = 0; i < counted; i++) await createOne(base, member, organisationId);
proxy.record(false);
const perCreation = (n: number) => (n / counted).toFixed(1);
console.log(
  `par création : ${perCreation(proxy.counts.binds + proxy.counts.queries)} instructions, ${perCreation(proxy.counts.syncs + proxy.counts.queries)} allers-retours`,
);
console.log('instructions d’une création :');
for (const text of proxy.counts.texts.slice(0, (proxy.counts.texts.length / counted) | 0))
  console.log(`  ${text.replace(/\s+/g, ' ').slice(0, 160)}`);
await stopServer(server);
await proxy.close();

// 2. Throughput: CLIENTS clients creating for SECONDS seconds, server connected directly.
// BENCH_SERVERS processes (as behind a reverse proxy, docs/deployment.md), the clients spread over them.
const servers: ChildProcess[] = [];
const bases: string[] = [];
for (let i = 0; i < SERVERS; i++) {
  servers.push(await startServer(url, port + 1 + i, { cpuProfileDir: CPU_PROF }));
  bases.push(`http://127.0.0.1:${port + 1 + i}`);
}
const session = await login(bases[0]!, 'adherent@charge.recours.fr');
// Warm-up under the same load as the measure, not counted: V8 optimises the hot path and the pool opens its
// connections before the clock starts.
await createUntil(bases, session, organisationId, CLIENTS, Date.now() + WARMUP_SECONDS * 1000);
const load0 = loadavg()[0]!;
const cpu0 = servers.map((child) => cpuMs(child.pid!));
const benchCpu0 = process.cpuUsage();
const { created, failed } = await createUntil(
  bases,
  session,
  organisationId,
  CLIENTS,
  Date.now() + SECONDS * 1000,
);
const serverCpuPerCreation =
  servers.reduce((sum, child, i) => sum + cpuMs(child.pid!) - cpu0[i]!, 0) / created;
const benchCpu = process.cpuUsage(benchCpu0);
const clientCpuPerCreation = (benchCpu.user + benchCpu.system) / 1000 / created;
const api = created / SECONDS;
const rss = Math.max(...servers.map(peakRssMb));
for (const child of servers) await stopServer(child);

// 3. pgbench replaying the creation's statement: the very text the API prepares (CREATION), with the values the
// API wrote for its last file as literals, a fresh id and reference per transaction, prepared (-M prepared) as the
// API prepares it. Same clients and length. The guard reads the session the API's clients used.
const dir = mkdtempSync(path.join(tmpdir(), 'recours-pgbench-'));
const script = path.join(dir, 'creation.sql');
const pool = new pg.Pool({ connectionString: url });
const memberId = String(
  (await pool.query(`select id from users where email = 'adherent@charge.recours.fr'`)).rows[0]!.id,
);
const last = JSON.parse(
  (
    await pool.query(
      `select row_to_json(d)::text as row from dossiers d where member_id = $1 order by created_at desc limit 1`,
      [memberId],
    )
  ).rows[0]!.row,
) as Record<string, unknown>;
const lastEvent = (
  await pool.query(`select type, payload::text as payload from audit_events where dossier_id = $1`, [last.id])
).rows[0]!;
const tokenHash = (
  await pool.query(`select token_hash from sessions where user_id = $1 order by created_at desc limit 1`, [
    memberId,
  ])
).rows[0]!.token_hash;
await pool.end();
const columns = getTableColumns(dossiers) as Record<string, { name: string }>;
const literal = (v: unknown) =>
  v === null || v === undefined
    ? 'NULL'
    : `'${(typeof v === 'object' ? JSON.stringify(v) : String(v)).replace(/'/g, "''")}'`;
const at = String(last.created_at);
const pgbenchValue = (param: unknown): string => {
  const name = (param as { name?: string }).name;
  if (name === undefined) return literal(param);
  switch (name) {
    case 'id':
      return `(lpad(to_hex(:client_id::int), 8, '0') || '-0000-4000-8000-' || lpad(to_hex(:n::bigint), 12, '0'))`;
    case 'reference':
      return `('REC-PGB-' || :n || '-' || :client_id)`;
    case 'sessionTokenHash':
      return literal(tokenHash);
    case 'now':
    case 'occurredAt':
      return literal(at);
    case 'role':
      return literal('member');
    case 'organisationName':
      return literal('');
    case 'eventType':
      return literal(lastEvent.type);
    case 'eventPayload':
      return literal(lastEvent.payload);
    default:
      return literal(last[columns[name]!.name]);
  }
};
writeFileSync(
  script,
  `\\set n random(1, 2000000000)\n${CREATION.sql.replace(/\$(\d+)/g, (_, i) => pgbenchValue(CREATION.params[Number(i) - 1]))};\n`,
);
const out = execFileSync(
  'pgbench',
  ['-n', '-M', 'prepared', '-c', String(CLIENTS), '-j', '2', '-T', String(SECONDS), '-f', script, url],
  { encoding: 'utf8' },
);
const tps = Number(/tps = ([\d.]+)/.exec(out)?.[1] ?? 'NaN');
console.log(
  `${CLIENTS} clients, ${SECONDS} s : API ${api.toFixed(0)} créations/s (${failed} échecs) ; pgbench (même transaction) ${tps.toFixed(0)}/s ; rapport ${((100 * api) / tps).toFixed(0)} %`,
);
console.log(
  `temps processeur par création : serveur ${serverCpuPerCreation.toFixed(2)} ms, clients HTTP ${clientCpuPerCreation.toFixed(2)} ms`,
);
console.log(
  `mémoire résidente maximale d’un processus serveur : ${rss.toFixed(0)} Mo (${SERVERS} processus)`,
);
console.log(`charge moyenne pendant la mesure : ${load0.toFixed(1)} → ${loadavg()[0]!.toFixed(1)}`);
process.exit(0);
