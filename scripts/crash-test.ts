/**
 * `npm run test:crash` (issue 10, § 5): does the platform keep its word when the server dies mid-write?
 *
 * On a fresh PostgreSQL database: members create files through the API, eight at a time, each with its own
 * Idempotency-Key; the server process is killed with SIGKILL in the middle (no shutdown hook runs); it is started
 * again; every request not acknowledged is retried with the same key and body, and some acknowledged ones too.
 * Asserted: every acknowledged file exists, once, with the number it was acknowledged with; no key gave two files;
 * every file has exactly one « opened » event; and `recours audit verify` finds the history intact.
 *
 *   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run test:crash
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';

const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const REQUESTS = Number(process.env.CRASH_REQUESTS ?? 160);
const CLIENTS = 8;
/** The kill comes after this many acknowledgments: mid-load, with requests in flight. */
const KILL_AFTER = Math.floor(REQUESTS / 3);
const PASSWORD = 'Recours-Demo-2026';
const MEMBERS = ['adherent@demo.recours.fr', 'adherent2@demo.recours.fr'];

const failures: string[] = [];
function check(condition: boolean, message: string) {
  if (!condition) failures.push(message);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

interface Server {
  child: ChildProcess;
  url: string;
  output: () => string;
}

async function startServer(env: Record<string, string>, port: number): Promise<Server> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: { ...(process.env as Record<string, string>), ...env, PORT: String(port), LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d) => {
    output += d;
  });
  child.stderr?.on('data', (d) => {
    output += d;
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`le serveur s’est arrêté au démarrage :\n${output}`);
    const up = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return { child, url, output: () => output };
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`le serveur n’a pas démarré en 90 s :\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Resolves once the process is gone (a killed process has a signal and no exit code). */
function exited(child: ChildProcess): Promise<unknown> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', resolve));
}

interface Member {
  cookie: string;
  csrf: string;
}

async function signIn(url: string, email: string): Promise<Member> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (!res.ok) throw new Error(`connexion de ${email} refusée : ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const body = (await res.json()) as { csrfToken: string };
  return { cookie, csrf: body.csrfToken };
}

interface Creation {
  key: string;
  member: number;
  body: Record<string, unknown>;
  /** The file's id as the server acknowledged it (first acknowledgment). */
  acknowledged: string | null;
}

type Outcome =
  | { kind: 'ack'; id: string }
  | { kind: 'lost' }
  | { kind: 'refused'; status: number; text: string };

async function create(url: string, member: Member, c: Creation): Promise<Outcome> {
  try {
    const res = await fetch(`${url}/api/v1/dossiers`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie: member.cookie,
        'x-csrf-token': member.csrf,
        'idempotency-key': c.key,
      },
      body: JSON.stringify(c.body),
    });
    const text = await res.text();
    if (res.status === 200 || res.status === 201) {
      return { kind: 'ack', id: (JSON.parse(text) as { dossier: { id: string } }).dossier.id };
    }
    // A database connection cut under a request (the server dying) may surface as a 5xx: not acknowledged.
    if (res.status >= 500) return { kind: 'lost' };
    return { kind: 'refused', status: res.status, text };
  } catch {
    return { kind: 'lost' };
  }
}

const started = performance.now();
const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
const name = `recours_crash_${randomBytes(4).toString('hex')}`;
const dataDir = mkdtempSync(path.join(tmpdir(), 'recours-crash-'));
const databaseUrl = new URL(adminUrl);
databaseUrl.pathname = `/${name}`;
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`create database ${name}`);
await admin.end();
// The same data folder across the restart: the audit signing key created on first start lives there.
const env = { DATABASE_URL: databaseUrl.href, DATA_DIR: dataDir };
let server: Server | null = null;

