import { and, asc, eq, gt, or, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { dossiers, medicalOpinions, users } from '../schema.ts';

export type MedicalOpinionRow = typeof medicalOpinions.$inferSelect;

export async function insertMedicalOpinion(
  db: Db,
  values: typeof medicalOpinions.$inferInsert,
): Promise<MedicalOpinionRow> {
  const [row] = await db.insert(medicalOpinions).values(values).returning();
  return row!;
}

export function listMedicalOpinions(db: Db, dossierId: string): Promise<MedicalOpinionRow[]> {
  return db
    .select()
    .from(medicalOpinions)
    .where(eq(medicalOpinions.dossierId, dossierId))
    .orderBy(asc(medicalOpinions.requestedAt), asc(medicalOpinions.id));
}

/** Locks the opinion row: two advisers answering at once, the second finds it answered. */
export async function lockMedicalOpinion(db: Db, dossierId: string, opinionId: string) {
  const rows = await db
    .select()
    .from(medicalOpinions)
    .where(and(eq(medicalOpinions.dossierId, dossierId), eq(medicalOpinions.id, opinionId)))
    .for('update')
    .limit(1);
  return rows[0];
}

export async function answerMedicalOpinion(
  db: Db,
  opinionId: string,
  values: Pick<MedicalOpinionRow, 'adviserId' | 'conclusion' | 'summary' | 'medicalDetail' | 'answeredAt'>,
): Promise<MedicalOpinionRow> {
  const [row] = await db
    .update(medicalOpinions)
    .set({ ...values, status: 'answered' })
    .where(eq(medicalOpinions.id, opinionId))
    .returning();
  return row!;
}

export interface QueueCursor {
  requestedAt: Date;
  id: string;
}

/**
 * One page of an organisation's opinions in a status, oldest request first, after a keyset cursor: one range of
 * medical_opinions_queue_idx, whatever the number of files.
 */
export function medicalQueuePage(
  db: Db,
  organisationId: string,
  status: MedicalOpinionRow['status'],
  after: QueueCursor | null,
  limit: number,
) {
  const conditions = [eq(medicalOpinions.organisationId, organisationId), eq(medicalOpinions.status, status)];
  if (after) {
    conditions.push(
      or(
        gt(medicalOpinions.requestedAt, after.requestedAt),
        and(eq(medicalOpinions.requestedAt, after.requestedAt), gt(medicalOpinions.id, after.id)),
      )!,
    );
  }
  return db
    .select({
      opinion: medicalOpinions,
      reference: dossiers.reference,
      title: dossiers.title,
      category: dossiers.category,
      requestedByName: sql<string>`${users.displayName}`,
    })
    .from(medicalOpinions)
    .innerJoin(dossiers, eq(dossiers.id, medicalOpinions.dossierId))
    .innerJoin(users, eq(users.id, medicalOpinions.requestedById))
    .where(and(...conditions))
    .orderBy(asc(medicalOpinions.requestedAt), asc(medicalOpinions.id))
    .limit(limit);
}
