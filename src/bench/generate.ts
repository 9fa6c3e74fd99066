import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { sql } from 'drizzle-orm';
import type { Database, RawQuery } from '../db/client.ts';
import { parisDateOf } from '../domain/shared/calendar-date.ts';
import { hashPassword } from '../server/auth/passwords.ts';
import { DEMO_PASSWORD } from '../server/seed/demo.ts';
import { createIndexes, dropSecondaryIndexes } from './bulk-indexes.ts';
import { type ChunkInput, type ChunkOutput, generateChunk, type Organisation } from './file-rows.ts';

/**
 * The load generator of `recours bench generate` (issue 12): N realistic files streamed through COPY in one
 * transaction. A large organisation receives most of them and a few smaller ones the rest, so that the register's
 * organisation filter is exercised. Above `BULK_THRESHOLD` files the secondary indexes are dropped before the load
 * and built after it (the tables are locked meanwhile: a load generator runs on a database of its own), then
 * ANALYZE. Every derived column is written as the application writes it (see file-rows.ts).
 */
export interface GenerateOptions {
  files: number;
  organisation: string;
  force: boolean;
  now: Date;
  /** Number of smaller organisations sharing `smallShare` of the files (default 3 and 0.1). */
  smallOrganisations?: number;
  smallShare?: number;
  /** Worker threads generating the rows while the main thread copies them (default 2 from 50 000 files). */
  threads?: number;
  /** Files per COPY round (default 5 000). */
  chunkSize?: number;
  /** Drop and rebuild the secondary indexes; default: when adding at least BULK_THRESHOLD files. */
  rebuildIndexes?: boolean;
  onProgress?: (done: number, total: number) => void;
}

export class GenerateRefusal extends Error {}

export const BULK_THRESHOLD = 100_000;
const SMALL_NAMES = ['Sud', 'Ouest', 'Est', 'Nord', 'Centre'];

function slugOf(name: string) {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-');
}

async function ensureOrganisation(query: RawQuery, name: string) {
  const found = await query('select id from organisations where name = $1', [name]);
  if (found.rows[0]) return String(found.rows[0].id);
  const created = await query(
    `insert into organisations (name, kind, slug) values ($1, 'mutuelle', $2) returning id`,
    [name, slugOf(name)],
  );
  return String(created.rows[0]!.id);
}

type Account = [email: string, name: string, role: string, organisationId: string | null];

async function ensureAccounts(query: RawQuery, accounts: Account[]) {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const [email, name, role, org] of accounts) {
    await query(
      `insert into users (email, display_name, role, organisation_id, password_hash)
       values ($1, $2, $3, $4, $5) on conflict do nothing`,
      [email, name, role, org, passwordHash],
    );
  }
}

async function staffOf(query: RawQuery, organisationId: string) {
  const handlers = await query(
    `select id from users where organisation_id = $1 and role in ('handler', 'supervisor') order by email`,
    [organisationId],
  );
  return handlers.rows.map((r) => String(r.id));
}

