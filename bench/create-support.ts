// What `npm run bench:create` (bench/create.ts) and `npm run bench:create-ab` (bench/create-cpu-ab.ts) share: a
// database of 2 000 generated files, server processes of their own, node:http clients creating files.
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import pg from 'pg';
import { generateFiles } from '../src/bench/generate.ts';
import { openDatabase } from '../src/db/client.ts';
import { DEMO_PASSWORD } from '../src/server/seed/demo.ts';
import { startServerProcess } from './server-process.ts';

const ADMIN_URL = process.env.BENCH_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/**
 * BENCH_CREATE_DATABASE_URL when given (a database that may be filled), else `name` on the local server, dropped
 * and created again; migrated and given 2 000 generated files of « Mutuelle Charge ». Returns its URL and the
 * organisation's id.
 */
export async function benchDatabase(name: string): Promise<{ url: string; organisationId: string }> {
  let url = process.env.BENCH_CREATE_DATABASE_URL;
  if (!url) {
    const admin = new pg.Client({ connectionString: ADMIN_URL });
    await admin.connect();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
    await admin.end();
    const u = new URL(ADMIN_URL);
    u.pathname = `/${name}`;
    url = u.href;
  }
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
  return { url, organisationId };
}

export function withPort(url: string, port: number) {
  const u = new URL(url);
  u.hostname = '127.0.0.1';
  u.port = String(port);
  return u.href;
}

export interface ServerOptions {
  /** The checkout the server runs from (default: this one). */
  cwd?: string;
  /** Variables added to the server's environment (a switch under test). */
  env?: Record<string, string>;
  /** Directory for the server's CPU profile (`node --cpu-prof`). */
  cpuProfileDir?: string | undefined;
}

export async function startServer(
  url: string,
  port: number,
  options: ServerOptions = {},
): Promise<ChildProcess> {
  const profile = options.cpuProfileDir;
  // This checkout's server runs as production runs it (compiled, start:server's options); another checkout (the
  // A/B comparison of bench:create-ab) runs its sources through tsx (bench/server-process.ts).
  const server = await startServerProcess({
    databaseUrl: url,
    port,
    nodeArgs: profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : [],
    ...(options.env ? { env: options.env } : {}),
    ...(options.cwd ? { checkout: options.cwd } : {}),
  });
  return server.child;
}

export async function stopServer(child: ChildProcess) {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGINT');
  await exited;
}

/** CPU time the process has used so far (user + system), in ms: a cost per creation that load barely moves. */
export function cpuMs(pid: number) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  // utime and stime are fields 14 and 15 of the file, in clock ticks (100 per second on Linux).
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

export function peakRssMb(child: ChildProcess) {
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

// node:http with a keep-alive agent rather than fetch: the clients share the two cores with the server and
// PostgreSQL, and fetch spent more processor time per request than the server's creation itself.
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

export function post(base: string, pathname: string, headers: Record<string, string | number>, body: string) {
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

export interface BenchSession {
  cookie: string;
  csrf: string;
}

export async function login(base: string, email: string): Promise<BenchSession> {
  const res = await post(base, '/api/auth/login', {}, JSON.stringify({ email, password: DEMO_PASSWORD }));
  if (res.status !== 200) throw new Error(`login ${email}: ${res.status}`);
  const cookie = (res.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; ');
  const body = JSON.parse(res.body) as { csrfToken: string };
  return { cookie, csrf: body.csrfToken };
}

let reported = false;
/** One member's creation, as the web form sends it; true when the file was created (201). */
export async function createOne(base: string, session: BenchSession, organisationId: string) {
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

/** `clients` clients creating files one after the other until `until` (ms since the epoch), spread over `bases`. */
export async function createUntil(
  bases: readonly string[],
  session: BenchSession,
  organisationId: string,
  clients: number,
  until: number,
): Promise<{ created: number; failed: number }> {
  let created = 0;
  let failed = 0;
  const client = async (n: number) => {
    const target = bases[n % bases.length]!;
    while (Date.now() < until) {
      if (await createOne(target, session, organisationId)) created += 1;
      else failed += 1;
    }
  };
  await Promise.all(Array.from({ length: clients }, (_, n) => client(n)));
  return { created, failed };
}
