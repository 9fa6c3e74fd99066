import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { messages, users } from '../schema.ts';

export type MessageRow = typeof messages.$inferSelect;
export type NewMessage = typeof messages.$inferInsert;

export async function insertMessage(db: Db, values: NewMessage): Promise<MessageRow> {
  const [row] = await db.insert(messages).values(values).returning();
  return row!;
}

/**
 * Messages of a file with their author. `includeInternal: false` filters internal notes in SQL, so that a
 * member's request never even loads them.
 */
export function listMessages(db: Db, dossierId: string, options: { includeInternal: boolean }) {
  const conditions: SQL[] = [eq(messages.dossierId, dossierId)];
  if (!options.includeInternal) conditions.push(eq(messages.internal, false));
  return db
    .select({
      message: messages,
      author: { id: users.id, displayName: users.displayName, role: users.role },
    })
    .from(messages)
    .innerJoin(users, eq(users.id, messages.authorId))
    .where(and(...conditions))
    .orderBy(asc(messages.createdAt), asc(messages.id));
}

export async function findMessage(db: Db, dossierId: string, messageId: string) {
  const rows = await db
    .select({
      message: messages,
      author: { id: users.id, displayName: users.displayName, role: users.role },
    })
    .from(messages)
    .innerJoin(users, eq(users.id, messages.authorId))
    .where(and(eq(messages.dossierId, dossierId), eq(messages.id, messageId)))
    .limit(1);
  return rows[0];
}

export async function setMessageMedical(db: Db, messageId: string, medical: boolean): Promise<MessageRow> {
  const [row] = await db.update(messages).set({ medical }).where(eq(messages.id, messageId)).returning();
  return row!;
}

/** For the member's export: never internal notes. */
export async function listMemberMessagesOfDossiers(db: Db, dossierIds: string[]): Promise<MessageRow[]> {
  if (dossierIds.length === 0) return [];
  return db
    .select()
    .from(messages)
    .where(and(inArray(messages.dossierId, dossierIds), eq(messages.internal, false)))
    .orderBy(asc(messages.createdAt));
}

export async function deleteMessagesOf(db: Db, dossierId: string): Promise<void> {
  await db.delete(messages).where(eq(messages.dossierId, dossierId));
}
