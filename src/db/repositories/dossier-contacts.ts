import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { contacts } from '../schema.ts';

export type ContactRow = typeof contacts.$inferSelect;
export type NewContact = typeof contacts.$inferInsert;

export async function insertContact(db: Db, values: NewContact): Promise<ContactRow> {
  const [row] = await db.insert(contacts).values(values).returning();
  return row!;
}

export function listContacts(db: Db, dossierId: string): Promise<ContactRow[]> {
  return db
    .select()
    .from(contacts)
    .where(eq(contacts.dossierId, dossierId))
    .orderBy(asc(contacts.occurredAt), asc(contacts.createdAt));
}

export async function findContact(db: Db, dossierId: string, contactId: string) {
  const rows = await db
    .select()
    .from(contacts)
    .where(and(eq(contacts.dossierId, dossierId), eq(contacts.id, contactId)))
    .limit(1);
  return rows[0];
}

export async function setContactMedical(db: Db, contactId: string, medical: boolean): Promise<ContactRow> {
  const [row] = await db.update(contacts).set({ medical }).where(eq(contacts.id, contactId)).returning();
  return row!;
}

export async function listContactsOfDossiers(db: Db, dossierIds: string[]): Promise<ContactRow[]> {
  if (dossierIds.length === 0) return [];
  return db
    .select()
    .from(contacts)
    .where(inArray(contacts.dossierId, dossierIds))
    .orderBy(asc(contacts.occurredAt));
}

export async function deleteContactsOf(db: Db, dossierId: string): Promise<void> {
  await db.delete(contacts).where(eq(contacts.dossierId, dossierId));
}
