// `npm run bench:create` (issue 12): creations per second through the API with 8 clients, beside pgbench replaying
// the SQL the API runs for one creation, in the same run; the statements and round trips of one creation (counted
// by a relay between the server and PostgreSQL); the server's peak resident memory. The server runs in a process
// of its own, as in production. BENCH_CPU_PROF=DIR writes the server's CPU profile there. Asserts nothing.
//
// BENCH_CREATE_DATABASE_URL: a database that may be filled (default: recours_create on the local server, dropped
// and created again). BENCH_SECONDS (default 15), BENCH_CLIENTS (default 8).
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { generateFiles } from '../src/bench/generate.ts';
import { openDatabase } from '../src/db/client.ts';
import { DEMO_PASSWORD } from '../src/server/seed/demo.ts';
import { startCountingProxy } from './pg-count-proxy.ts';

const ADMIN_URL = process.env.BENCH_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 8);

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

async function startServer(url: string, port: number): Promise<ChildProcess> {
  const profile = process.env.BENCH_CPU_PROF;
  const child = spawn(
    process.execPath,
    [
      ...(profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : []),
      '--import',
      'tsx',
      'src/server/main.ts',
    ],
    {
      env: {
        ...process.env,
        DATABASE_URL: url,
        PORT: String(port),
        HOST: '127.0.0.1',
        SEED_DEMO: 'false',
        JOBS_ENABLED: 'false',
        LOG_LEVEL: 'warn',
        LOGIN_MAX_PER_MINUTE: '100000',
        LOGIN_MAX_PER_IP_PER_MINUTE: '100000',
        NODE_ENV: 'production',
      },
      stdio: ['ignore', process.env.BENCH_SERVER_LOG ? 'inherit' : 'ignore', 'inherit'],
    },
  );
  for (let i = 0; i < 600; i++) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/auth/me`);
      if (res.ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('le serveur n’a pas démarré');
}

async function stopServer(child: ChildProcess) {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGINT');
  await exited;
}

function peakRssMb(child: ChildProcess) {
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

async function login(base: string, email: string) {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  if (!res.ok) throw new Error(`login ${email}: ${res.status}`);
  const cookie = (res.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0]).join('; ');
  const body = (await res.json()) as { csrfToken: string };
  return { cookie, csrf: body.csrfToken };
}

let reported = false;
async function createOne(base: string, session: { cookie: string; csrf: string }, organisationId: string) {
  const res = await fetch(`${base}/api/v1/dossiers`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrf },
    body: JSON.stringify({
      category: 'reimbursement_contested',
      title: 'Lunettes non remboursées',
      description: 'Monture et verres progressifs : rien remboursé malgré l’ordonnance.',
      organisationId,
      complaintSentOn: new Date().toISOString().slice(0, 10),
    }),
  });
  const body = await res.text();
  if (res.status !== 201 && !reported) {
    reported = true;
    console.error(`échec d’une création : ${res.status} ${body.slice(0, 300)}`);
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
let server = await startServer(withPort(url, proxy.port), port);
let base = `http://127.0.0.1:${port}`;
const member = await login(base, 'adherent@charge.recours.fr');
for (let i = 0; i < 5; i++) await createOne(base, member, organisationId);
proxy.record(true);
const counted = 20;
for (let i = 0; i < counted; i++) await createOne(base, member, organisationId);
proxy.record(false);
const perCreation = (n: number) => (n / counted).toFixed(1);
console.log(
  `par création : ${perCreation(proxy.counts.parses + proxy.counts.queries)} instructions, ${perCreation(proxy.counts.syncs + proxy.counts.queries)} allers-retours`,
);
console.log('instructions d’une création :');
for (const text of proxy.counts.texts.slice(0, (proxy.counts.texts.length / counted) | 0))
  console.log(`  ${text.replace(/\s+/g, ' ').slice(0, 160)}`);
await stopServer(server);
await proxy.close();

// 2. Throughput: CLIENTS clients creating for SECONDS seconds, server connected directly.
server = await startServer(url, port);
base = `http://127.0.0.1:${port}`;
const session = await login(base, 'adherent@charge.recours.fr');
for (let i = 0; i < 50; i++) await createOne(base, session, organisationId);
const deadline = Date.now() + SECONDS * 1000;
let created = 0;
let failed = 0;
const client = async () => {
  while (Date.now() < deadline) {
    if (await createOne(base, session, organisationId)) created += 1;
    else failed += 1;
  }
};
const load0 = loadavg()[0]!;
await Promise.all(Array.from({ length: CLIENTS }, client));
const api = created / SECONDS;
const rss = peakRssMb(server);
await stopServer(server);

// 3. pgbench replaying the creation's transaction (the statements listed above, same values), same clients and
// length. Its sessions lookup is the one every authenticated request makes.
const dir = mkdtempSync(path.join(tmpdir(), 'recours-pgbench-'));
const script = path.join(dir, 'creation.sql');
const memberId = String(
  (
    await new pg.Pool({ connectionString: url }).query(
      `select id from users where email = 'adherent@charge.recours.fr'`,
    )
  ).rows[0]!.id,
);
writeFileSync(
  script,
  `\\set n random(1, 2000000000)
BEGIN;
SELECT id, name, kind FROM organisations WHERE id = '${organisationId}';
WITH d AS (INSERT INTO dossiers (reference, member_id, organisation_id, organisation_name, organisation_kind, category, title, description, facts, status, priority, suggested_category, transmitted_at, created_at, updated_at, complaint_on, sla_ack_due_on, sla_ack_status, sla_ack_done, sla_ack_actionable, sla_answer_due_on, sla_answer_status, sla_answer_done, sla_answer_actionable, next_due_on, next_due_clock, next_due_party, projection_version)
  VALUES ('REC-PGB-' || :n || '-' || :client_id, '${memberId}', '${organisationId}', 'Mutuelle Charge', 'mutuelle', 'reimbursement_contested', 'Lunettes non remboursées', 'Monture et verres progressifs : rien remboursé malgré l’ordonnance.', '{"complaintSentOn":"2026-01-05"}', 'submitted', 'normal', 'reimbursement_contested', now(), now(), now(), '2026-01-05', '2026-01-16', 'open', false, true, '2026-03-05', 'open', false, true, '2026-01-16', 'acknowledgment', 'organisation', 1)
  RETURNING *),
head AS (INSERT INTO audit_chain_heads AS h (chain_id, last_seq, prev_hash, last_hash) SELECT d.id, 1, repeat('0', 64), audit_event_hash(d.id, 1, d.id, '${memberId}'::uuid, 'dossier.created', now(), repeat('0', 64), '{}'::jsonb) FROM d ON CONFLICT (chain_id) DO UPDATE SET last_seq = h.last_seq + 1 RETURNING chain_id, last_seq, prev_hash, last_hash),
event AS (INSERT INTO audit_events (chain_id, chain_seq, dossier_id, actor_id, type, occurred_at, payload, prev_hash, hash) SELECT chain_id, last_seq, chain_id, '${memberId}'::uuid, 'dossier.created', now(), '{}'::jsonb, prev_hash, last_hash FROM head RETURNING seq)
INSERT INTO audit_log_pending (event_seq) SELECT seq FROM event;
COMMIT;
`,
);
const out = execFileSync(
  'pgbench',
  ['-n', '-c', String(CLIENTS), '-j', '2', '-T', String(SECONDS), '-f', script, url],
  { encoding: 'utf8' },
);
const tps = Number(/tps = ([\d.]+)/.exec(out)?.[1] ?? 'NaN');
console.log(
  `${CLIENTS} clients, ${SECONDS} s : API ${api.toFixed(0)} créations/s (${failed} échecs) ; pgbench (même transaction) ${tps.toFixed(0)}/s ; rapport ${((100 * api) / tps).toFixed(0)} %`,
);
console.log(`mémoire résidente maximale du serveur : ${rss.toFixed(0)} Mo`);
console.log(`charge moyenne pendant la mesure : ${load0.toFixed(1)} → ${loadavg()[0]!.toFixed(1)}`);
process.exit(0);
