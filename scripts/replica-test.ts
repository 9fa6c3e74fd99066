// `npm run test:replica` (issue 12, docs/deployment.md): builds a PostgreSQL primary and a streaming replica of it
// in a temporary directory (two throw-away clusters: initdb, then pg_basebackup -R), starts the application with
// DATABASE_URL on the primary and READ_DATABASE_URL on the replica, and checks, with the replica's replay paused so
// that it lags visibly:
//   1. the register reads from the replica (files written since the pause are not listed);
//   2. writes go to the primary (a creation succeeds while the replica, read-only, lags);
//   3. read-your-writes: a supervisor who just changed a file sees it changed in the register and on the file
//      page, while a handler, who changed nothing, still reads the replica.
// It never touches the machine's own PostgreSQL server. It skips (exit 0, with the reason) when it cannot build
// the clusters: PostgreSQL's server programs missing, or running as root without a `postgres` account.
import { type ExecFileSyncOptions, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { userInfo } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { generateFiles } from '../src/bench/generate.ts';
import { openDatabase } from '../src/db/client.ts';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';
import { DEMO_PASSWORD } from '../src/server/seed/demo.ts';

const BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

function skip(reason: string): never {
  console.log(`IGNORÉ : ${reason}`);
  process.exit(0);
}

for (const program of ['initdb', 'pg_ctl', 'pg_basebackup']) {
  if (!existsSync(path.join(BIN, program)))
    skip(
      `${program} introuvable dans ${BIN} (PG_BIN) : impossible de construire un primaire et sa réplique.`,
    );
}
const root = userInfo().uid === 0;
let owner: { uid: number; gid: number } | undefined;
if (root) {
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    owner = { uid, gid };
  } catch {
    skip('lancé en root sans compte « postgres » : PostgreSQL refuse de tourner en root.');
  }
}

const dir = mkdtempSync('/tmp/recours-replica-');
if (owner) chownSync(dir, owner.uid, owner.gid);
const primaryPort = 25_000 + Math.floor(Math.random() * 5_000);
const replicaPort = primaryPort + 1;
const run = (program: string, args: string[], options: ExecFileSyncOptions = {}) =>
  execFileSync(path.join(BIN, program), args, { stdio: 'pipe', ...options, ...(owner ?? {}) });
const primaryDir = path.join(dir, 'primary');
const replicaDir = path.join(dir, 'replica');
const serverOptions = (port: number) =>
  `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c shared_buffers=32MB -c max_wal_senders=4`;

let started: string[] = [];
async function cleanUp() {
  for (const data of started.reverse()) {
    try {
      run('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']);
    } catch {
      // already stopped
    }
  }
  started = [];
  rmSync(dir, { recursive: true, force: true });
}

let failures = 0;
function check(ok: boolean, label: string) {
  console.log(`${ok ? 'OK   ' : 'ÉCHEC'} ${label}`);
  if (!ok) failures += 1;
}

