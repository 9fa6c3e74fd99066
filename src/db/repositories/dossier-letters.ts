import { asc, eq } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { letters } from '../schema.ts';

/** A file's letters, oldest first (the member's export lists them with their text). */
export function lettersOfDossier(db: Db, dossierId: string) {
  return db.select().from(letters).where(eq(letters.dossierId, dossierId)).orderBy(asc(letters.createdAt));
}
