import { type Database, openDatabase } from '../db/client.ts';
import { loadConfig } from '../server/config.ts';

/** The database the server would use (DATABASE_URL, or PGlite in DATA_DIR), opened for one command. */
export async function withDatabase<T>(action: (database: Database) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase({
    url: config.databaseUrl,
    readUrl: config.readDatabaseUrl,
    dataDir: `${config.dataDir}/pglite`,
  });
  try {
    return await action(database);
  } finally {
    await database.close();
  }
}
