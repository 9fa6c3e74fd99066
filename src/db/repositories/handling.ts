import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { dossiers, messages, organisations, users } from '../schema.ts';
import { reproject, touchesProjection } from './deadline-projection.ts';
import type { DossierRow } from './dossiers.ts';

/** Loads files and locks them until the transaction ends: two handlers acting at once are serialised. */
export async function lockDossiers(db: Db, ids: readonly string[]): Promise<DossierRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(dossiers)
    .where(inArray(dossiers.id, [...ids]))
    .orderBy(dossiers.id)
    .for('update');
}

export async function lockDossier(db: Db, id: string): Promise<DossierRow | undefined> {
  const [row] = await lockDossiers(db, [id]);
  return row;
}

export type DossierChanges = Partial<
  Pick<
    DossierRow,
    | 'status'
    | 'facts'
    | 'assignedHandlerId'
    | 'priority'
    | 'decision'
    | 'decisionReason'
    | 'closedAt'
    | 'mediatorId'
  >
>;

export async function updateDossier(
  db: Db,
  id: string,
  changes: DossierChanges,
  at: Date,
): Promise<DossierRow> {
  const [row] = await db
    .update(dossiers)
    .set({ ...changes, updatedAt: at })
    .where(eq(dossiers.id, id))
    .returning();
  // The deadline projection follows every change of facts or status, in the same transaction (issue 12).
  return touchesProjection(changes) ? reproject(db, row!, at) : row!;
}

export interface NewMessage {
  dossierId: string;
  authorId: string;
  body: string;
  kind: string;
  internal: boolean;
  createdAt: Date;
}

export async function insertMessage(db: Db, message: NewMessage): Promise<string> {
  const [row] = await db.insert(messages).values(message).returning({ id: messages.id });
  return row!.id;
}

export async function organisationById(db: Db, id: string | null) {
  if (!id) return undefined;
  const [row] = await db.select().from(organisations).where(eq(organisations.id, id)).limit(1);
  return row;
}

/** Users of one organisation with the given roles (handlers, supervisors…). */
export async function staffOf(db: Db, organisationId: string, roles: readonly string[]) {
  return db
    .select({
      id: users.id,
      role: users.role,
      organisationId: users.organisationId,
      displayName: users.displayName,
    })
    .from(users)
    .where(and(eq(users.organisationId, organisationId), inArray(users.role, [...roles] as never[])));
}

export async function userById(db: Db, id: string) {
  const [row] = await db
    .select({
      id: users.id,
      role: users.role,
      organisationId: users.organisationId,
      displayName: users.displayName,
    })
    .from(users)
    .where(eq(users.id, id))
    .limit(1);
  return row;
}
