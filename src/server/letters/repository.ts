import { and, asc, desc, eq, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { contacts, documentContents, documents, letters, organisations, users } from '../../db/schema.ts';

export type LetterRow = typeof letters.$inferSelect;

export async function insertLetter(db: Db, values: typeof letters.$inferInsert): Promise<LetterRow> {
  const [row] = await db.insert(letters).values(values).returning();
  return row!;
}

export function listLetters(db: Db, dossierId: string): Promise<LetterRow[]> {
  return db
    .select()
    .from(letters)
    .where(eq(letters.dossierId, dossierId))
    .orderBy(asc(letters.createdAt), asc(letters.id));
}

export async function findLetter(
  db: Db,
  dossierId: string,
  letterId: string,
): Promise<LetterRow | undefined> {
  const rows = await db
    .select()
    .from(letters)
    .where(and(eq(letters.dossierId, dossierId), eq(letters.id, letterId)))
    .limit(1);
  return rows[0];
}

/** The latest stored referral letter: the mediation file's cover letter when the member wrote one. */
export async function latestLetterOfType(db: Db, dossierId: string, type: string) {
  const rows = await db
    .select()
    .from(letters)
    .where(and(eq(letters.dossierId, dossierId), eq(letters.type, type)))
    .orderBy(desc(letters.createdAt))
    .limit(1);
  return rows[0];
}

export function sentLetters(db: Db, dossierId: string) {
  return db
    .select()
    .from(letters)
    .where(and(eq(letters.dossierId, dossierId), isNotNull(letters.sentOn)))
    .orderBy(asc(letters.sentOn));
}

export async function markSent(
  db: Db,
  letterId: string,
  values: { sentOn: string; sendingMethod: string; registeredNumber: string | null },
) {
  const [row] = await db.update(letters).set(values).where(eq(letters.id, letterId)).returning();
  return row!;
}

export async function userById(db: Db, id: string) {
  const rows = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return rows[0];
}

export async function organisationById(db: Db, id: string | null) {
  if (!id) return undefined;
  const rows = await db.select().from(organisations).where(eq(organisations.id, id)).limit(1);
  return rows[0];
}

export function contactsOf(db: Db, dossierId: string) {
  return db
    .select()
    .from(contacts)
    .where(eq(contacts.dossierId, dossierId))
    .orderBy(asc(contacts.occurredAt));
}

export function documentsOf(db: Db, dossierId: string) {
  return db
    .select()
    .from(documents)
    .where(eq(documents.dossierId, dossierId))
    .orderBy(asc(documents.documentDate), asc(documents.uploadedAt), asc(documents.id));
}

/**
 * Documents with their bytes, for the mediation file only (the one place that needs the contents). Without
 * `withMedical`, the bytes of medical pieces are not even loaded (C. santé publ. L1110-4): null instead.
 */
export function documentsWithBytes(db: Db, dossierId: string, options: { withMedical: boolean }) {
  const bytes = options.withMedical
    ? documentContents.bytes
    : sql<Buffer | null>`case when ${documents.medical} then null else ${documentContents.bytes} end`.mapWith(
        documentContents.bytes,
      );
  return db
    .select({
      id: documents.id,
      kind: documents.kind,
      title: documents.title,
      documentDate: documents.documentDate,
      fileName: documents.fileName,
      mimeType: documents.mimeType,
      medical: documents.medical,
      sha256: documents.sha256,
      bytes,
    })
    .from(documents)
    .innerJoin(documentContents, eq(documentContents.documentId, documents.id))
    .where(eq(documents.dossierId, dossierId))
    .orderBy(asc(documents.documentDate), asc(documents.uploadedAt), asc(documents.id));
}
