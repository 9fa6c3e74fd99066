// `npm run bench:create` (issue 12): creations per second through the API with 8 clients, beside pgbench replaying
// the SQL the API runs for one creation, in the same run; the statements and round trips of one creation (counted
// by a relay between the server and PostgreSQL); the server's resident memory. The server runs in a process of its
// own, compiled and started as `npm run start:server` starts it (bench/server-process.ts: BENCH_SERVER=tsx,
// BENCH_SERVER_NODE_OPTIONS). BENCH_CPU_PROF=DIR writes the server's CPU profile there. Asserts nothing.
//
// BENCH_CREATE_DATABASE_URL: a database that may be filled (default: recours_create on the local server, dropped
// and created again). BENCH_SECONDS (default 15), BENCH_CLIENTS (default 8), BENCH_SERVERS (server processes,
// default 1).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { getTableColumns } from 'drizzle-orm';
import pg from 'pg';
import { generateFiles } from '../src/bench/generate.ts';
import { openDatabase } from '../src/db/client.ts';
import { CREATION } from '../src/db/repositories/dossiers.ts';
import { dossiers } from '../src/db/schema.ts';
import { DEMO_PASSWORD } from '../src/server/seed/demo.ts';
import { startCountingProxy } from './pg-count-proxy.ts';
import { type ServerProcess, startServerProcess } from './server-process.ts';

const ADMIN_URL = process.env.BENCH_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 8);
const SERVERS = Number(process.env.BENCH_SERVERS ?? 1);

async function databaseUrl(): Promise<string> {
  if (process.env.BENCH_CREATE_DATABASE_URL) return process.env.BENCH_CREATE_DATABASE_URL;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query('drop database if exists recours_create with (force)');
  await admin.query('create database recours_create');
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = '/recours_create';
  return url.href;
}

function withPort(url: string, port: number) {
  const u = new URL(url);
  u.hostname = '127.0.0.1';
  u.port = String(port);
  return u.href;
}

async function startServer(url: string, port: number): Promise<ServerProcess> {
  const profile = process.env.BENCH_CPU_PROF;
  return startServerProcess({
    databaseUrl: url,
    port,
    nodeArgs: profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : [],
  });
}

/** CPU time the process has used so far (user + system), in ms: a cost per creation that load barely moves. */
function cpuMs(pid: number) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  // utime and stime are fields 14 and 15 of the file, in clock ticks (100 per second on Linux).
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

// node:http with a keep-alive agent rather than fetch: the clients share the two cores with the server and
// PostgreSQL, and fetch spent more processor time per request than the server's creation itself.
const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS });

function post(base: string, pathname: string, headers: Record<string, string | number>, body: string) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>(
    (resolve, reject) => {
      const req = http.request(
        `${base}${pathname}`,
        {
          method: 'POST',
          agent,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            ...headers,
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              body: Buffer.concat(chunks).toString(),
            }),
          );
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body);
    },
  );
}

async function login(base: string, email: string) {
  const res = await post(base, '/api/auth/login', {}, JSON.stringify({ email, password: DEMO_PASSWORD }));
  if (res.status !== 200) throw new Error(`login ${email}: ${res.status}`);
  const cookie = (res.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; ');
  const body = JSON.parse(res.body) as { csrfToken: string };
  return { cookie, csrf: body.csrfToken };
}

let reported = false;
async function createOne(base: string, session: { cookie: string; csrf: string }, organisationId: string) {
  const res = await post(
    base,
    '/api/v1/dossiers',
    { cookie: session.cookie, 'x-csrf-token': session.csrf },
    JSON.stringify({
      category: 'reimbursement_contested',
      title: 'Lunettes non remboursées',
      description: 'Monture et verres progressifs : rien remboursé malgré l’ordonnance.',
      organisationId,
      // A complaint sent some day of the last three months, as members' files are.
      complaintSentOn: new Date(Date.now() - Math.floor(Math.random() * 90) * 86_400_000)
        .toISOString()
        .slice(0, 10),
    }),
  );
  if (res.status !== 201 && !reported) {
    reported = true;
    console.error(`échec d’une création : ${res.status} ${res.body.slice(0, 300)}`);
  }
  return res.status === 201;
}

const url = await databaseUrl();
const database = await openDatabase({ url });
await database.migrate();
await generateFiles(database, {
  files: 2_000,
  organisation: 'Mutuelle Charge',
  force: true,
  now: new Date(),
});
const organisationId = String(
  (await database.rawTransaction((q) => q(`select id from organisations where name = 'Mutuelle Charge'`)))
    .rows[0]!.id,
);
await database.close();
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
await server.stop();
await proxy.close();

// 2. Throughput: CLIENTS clients creating for SECONDS seconds, server connected directly.
// BENCH_SERVERS processes (as behind a reverse proxy, docs/deployment.md), the clients spread over them.
const servers: ServerProcess[] = [];
const bases: string[] = [];
for (let i = 0; i < SERVERS; i++) {
  servers.push(await startServer(url, port + 1 + i));
  bases.push(`http://127.0.0.1:${port + 1 + i}`);
}
const session = await login(bases[0]!, 'adherent@charge.recours.fr');
for (let i = 0; i < 50; i++) await createOne(bases[i % SERVERS]!, session, organisationId);
const deadline = Date.now() + SECONDS * 1000;
let created = 0;
let failed = 0;
const client = async (n: number) => {
  const target = bases[n % SERVERS]!;
  while (Date.now() < deadline) {
    if (await createOne(target, session, organisationId)) created += 1;
    else failed += 1;
  }
};
const load0 = loadavg()[0]!;
const cpu0 = servers.map((child) => cpuMs(child.pid));
const restMiB = Math.max(...servers.map((child) => child.memory().rssMiB));
let peakMiB = restMiB;
const sampler = setInterval(() => {
  for (const child of servers) peakMiB = Math.max(peakMiB, child.memory().rssMiB);
}, 200);
const benchCpu0 = process.cpuUsage();
await Promise.all(Array.from({ length: CLIENTS }, (_, n) => client(n)));
clearInterval(sampler);
const serverCpuPerCreation =
  servers.reduce((sum, child, i) => sum + cpuMs(child.pid) - cpu0[i]!, 0) / created;
const benchCpu = process.cpuUsage(benchCpu0);
const clientCpuPerCreation = (benchCpu.user + benchCpu.system) / 1000 / created;
const api = created / SECONDS;
const since = Math.max(...servers.map((child) => child.memory().peakMiB));
for (const child of servers) await child.stop();

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
  `mémoire résidente d’un processus serveur (Mio) : ${restMiB.toFixed(0)} au repos, ${peakMiB.toFixed(0)} au plus pendant les créations, ${since.toFixed(0)} au plus depuis le démarrage (${SERVERS} processus : ${servers[0]!.command})`,
);
console.log(`charge moyenne pendant la mesure : ${load0.toFixed(1)} → ${loadavg()[0]!.toFixed(1)}`);
process.exit(0);
