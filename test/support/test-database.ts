import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { inject } from 'vitest';
import { type Database, openDatabase } from '../../src/db/client.ts';
import { fromPglite, PGLITE_EXTENSIONS } from '../../src/db/pglite.ts';

export interface TestDatabase extends Database {
  dispose(): Promise<void>;
}

/**
 * A migrated, empty database of its own for one test file: PGlite by default, or a fresh database on the
 * PostgreSQL server named by TEST_DATABASE_URL (created here, dropped by dispose()).
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const url = process.env.TEST_DATABASE_URL;
  if (url) return createPostgresDatabase(url);
  const snapshot = inject('pgliteSnapshot');
  const client = await PGlite.create({
    loadDataDir: new Blob([readFileSync(snapshot)]),
    extensions: PGLITE_EXTENSIONS,
  });
  const database = fromPglite(client, 'PGlite (test)');
  return { ...database, dispose: () => database.close() };
}

async function createPostgresDatabase(url: string): Promise<TestDatabase> {
  const name = `recours_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  const database = await openDatabase({ url: target.href });
  await database.migrate();
  return {
    ...database,
    dispose: async () => {
      await database.close();
      const cleaner = new pg.Client({ connectionString: url });
      await cleaner.connect();
      await cleaner.query(`drop database if exists ${name} with (force)`);
      await cleaner.end();
    },
  };
}
