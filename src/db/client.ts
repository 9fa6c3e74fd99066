import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { backfillProjections } from './repositories/deadline-projection.ts';
import * as schema from './schema.ts';

export type Schema = typeof schema;
/** The part of Drizzle both drivers share: repositories are written once against it. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export interface Database {
  db: Db;
  /**
   * Where the register and the reports read: the read replica named by READ_DATABASE_URL when there is one
   * (docs/deployment.md), else `db`. Never for a read that must see the caller's own write.
   */
  readDb: Db;
  kind: 'pglite' | 'postgresql';
  /** The primary's URL (PostgreSQL only): the live-update bus opens its own LISTEN connection on it. */
  url?: string;
  /** Where the data lives, without credentials (for /api/health and logs). */
  location: string;
  migrate(): Promise<void>;
  close(): Promise<void>;
  /**
   * Plain SQL with array parameters in one transaction, for bulk writes (the load generator's
   * `insert … select * from unnest($1::uuid[], …)`): Drizzle would expand an array into a list of parameters.
   */
  rawTransaction<T>(work: (query: RawQuery, copy: CopyIn) => Promise<T>): Promise<T>;
  /**
   * One statement on its own (atomic without BEGIN/COMMIT), prepared once per connection under `name` on
   * PostgreSQL: the hot path of a creation sends neither its text to parse nor a plan to make again (issue 12).
   */
  prepared(name: string, text: string, params: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
}

export type RawQuery = (text: string, params?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>;
/**
 * `COPY table (columns) FROM STDIN` fed with rows in PostgreSQL's text format, in the transaction: the load
 * generator's million files. Each chunk is a string of whole lines.
 */
export type CopyIn = (statement: string, chunks: Iterable<string>) => Promise<void>;

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../drizzle', import.meta.url));

export interface DatabaseOptions {
  /** postgres://… for PostgreSQL; absent for the embedded PGlite. */
  url?: string | undefined;
  /** postgres://… of a streaming replica for the register and the reports (PostgreSQL only). */
  readUrl?: string | undefined;
  /** PGlite data directory; 'memory://' for a throw-away database. */
  dataDir?: string;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.url) return openPostgres(options.url, options.readUrl);
  // Loaded only here: a PostgreSQL deployment never holds PGlite's WebAssembly build in memory (docs/performance.md).
  const { openPglite } = await import('./pglite.ts');
  return openPglite(options.dataDir ?? './data/pglite');
}

/**
 * Migrations, then the deadline projection of files that have none yet or an older one (SQL cannot run the engine).
 * When that rewrote files, VACUUM ANALYZE: the planner learns the new columns' values (without statistics it
 * walked the urgency index instead of the colour index), and the visibility map lets the covering indexes be read
 * without the table. PGlite has no autovacuum to do it later.
 */
export async function migrateAndProject(db: Db, migrate: () => Promise<void>) {
  await migrate();
  const projected = await backfillProjections(db, new Date());
  if (projected > 0) await db.execute(sql`vacuum (analyze) dossiers`);
}

function newPool(url: string) {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle connection closed by the server (restart, failover, a dropped test database) must not crash the
  // process: the pool discards it and opens another on the next query (node-postgres documentation).
  pool.on('error', (error) => {
    console.warn(`PostgreSQL : connexion inactive fermée par le serveur (${error.message})`);
  });
  return pool;
}

async function openPostgres(url: string, readUrl: string | undefined): Promise<Database> {
  const pool = newPool(url);
  const readPool = readUrl ? newPool(readUrl) : undefined;
  // Fail at start, with the reason, rather than on the first request.
  for (const p of [pool, readPool]) {
    const probe = await p?.connect();
    probe?.release();
  }
  const db = drizzleNodePg({ client: pool, schema });
  const readDb = readPool ? drizzleNodePg({ client: readPool, schema }) : db;
  const where = (u: string) => {
    const parsed = new URL(u);
    return `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
  };
  return {
    db: db as unknown as Db,
    readDb: readDb as unknown as Db,
    kind: 'postgresql',
    url,
    location: `PostgreSQL (${where(url)}${readUrl ? `, lecture : ${where(readUrl)}` : ''})`,
    migrate: () =>
      migrateAndProject(db as unknown as Db, () =>
        migrateNodePg(db, { migrationsFolder: MIGRATIONS_FOLDER }),
      ),
    close: async () => {
      await pool.end();
      await readPool?.end();
    },
    prepared: async (name, text, values) => ({ rows: (await pool.query({ name, text, values })).rows }),
    rawTransaction: async (work) => {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const result = await work(
          async (text, params) => ({ rows: (await client.query(text, params)).rows }),
          (statement, chunks) => pipeline(Readable.from(chunks), client.query(copyFrom(statement))),
        );
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
  };
}
