// `npm run bench:scale` (issue 12): generates 10 000 then 1 000 000 files on PostgreSQL and measures the register,
// search, a file page, the KPI report of a year and the dashboard's two calls (issue 14) and the resident memory;
// then 10 000 files on PGlite. Creations per second beside pgbench:
// `npm run bench:create` (bench/create.ts), the server in a process of its own. Prints the figures and writes them to
// docs/performance-last-run.md. Asserts nothing (tests never assert on time).
// - BENCH_SIZES (default 10000,1000000; empty: none): sizes generated in turn in a fresh database,
//   BENCH_DATABASE_URL, else `recours_bench_fresh` on the local server (dropped and created again).
// - BENCH_EXISTING_URL: a database already filled (`recours bench generate`), measured as it is after the fresh
//   sizes, without generating (migrations are applied). Example, a fresh 10 000 and the existing million:
//   BENCH_SIZES=10000 BENCH_EXISTING_URL=postgres://postgres@127.0.0.1:5432/recours_bench npm run bench:scale
// - BENCH_PGLITE=false skips the 10 000 files on PGlite.
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import pg from 'pg';
import { generateFiles } from '../src/bench/generate.ts';
import { type Database, openDatabase } from '../src/db/client.ts';
import { previousPeriod } from '../src/domain/kpi/period.ts';
import { addDays } from '../src/domain/shared/calendar-date.ts';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';
import { DEMO_PASSWORD } from '../src/server/seed/demo.ts';
import { todayInParis } from '../src/server/shared/deadline-projection.ts';

const ADMIN_URL = process.env.BENCH_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const sizes = (process.env.BENCH_SIZES ?? '10000,1000000')
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
const existingUrl = process.env.BENCH_EXISTING_URL;
const lines: string[] = [];
const say = (line: string) => {
  console.log(line);
  lines.push(line);
};
let peakRss = 0;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 100);

async function benchUrl(): Promise<string> {
  if (process.env.BENCH_DATABASE_URL) return process.env.BENCH_DATABASE_URL;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  // Never the shared `recours_bench`: others measure on the million it holds.
  await admin.query('drop database if exists recours_bench_fresh with (force)');
  await admin.query('create database recours_bench_fresh');
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = '/recours_bench_fresh';
  return url.href;
}

/** Percentiles, with the load average (1 min) when the measure ended: on a shared machine, figures need it. */
function stats(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { p50: at(0.5), p95: at(0.95), n: sorted.length, load: loadavg()[0]! };
}
const ms = (x: number) => `${x.toFixed(1)} ms`;

async function server(database: Database) {
  const config = loadConfig({
    SEED_DEMO: 'false',
    JOBS_ENABLED: 'false',
    LOG_LEVEL: 'silent',
    LOGIN_MAX_PER_MINUTE: '100000',
  });
  const app = await buildApp({ database, config, now: () => new Date() }, { serveWeb: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address() as { port: number };
  const base = `http://127.0.0.1:${address.port}`;
  const login = async (email: string) => {
    const res = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: DEMO_PASSWORD }),
    });
    if (!res.ok) throw new Error(`login ${email}: ${res.status}`);
    const cookie = (res.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0]).join('; ');
    const body = (await res.json()) as { csrfToken: string };
    return { cookie, csrf: body.csrfToken };
  };
  return { app, base, login };
}

type Session = { cookie: string; csrf: string };

async function timeGets(base: string, session: Session, urls: string[]) {
  const times: number[] = [];
  for (const url of urls) {
    const t0 = performance.now();
    const res = await fetch(`${base}${url}`, { headers: { cookie: session.cookie } });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
    times.push(performance.now() - t0);
  }
  return stats(times);
}

