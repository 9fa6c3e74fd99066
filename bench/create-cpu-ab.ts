// `npm run bench:create-ab -- [A] [B]`: the server's processor time per creation of two builds, measured in turns
// on one database under the same load. Each of A and B is `.` (this checkout), a directory holding a checkout, or a
// git commit (extracted with `git archive` into a temporary directory that uses this checkout's node_modules).
// Defaults: A = main, B = `.`. BENCH_A_ENV / BENCH_B_ENV add variables to a server's environment
// (`NAME=value NAME2=value`), to compare one build with and without a switch: `bench:create-ab -- . .` with
// BENCH_B_ENV set.
//
// Why in turns: on this shared machine the load moves the rates by a factor of two between runs, and the processor
// time per creation by tens of percent. The two servers run side by side; each round gives BENCH_ROUND_SECONDS
// (default 5) of BENCH_CLIENTS (default 8) clients to one then the other, alternating which goes first, for
// BENCH_ROUNDS rounds (default 6), after BENCH_WARMUP_SECONDS (default 10) of creations on each. The database is
// migrated by this checkout: both builds must accept its schema. Asserts nothing.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import {
  benchDatabase,
  cpuMs,
  createUntil,
  login,
  type ServerOptions,
  startServer,
  stopServer,
} from './create-support.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 6);
const ROUND_SECONDS = Number(process.env.BENCH_ROUND_SECONDS ?? 5);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 10);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 8);

const here = process.cwd();
const extracted: string[] = [];

/** The checkout a build runs from: this one, a directory, or a commit extracted for the run. */
function checkoutOf(spec: string): { cwd: string; label: string } {
  if (spec === '.') return { cwd: here, label: '. (cet arbre de travail)' };
  if (existsSync(path.join(spec, 'package.json'))) return { cwd: path.resolve(spec), label: spec };
  const commit = execFileSync('git', ['rev-parse', '--verify', `${spec}^{commit}`], {
    encoding: 'utf8',
  }).trim();
  const dir = mkdtempSync(path.join(tmpdir(), `recours-ab-${commit.slice(0, 8)}-`));
  execFileSync('sh', ['-c', `git archive ${commit} | tar -x -C '${dir}'`]);
  symlinkSync(path.join(here, 'node_modules'), path.join(dir, 'node_modules'));
  extracted.push(dir);
  return { cwd: dir, label: `${spec} (${commit.slice(0, 10)})` };
}

function envOf(text: string | undefined): Record<string, string> {
  const env: Record<string, string> = {};
  for (const pair of (text ?? '').split(/\s+/).filter(Boolean)) {
    const at = pair.indexOf('=');
    if (at <= 0) throw new Error(`BENCH_A_ENV / BENCH_B_ENV : « ${pair} » n’est pas de la forme NOM=valeur`);
    env[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return env;
}

const [specA = 'main', specB = '.'] = process.argv.slice(2);
const variants = [
  { name: 'A', ...checkoutOf(specA), env: envOf(process.env.BENCH_A_ENV) },
  { name: 'B', ...checkoutOf(specB), env: envOf(process.env.BENCH_B_ENV) },
];

const { url, organisationId } = await benchDatabase('recours_create_ab');
console.log(`# Temps processeur par création, A/B (npm run bench:create-ab) — ${new Date().toISOString()}`);
for (const v of variants)
  console.log(`${v.name} : ${v.label}${Object.keys(v.env).length ? ` avec ${JSON.stringify(v.env)}` : ''}`);

const port = 20_000 + Math.floor(Math.random() * 20_000);
const servers = [];
for (const [i, v] of variants.entries()) {
  const options: ServerOptions = { cwd: v.cwd, env: v.env };
  const child = await startServer(url, port + i, options);
  servers.push({
    ...v,
    child,
    base: `http://127.0.0.1:${port + i}`,
    perCreation: [] as number[],
    created: 0,
  });
}
// Sessions live in the database: one login serves both servers.
const session = await login(servers[0]!.base, 'adherent@charge.recours.fr');
for (const s of servers)
  await createUntil([s.base], session, organisationId, CLIENTS, Date.now() + WARMUP_SECONDS * 1000);

const loads: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  const order = round % 2 === 0 ? servers : [...servers].reverse();
  for (const s of order) {
    loads.push(loadavg()[0]!);
    const cpu0 = cpuMs(s.child.pid!);
    const { created } = await createUntil(
      [s.base],
      session,
      organisationId,
      CLIENTS,
      Date.now() + ROUND_SECONDS * 1000,
    );
    s.perCreation.push((cpuMs(s.child.pid!) - cpu0) / created);
    s.created += created;
  }
}
for (const s of servers) await stopServer(s.child);
for (const dir of extracted) rmSync(dir, { recursive: true, force: true });

const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
for (const s of servers) {
  console.log(
    `${s.name} : ${median(s.perCreation).toFixed(2)} ms de processeur serveur par création (médiane de ${ROUNDS} tours : ${s.perCreation.map((x) => x.toFixed(2)).join(' ')}), ${(s.created / (ROUNDS * ROUND_SECONDS)).toFixed(0)} créations/s`,
  );
}
const [a, b] = servers;
console.log(`B / A : ${((100 * median(b!.perCreation)) / median(a!.perCreation)).toFixed(0)} %`);
console.log(
  `charge moyenne pendant la mesure : ${Math.min(...loads).toFixed(1)} – ${Math.max(...loads).toFixed(1)}`,
);
process.exit(0);
