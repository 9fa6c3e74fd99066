import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { type Database, type Db, MIGRATIONS_FOLDER, migrateAndProject } from './client.ts';
import * as schema from './schema.ts';

/*
 * The embedded database, in a module of its own that `openDatabase` imports only when no DATABASE_URL is set:
 * PGlite (PostgreSQL in WebAssembly) costs tens of megabytes of memory once loaded.
 */

export async function openPglite(dataDir: string): Promise<Database> {
  const inMemory = dataDir.startsWith('memory://');
  if (!inMemory) mkdirSync(path.dirname(path.resolve(dataDir)), { recursive: true });
  const client = await PGlite.create(inMemory ? undefined : dataDir, { extensions: PGLITE_EXTENSIONS });
  return fromPglite(client, inMemory ? 'PGlite (mémoire)' : `PGlite (${dataDir})`);
}

/** The extensions migration 0005 creates (search): PGlite ships them, they must be loaded at start. */
export const PGLITE_EXTENSIONS = { unaccent, pg_trgm };

export function fromPglite(client: PGlite, location: string): Database {
  const db = drizzlePglite({ client, schema });
  return {
    db: db as unknown as Db,
    readDb: db as unknown as Db,
    kind: 'pglite',
    location,
    migrate: () =>
      migrateAndProject(db as unknown as Db, () =>
        migratePglite(db, { migrationsFolder: MIGRATIONS_FOLDER }),
      ),
    close: () => client.close(),
    prepared: async (_name, text, params) => ({
      rows: (await client.query(text, params)).rows as Record<string, unknown>[],
    }),
    rawTransaction: (work) =>
      client.transaction((tx) =>
        work(
          async (text, params) => ({
            rows: (await tx.query(text, params)).rows as Record<string, unknown>[],
          }),
          async (statement, chunks) => {
            // PGlite reads COPY input from a blob mounted at /dev/blob (its documentation).
            await tx.query(statement.replace(/\bSTDIN\b/i, "'/dev/blob'"), [], {
              blob: new Blob([...chunks]),
            });
          },
        ),
      ),
  };
}
