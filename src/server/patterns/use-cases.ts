import type { Database } from '../../db/client.ts';
import { latestRun } from '../../db/repositories/patterns.ts';

export async function storedPatterns(database: Database, organisationId: string) {
  return latestRun(database.db, organisationId);
}