try {
  const port = await freePort();
  server = await startServer(env, port);
  console.log(`[${seconds()} s] serveur démarré (PostgreSQL ${name})`);
  let members = await Promise.all(MEMBERS.map((email) => signIn(server!.url, email)));
  const run = randomUUID().slice(0, 8);
  const creations: Creation[] = Array.from({ length: REQUESTS }, (_, i) => ({
    key: `crash-${run}-${i}`,
    member: i % MEMBERS.length,
    body: {
      organisationName: 'Mutuelle Essai',
      organisationKind: 'mutuelle',
      category: 'reimbursement_contested',
      title: `Essai de panne ${run} n° ${i}`,
      description: 'Dossier créé par le test de panne.',
      amountCents: 1000 + i,
    },
    acknowledged: null,
  }));

  // Phase 1: eight clients; the server is killed after KILL_AFTER acknowledgments.
  let next = 0;
  let acks = 0;
  let killed = false;
  const firstServer = server;
  async function client() {
    while (next < creations.length && !killed) {
      const c = creations[next++]!;
      const outcome = await create(firstServer.url, members[c.member]!, c);
      if (outcome.kind === 'ack') {
        c.acknowledged = outcome.id;
        acks += 1;
        if (acks >= KILL_AFTER && !killed) {
          killed = true;
          firstServer.child.kill('SIGKILL');
        }
      } else if (outcome.kind === 'refused') {
        failures.push(`création ${c.key} refusée avant la panne : ${outcome.status} ${outcome.text}`);
      }
    }
  }
  await Promise.all(Array.from({ length: CLIENTS }, client));
  await exited(firstServer.child);
  const before = creations.filter((c) => c.acknowledged).length;
  console.log(
    `[${seconds()} s] serveur tué (SIGKILL) après ${before} créations confirmées sur ${next} envoyées`,
  );
  check(killed, 'le serveur n’a pas été tué en cours de charge');

  // Phase 2: restart, then retry everything not acknowledged, and a sample of what was, with the same keys.
  server = await startServer(env, port);
  console.log(`[${seconds()} s] serveur redémarré`);
  members = await Promise.all(MEMBERS.map((email) => signIn(server!.url, email)));
  const retries = creations.filter((c, i) => !c.acknowledged || i % 5 === 0);
  let cursor = 0;
  const secondServer = server;
  async function retrier() {
    while (cursor < retries.length) {
      const c = retries[cursor++]!;
      const outcome = await create(secondServer.url, members[c.member]!, c);
      if (outcome.kind !== 'ack') {
        failures.push(`nouvel essai de ${c.key} : ${outcome.kind === 'refused' ? outcome.status : 'perdu'}`);
      } else if (c.acknowledged && c.acknowledged !== outcome.id) {
        failures.push(`${c.key} confirmé deux fois avec deux dossiers (${c.acknowledged}, ${outcome.id})`);
      } else {
        c.acknowledged = outcome.id;
      }
    }
  }
  await Promise.all(Array.from({ length: CLIENTS }, retrier));
  console.log(`[${seconds()} s] ${retries.length} nouveaux essais avec les mêmes clés`);

  // The database, read directly: nothing acknowledged lost, nothing duplicated, one « opened » event each.
  const db = new pg.Client({ connectionString: databaseUrl.href });
  await db.connect();
  const rows = (
    await db.query<{ id: string; key: string; created: string }>(
      `select d.id, d.idempotency_key as key,
         (select count(*) from audit_events e where e.dossier_id = d.id and e.type = 'dossier.created') as created
       from dossiers d where d.title like $1`,
      [`Essai de panne ${run} n° %`],
    )
  ).rows;
  await db.end();
  const byKey = new Map<string, string[]>();
  for (const r of rows) byKey.set(r.key, [...(byKey.get(r.key) ?? []), r.id]);
  for (const c of creations) {
    const ids = byKey.get(c.key) ?? [];
    check(ids.length === 1, `${c.key} : ${ids.length} dossiers au lieu d’un`);
    check(ids[0] === c.acknowledged, `${c.key} : confirmé ${c.acknowledged}, en base ${ids[0] ?? 'rien'}`);
  }
  check(rows.length === REQUESTS, `${rows.length} dossiers créés pour ${REQUESTS} demandes`);
  const badEvents = rows.filter((r) => Number(r.created) !== 1);
  check(badEvents.length === 0, `${badEvents.length} dossiers sans exactement un événement d’ouverture`);

  // The history, verified by the command an auditor runs (exit code 0: intact; 3: broken).
  const verify = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'audit', 'verify'], {
    env: { ...(process.env as Record<string, string>), ...env },
    encoding: 'utf8',
  });
  check(
    verify.status === 0,
    `recours audit verify : code ${verify.status}\n${verify.stdout}${verify.stderr}`,
  );
  console.log(`[${seconds()} s] ${rows.length} dossiers en base, historique vérifié (code ${verify.status})`);
} catch (error) {
  failures.push(String(error instanceof Error ? (error.stack ?? error.message) : error));
} finally {
  if (server && server.child.exitCode === null && server.child.signalCode === null) {
    const gone = exited(server.child);
    server.child.kill('SIGTERM');
    await Promise.race([gone, new Promise((r) => setTimeout(r, 5000))]);
  }
  const cleaner = new pg.Client({ connectionString: adminUrl });
  await cleaner.connect();
  await cleaner.query(`drop database if exists ${name} with (force)`);
  await cleaner.end();
  rmSync(dataDir, { recursive: true, force: true });
}

if (failures.length > 0) {
  console.error(`ÉCHEC du test de panne (${failures.length}) :\n- ${failures.slice(0, 30).join('\n- ')}`);
  process.exit(1);
}
console.log(`Test de panne réussi en ${seconds()} s.`);
process.exit(0);
