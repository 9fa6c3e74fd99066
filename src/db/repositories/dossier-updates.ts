import { eq } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { dossiers } from '../schema.ts';
import { reproject, touchesProjection } from './deadline-projection.ts';
import type { DossierRow } from './dossiers.ts';

/** Reads a file and locks its row until the transaction ends: two concurrent edits of its facts cannot both win. */
export async function lockDossier(db: Db, id: string): Promise<DossierRow | undefined> {
  const rows = await db.select().from(dossiers).where(eq(dossiers.id, id)).for('update').limit(1);
  return rows[0];
}

export async function updateDossier(
  db: Db,
  id: string,
  values: Partial<Omit<typeof dossiers.$inferInsert, 'id' | 'searchVector'>>,
): Promise<DossierRow> {
  const [row] = await db.update(dossiers).set(values).where(eq(dossiers.id, id)).returning();
  // The deadline projection follows every change of facts or status, in the same transaction (issue 12).
  return touchesProjection(values) ? reproject(db, row!, values.updatedAt ?? new Date()) : row!;
}

export function listDossiersOfMember(db: Db, memberId: string): Promise<DossierRow[]> {
  return db.select().from(dossiers).where(eq(dossiers.memberId, memberId)).orderBy(dossiers.createdAt);
}
