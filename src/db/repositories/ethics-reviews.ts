import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { dossiers, ethicsReviews } from '../schema.ts';

export type EthicsReviewRow = typeof ethicsReviews.$inferSelect;

export async function insertEthicsReview(db: Db, values: typeof ethicsReviews.$inferInsert) {
  const [row] = await db.insert(ethicsReviews).values(values).returning();
  return row!;
}

export async function hasOpenReview(db: Db, dossierId: string): Promise<boolean> {
  const rows = await db
    .select({ id: ethicsReviews.id })
    .from(ethicsReviews)
    .where(and(eq(ethicsReviews.dossierId, dossierId), eq(ethicsReviews.status, 'open')))
    .limit(1);
  return rows.length > 0;
}

/** A review with its file's organisation (the scope) and reference, locked for the transaction. */
export async function lockEthicsReview(db: Db, id: string) {
  const [row] = await db
    .select({ review: ethicsReviews, organisationId: dossiers.organisationId, reference: dossiers.reference })
    .from(ethicsReviews)
    .innerJoin(dossiers, eq(dossiers.id, ethicsReviews.dossierId))
    .where(eq(ethicsReviews.id, id))
    .for('update', { of: ethicsReviews });
  return row;
}

export async function updateEthicsReview(
  db: Db,
  id: string,
  changes: Partial<typeof ethicsReviews.$inferInsert>,
) {
  const [row] = await db.update(ethicsReviews).set(changes).where(eq(ethicsReviews.id, id)).returning();
  return row!;
}

export async function ethicsReviewsOf(db: Db, organisationId: string, status?: 'open' | 'decided') {
  return db
    .select({ review: ethicsReviews, reference: dossiers.reference })
    .from(ethicsReviews)
    .innerJoin(dossiers, eq(dossiers.id, ethicsReviews.dossierId))
    .where(
      and(eq(dossiers.organisationId, organisationId), status ? eq(ethicsReviews.status, status) : undefined),
    )
    .orderBy(desc(ethicsReviews.createdAt))
    .limit(500);
}