async function measureReads(label: string, database: Database, fileIds: string[]) {
  const { app, base, login } = await server(database);
  const handler = await login('conseiller@charge.recours.fr');
  const repeat = (url: string, n: number) => Array.from({ length: n }, () => url);
  await timeGets(base, handler, repeat('/api/v1/register', 5)); // warm-up
  // Each figure is printed as soon as measured (a long run stopped halfway still says something).
  const results = new Proxy({} as Record<string, ReturnType<typeof stats>>, {
    set(target, name, value: ReturnType<typeof stats>) {
      console.error(
        `  ${String(name)} : p50 ${ms(value.p50)}, p95 ${ms(value.p95)} (${value.n}, charge ${value.load.toFixed(1)})`,
      );
      target[name as string] = value;
      return true;
    },
  });
  results['registre, page par défaut (urgence)'] = await timeGets(
    base,
    handler,
    repeat('/api/v1/register?limit=50', 60),
  );
  results['registre, par date'] = await timeGets(
    base,
    handler,
    repeat('/api/v1/register?sort=date&limit=50', 40),
  );
  // Deep in a filtered urgency list: follow the cursor 60 pages (3 000 rows) into the open files.
  const open =
    '/api/v1/register?status=submitted&status=acknowledged&status=awaiting_member&sort=urgency&limit=50';
  const deep: number[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 60; i++) {
    const t0 = performance.now();
    const res = await fetch(`${base}${open}${cursor ? `&cursor=${cursor}` : ''}`, {
      headers: { cookie: handler.cookie },
    });
    const body = (await res.json()) as { nextCursor: string | null };
    deep.push(performance.now() - t0);
    cursor = body.nextCursor;
    if (!cursor) break;
  }
  results['registre filtré (ouverts), urgence, pages 1 à 60 par curseur'] = stats(deep);
  results['registre filtré, rouge, décalage 9 950'] = await timeGets(
    base,
    handler,
    repeat('/api/v1/register?sla=red&offset=9950&limit=50', 20),
  );
  results['registre filtré, orange, première page'] = await timeGets(
    base,
    handler,
    repeat('/api/v1/register?sla=amber&limit=50', 20),
  );
  results['recherche « résiliation »'] = await timeGets(
    base,
    handler,
    repeat(`/api/v1/register?q=${encodeURIComponent('résiliation')}`, 40),
  );
  results['recherche « resiliation »'] = await timeGets(
    base,
    handler,
    repeat('/api/v1/register?q=resiliation', 40),
  );
  results['recherche nom « lefevre »'] = await timeGets(
    base,
    handler,
    repeat('/api/v1/register?q=lefevre', 30),
  );
  results['page d’un dossier'] = await timeGets(
    base,
    handler,
    fileIds.slice(0, 60).map((id) => `/api/v1/dossiers/${id}`),
  );
  // The KPI report of the last twelve months (issue 14), and the dashboard's two calls: the period and the
  // previous one, sent together as the page sends them.
  const supervisor = await login('superviseur@charge.recours.fr');
  const today = todayInParis(new Date());
  const year = { from: addDays(today, -364), to: today };
  const kpiUrl = (p: { from: string; to: string }) => `/api/v1/kpi?from=${p.from}&to=${p.to}&asOf=${today}`;
  await timeGets(base, supervisor, [kpiUrl(year)]); // warm-up
  results['indicateurs (API), un an'] = await timeGets(base, supervisor, repeat(kpiUrl(year), 20));
  const dashboard: number[] = [];
  for (let i = 0; i < 20; i++) {
    const t0 = performance.now();
    await Promise.all([year, previousPeriod(year)].map((p) => timeGets(base, supervisor, [kpiUrl(p)])));
    dashboard.push(performance.now() - t0);
  }
  results['tableau de bord, un an (période et précédente)'] = stats(dashboard);
  say(`\n### ${label}\n\n| mesure | p50 | p95 | requêtes | charge moyenne |\n|---|---|---|---|---|`);
  for (const [name, s] of Object.entries(results)) {
    say(`| ${name} | ${ms(s.p50)} | ${ms(s.p95)} | ${s.n} | ${s.load.toFixed(1)} |`);
  }
  await app.close();
  return results;
}