async function setUp(query: RawQuery, options: GenerateOptions) {
  const names = [
    options.organisation,
    ...SMALL_NAMES.slice(0, options.smallOrganisations ?? 3).map((s) => `${options.organisation} ${s}`),
  ];
  const ids: string[] = [];
  for (const name of names) ids.push(await ensureOrganisation(query, name));
  const others = await query(
    'select count(*)::int as n from dossiers where organisation_id is null or not (organisation_id = any($1::uuid[]))',
    [ids],
  );
  const n = Number(others.rows[0]!.n);
  if (n > 0 && !options.force) {
    throw new GenerateRefusal(
      `Refusé : cette base contient déjà ${n} dossier${n > 1 ? 's' : ''} d’autres organismes ou d’adhérents. Le générateur de charge ajoute des milliers de dossiers fictifs : lancez-le sur une base de test (DATABASE_URL), ou ajoutez --force si vous êtes certain que cette base n’est pas en production.`,
    );
  }
  const domain = 'charge.recours.fr';
  const accounts: Account[] = [
    [`conseiller@${domain}`, 'Claire Conseillère', 'handler', ids[0]!],
    [`superviseur@${domain}`, 'Sébastien Superviseur', 'supervisor', ids[0]!],
    [`adherent@${domain}`, 'Adèle Adhérente', 'member', null],
    ...Array.from(
      { length: 18 },
      (_, i): Account => [`conseiller-${i + 1}@${domain}`, `Conseiller ${i + 1}`, 'handler', ids[0]!],
    ),
    ...ids
      .slice(1)
      .flatMap((orgId, k) =>
        [1, 2].map(
          (i): Account => [
            `conseiller-${i}@${slugOf(SMALL_NAMES[k]!)}.${domain}`,
            `Conseiller ${i}`,
            'handler',
            orgId,
          ],
        ),
      ),
  ];
  await ensureAccounts(query, accounts);
  const organisations: Organisation[] = [];
  for (const [k, id] of ids.entries())
    organisations.push({ id, name: names[k]!, handlerIds: await staffOf(query, id) });
  const member = await query(`select id from users where lower(email) = $1`, [`adherent@${domain}`]);
  const count = await query(
    'select count(*)::int as n from dossiers where organisation_id = any($1::uuid[])',
    [ids],
  );
  const role = await query('select rolsuper from pg_roles where rolname = current_user');
  return {
    organisations,
    memberId: String(member.rows[0]!.id),
    start: Number(count.rows[0]!.n),
    superuser: role.rows[0]?.rolsuper === true,
  };
}

/** Adds `files` files; refuses a database holding other organisations' files unless forced. */
export async function generateFiles(database: Database, options: GenerateOptions) {
  const { files, now } = options;
  const chunkSize = options.chunkSize ?? 5_000;
  const rebuild = options.rebuildIndexes ?? (database.kind === 'postgresql' && files >= BULK_THRESHOLD);
  const started = Date.now();
  const timings: Record<string, number> = {};
  const timed = async <T>(label: string, work: () => Promise<T>) => {
    const t0 = Date.now();
    const result = await work();
    timings[label] = (timings[label] ?? 0) + (Date.now() - t0) / 1000;
    return result;
  };
  const result = await database.rawTransaction(async (query, copy) => {
    const setup = await setUp(query, options);
    if (database.kind === 'postgresql') {
      // A crash loses only generated rows: no need to wait for the disk at commit.
      await query('set local synchronous_commit = off');
      await query(`set local maintenance_work_mem = '256MB'`);
      // Foreign keys hold by construction (every id is created here or read above): on a superuser connection
      // their per-row triggers are skipped, as pg_restore does. Elsewhere they run, only slower.
      if (setup.superuser) await query('set local session_replication_role = replica');
    }
    const before = await query('select coalesce(max(seq), 0)::text as seq from audit_events');
    const dropped = rebuild ? await timed('index drop', () => dropSecondaryIndexes(query)) : [];
    const small = setup.organisations.length > 1;
    const chunk = (first: number, count: number): ChunkInput => ({
      first,
      count,
      todayIso: parisDateOf(now),
      nowIso: now.toISOString(),
      organisations: setup.organisations,
      smallShare: small ? (options.smallShare ?? 0.1) : 0,
      demoMemberId: first === setup.start ? setup.memberId : null,
    });
    const inputs: ChunkInput[] = [];
    for (let done = 0; done < files; done += chunkSize)
      inputs.push(chunk(setup.start + done, Math.min(chunkSize, files - done)));
    const threads = Math.min(options.threads ?? (files >= 50_000 ? 2 : 0), inputs.length);
    let events = 0;
    let done = 0;
    for await (const output of threads > 0 ? inWorkers(inputs, threads) : inline(inputs)) {
      for (const table of output.tables) {
        if (table.chunks.length) await timed('copy', () => copy(table.statement, table.chunks));
      }
      events += output.events;
      done += output.files;
      options.onProgress?.(done, files);
    }
    // The Merkle log's queue, as every append leaves it (the job that folds it into the log runs later).
    await timed('queue', () =>
      query(
        `insert into audit_log_pending (event_seq) select seq from audit_events where seq > $1::bigint
         on conflict do nothing`,
        [before.rows[0]!.seq],
      ),
    );
    if (dropped.length) await timed('index build', () => createIndexes(query, dropped));
    // The KPI aggregates (migration 0019): COPY under session_replication_role = replica skips their triggers, and
    // one grouped pass per organisation is cheaper than the triggers' work per COPY statement anyway.
    await timed('kpi aggregates', async () => {
      for (const organisation of setup.organisations)
        await query('select kpi_daily_rebuild($1::uuid)', [organisation.id]);
    });
    return { organisationId: setup.organisations[0]!.id, events };
  });
  // VACUUM (outside any transaction) marks the loaded pages all-visible: without it the register's covering
  // index is read with a table fetch per row, as autovacuum may not come for a long time (the KPI aggregates'
  // covering keys too), and the KPI report's plans need the aggregates' statistics at once. PGlite has no
  // autovacuum at all: without ANALYZE it estimated an organisation of 9 024 files at 37 and sorted them all for
  // the default page.
  await timed('vacuum', () =>
    database.db.execute(sql`vacuum (analyze) dossiers, users, kpi_daily, kpi_daily_dims, kpi_daily_answers`),
  );
  await timed('analyze', () =>
    database.rawTransaction((query) =>
      query('analyze messages, contacts, audit_events, audit_chain_heads, audit_log_pending'),
    ),
  );
  return {
    organisationId: result.organisationId,
    files,
    events: result.events,
    seconds: (Date.now() - started) / 1000,
    timings: Object.fromEntries(Object.entries(timings).map(([k, v]) => [k, Math.round(v * 10) / 10])),
  };
}