try {
  try {
    // initdb -A trust writes pg_hba lines for replication connections from 127.0.0.1 too.
    run('initdb', ['-D', primaryDir, '-A', 'trust', '-U', 'postgres', '--no-sync']);
    run('pg_ctl', [
      '-D',
      primaryDir,
      '-o',
      serverOptions(primaryPort),
      '-l',
      `${primaryDir}.log`,
      '-w',
      'start',
    ]);
    started.push(primaryDir);
    run('pg_basebackup', [
      '-h',
      '127.0.0.1',
      '-p',
      String(primaryPort),
      '-U',
      'postgres',
      '-D',
      replicaDir,
      '-R',
    ]);
    run('pg_ctl', [
      '-D',
      replicaDir,
      '-o',
      serverOptions(replicaPort),
      '-l',
      `${replicaDir}.log`,
      '-w',
      'start',
    ]);
    started.push(replicaDir);
  } catch (error) {
    const e = error as { stderr?: Buffer; message: string };
    await cleanUp();
    skip(
      `construction du primaire et de sa réplique impossible (${(e.stderr?.toString() || e.message).trim()}).`,
    );
  }
  const primaryAdmin = `postgres://postgres@127.0.0.1:${primaryPort}/postgres`;
  const admin = new pg.Client({ connectionString: primaryAdmin });
  await admin.connect();
  await admin.query('create database recours');
  const primaryUrl = `postgres://postgres@127.0.0.1:${primaryPort}/recours`;
  const replicaUrl = `postgres://postgres@127.0.0.1:${replicaPort}/recours`;
  const replicaAdmin = new pg.Client({
    connectionString: `postgres://postgres@127.0.0.1:${replicaPort}/postgres`,
  });
  await replicaAdmin.connect();
  const inStandby = (await replicaAdmin.query('select pg_is_in_recovery() as r')).rows[0].r === true;
  check(inStandby, 'la réplique est en lecture seule, alimentée en continu par le primaire');
  const caughtUp = async () => {
    const lsn = (await admin.query('select pg_current_wal_lsn()::text as lsn')).rows[0].lsn;
    for (let i = 0; i < 200; i++) {
      const done = await replicaAdmin.query('select pg_last_wal_replay_lsn() >= $1::pg_lsn as ok', [lsn]);
      if (done.rows[0].ok) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('la réplique ne rattrape pas le primaire');
  };
  await caughtUp();

  const database = await openDatabase({ url: primaryUrl, readUrl: replicaUrl });
  await database.migrate();
  await generateFiles(database, {
    files: 30,
    organisation: 'Mutuelle Charge',
    force: false,
    now: new Date(),
  });
  await caughtUp();
  const config = loadConfig({
    SEED_DEMO: 'false',
    JOBS_ENABLED: 'false',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
  });
  const app = await buildApp({ database, config, now: () => new Date() }, { serveWeb: false });
  const login = async (email: string) => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email, password: DEMO_PASSWORD },
    });
    const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    return { cookie, csrf: (res.json() as { csrfToken: string }).csrfToken };
  };
  // The supervisor changes a file (priorities are his); the handler changes nothing.
  const handler = await login('superviseur@charge.recours.fr');
  const other = await login('conseiller@charge.recours.fr');
  type Page = { total: number; items: { id: string; priority: string }[] };
  const register = async (who: { cookie: string }, query = '') => {
    const res = await app.inject({
      method: 'GET',
      url: `/api/v1/register?limit=100${query}`,
      headers: { cookie: who.cookie },
    });
    if (res.statusCode !== 200) throw new Error(`registre : ${res.statusCode} ${res.body}`);
    return res.json() as Page;
  };
  const before = await register(handler);

  await replicaAdmin.query('select pg_wal_replay_pause()');
  // 1. Files written on the primary while the replica does not replay: the register must not list them yet.
  await generateFiles(database, { files: 5, organisation: 'Mutuelle Charge', force: false, now: new Date() });
  const primary = new pg.Client({ connectionString: primaryUrl });
  await primary.connect();
  const onPrimary = Number(
    (
      await primary.query(
        `select count(*)::int as n from dossiers d join organisations o on o.id = d.organisation_id
         where o.name = 'Mutuelle Charge' and d.transmitted_at is not null`,
      )
    ).rows[0].n,
  );
  const stale = await register(handler);
  check(
    stale.total === before.total && onPrimary > before.total,
    `le registre lit la réplique : ${stale.total} dossiers listés, ${onPrimary} sur le primaire (relecture suspendue)`,
  );

  // 2. A creation while the replica lags: it is written on the primary (the replica would refuse it).
  const member = await login('adherent@charge.recours.fr');
  const organisationId = String(
    (await primary.query(`select id from organisations where name = 'Mutuelle Charge'`)).rows[0].id,
  );
  const created = await app.inject({
    method: 'POST',
    url: '/api/v1/dossiers',
    headers: { cookie: member.cookie, 'x-csrf-token': member.csrf },
    payload: {
      category: 'termination',
      title: 'Résiliation refusée',
      organisationId,
      complaintSentOn: '2026-11-02',
    },
  });
  check(
    created.statusCode === 201,
    `une création pendant le retard de la réplique est écrite sur le primaire (${created.statusCode})`,
  );

  // 3. Read-your-writes: the supervisor raises a file's priority; his next register (and the file page) shows it.
  const target = stale.items.find((i) => i.priority === 'normal')!;
  const changed = await app.inject({
    method: 'POST',
    url: '/api/v1/register/bulk',
    headers: { cookie: handler.cookie, 'x-csrf-token': handler.csrf },
    payload: { action: 'priority', mode: 'all_or_nothing', dossierIds: [target.id], priority: 'urgent' },
  });
  const lastWrite = changed.cookies.find((c) => c.name === 'recours_last_write');
  check(
    changed.statusCode === 200 && lastWrite !== undefined,
    `le changement de priorité est enregistré (${changed.statusCode})`,
  );
  const withLastWrite = { cookie: `${handler.cookie}; recours_last_write=${lastWrite?.value}` };
  const own = await register(withLastWrite);
  check(
    own.items.find((i) => i.id === target.id)?.priority === 'urgent',
    'le superviseur qui vient de changer le dossier le voit changé dans son registre (lu sur le primaire)',
  );
  const summary = await app.inject({
    method: 'GET',
    url: `/api/v1/register/dossiers/${target.id}/summary`,
    headers: { cookie: handler.cookie },
  });
  check(
    (summary.json() as { priority: string }).priority === 'urgent',
    'la fiche du dossier montre le changement (lue sur le primaire)',
  );
  const others = await register(other);
  check(
    others.items.find((i) => i.id === target.id)?.priority === 'normal',
    'un conseiller, qui n’a rien écrit, lit encore la réplique en retard',
  );

  await replicaAdmin.query('select pg_wal_replay_resume()');
  await caughtUp();
  const after = await register(other);
  check(
    after.total >= onPrimary && after.items.find((i) => i.id === target.id)?.priority === 'urgent',
    `relecture reprise : la réplique rattrape le primaire (${after.total} dossiers, priorité à jour)`,
  );
  await app.close();
  await database.close();
  await primary.end();
  await admin.end();
  await replicaAdmin.end();
} finally {
  await cleanUp();
}
if (failures > 0) {
  console.log(`${failures} vérification(s) en échec.`);
  process.exit(1);
}
console.log('Réplique : toutes les vérifications passent.');
process.exit(0);