async function fileIdsOf(database: Database) {
  const rows = await database.rawTransaction((q) =>
    q(
      `select d.id from dossiers d join organisations o on o.id = d.organisation_id where o.name = 'Mutuelle Charge' and d.transmitted_at is not null order by random() limit 60`,
    ),
  );
  return rows.rows.map((r) => String(r.id));
}

say(
  `# Mesures de charge (npm run bench:scale)\n\n${new Date().toISOString()} — machine : 2 cœurs ; charge moyenne au départ ${loadavg()[0]!.toFixed(1)}`,
);
async function chargeFiles(database: Database) {
  const result = await database.rawTransaction((q) =>
    q(`select count(*)::int as n from dossiers d join organisations o on o.id = d.organisation_id
       where o.name like 'Mutuelle Charge%'`),
  );
  return Number(result.rows[0]!.n);
}

if (sizes.length > 0) {
  const database = await openDatabase({ url: await benchUrl() });
  await database.migrate();
  // Files already there (BENCH_DATABASE_URL filled by `recours bench generate`) count towards each size.
  let total = await chargeFiles(database);
  for (const size of sizes) {
    const started = Date.now();
    if (size > total)
      await generateFiles(database, {
        files: size - total,
        organisation: 'Mutuelle Charge',
        force: false,
        now: new Date(),
        onProgress: (done, all) => {
          if (done % 100_000 === 0 || done === all) console.error(`  ${total + done} / ${size}`);
        },
      });
    say(
      `\n## PostgreSQL, ${size.toLocaleString('fr-FR')} dossiers\n\nGénération de ${Math.max(0, size - total).toLocaleString('fr-FR')} dossiers : ${((Date.now() - started) / 1000).toFixed(0)} s (charge moyenne ${loadavg()[0]!.toFixed(1)})`,
    );
    total = Math.max(total, size);
    await measureReads(
      `Lectures à ${size.toLocaleString('fr-FR')} dossiers`,
      database,
      await fileIdsOf(database),
    );
    say(
      `\nMémoire résidente maximale du processus (serveur et clients de mesure) : ${(peakRss / 1e6).toFixed(0)} Mo`,
    );
  }
  await database.close();
}

if (existingUrl) {
  const database = await openDatabase({ url: existingUrl });
  await database.migrate();
  const files = (await database.rawTransaction((q) => q('select count(*)::int as n from dossiers'))).rows[0]!
    .n;
  const label = `${Number(files).toLocaleString('fr-FR')} dossiers (base existante, sans génération)`;
  say(`\n## PostgreSQL, ${label}`);
  await measureReads(`Lectures à ${label}`, database, await fileIdsOf(database));
  say(
    `\nMémoire résidente maximale du processus (serveur et clients de mesure) : ${(peakRss / 1e6).toFixed(0)} Mo`,
  );
  await database.close();
}

if (process.env.BENCH_PGLITE !== 'false') {
  const embedded = await openDatabase({ dataDir: 'memory://' });
  await embedded.migrate();
  const started = Date.now();
  await generateFiles(embedded, {
    files: 10_000,
    organisation: 'Mutuelle Charge',
    force: false,
    now: new Date(),
  });
  say(
    `\n## PGlite (défaut embarqué), 10 000 dossiers\n\nGénération : ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
  await measureReads('Lectures PGlite à 10 000 dossiers', embedded, await fileIdsOf(embedded));
  await embedded.close();
}
clearInterval(sampler);
say(
  `\nMémoire résidente maximale : ${(peakRss / 1e6).toFixed(0)} Mo ; charge moyenne à la fin ${loadavg()[0]!.toFixed(1)}`,
);
writeFileSync(new URL('../docs/performance-last-run.md', import.meta.url), `${lines.join('\n')}\n`);
console.log(
  '\nÉcrit dans docs/performance-last-run.md (docs/performance.md en reprend les chiffres commentés).',
);