type Generated = ChunkOutput & { files: number };

async function* inline(inputs: ChunkInput[]): AsyncGenerator<Generated> {
  for (const input of inputs) yield { ...generateChunk(input), files: input.count };
}

/**
 * Chunks generated by `threads` workers, yielded as they come (their order does not matter: each file is whole in
 * its chunk), with at most two chunks per worker in flight so that memory stays bounded.
 */
async function* inWorkers(inputs: ChunkInput[], threads: number): AsyncGenerator<Generated> {
  const here = fileURLToPath(import.meta.url);
  const script = new URL(`./generate-worker${path.extname(here)}`, import.meta.url);
  // From the sources (tsx), the worker registers the TypeScript loader first: tsx's hooks do not reach workers.
  const start = () =>
    here.endsWith('.ts')
      ? new Worker(
          `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
             .then((tsx) => { tsx.register(); return import(${JSON.stringify(script.href)}); })`,
          { eval: true },
        )
      : new Worker(script);
  const workers = Array.from({ length: threads }, start);
  const ready: Generated[] = [];
  let wake: (() => void) | undefined;
  let failure: unknown;
  let next = 0;
  let pending = 0;
  const send = (worker: Worker) => {
    if (next >= inputs.length) return;
    const input = inputs[next]!;
    worker.postMessage({ ...input, id: next });
    next += 1;
    pending += 1;
  };
  for (const worker of workers) {
    worker.on('message', (output: ChunkOutput & { id: number }) => {
      pending -= 1;
      ready.push({ ...output, files: inputs[output.id]!.count });
      send(worker);
      wake?.();
    });
    worker.on('error', (error) => {
      failure = error;
      wake?.();
    });
    send(worker);
    send(worker);
  }
  try {
    while (pending > 0 || ready.length > 0) {
      if (failure) throw failure;
      const output = ready.shift();
      if (output) yield output;
      else await new Promise<void>((resolve) => (wake = resolve));
    }
    if (failure) throw failure;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
