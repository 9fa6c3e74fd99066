import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { documentContents, documents } from '../schema.ts';

export type DocumentRow = typeof documents.$inferSelect;
export type NewDocument = typeof documents.$inferInsert;

/** Metadata and bytes together: call inside the transaction that also appends the audit event. */
export async function insertDocument(db: Db, values: NewDocument, bytes: Buffer): Promise<DocumentRow> {
  const [row] = await db.insert(documents).values(values).returning();
  await db.insert(documentContents).values({ documentId: row!.id, bytes });
  return row!;
}

/** By the document's own date (undated last), then by upload: the order of the story. Never loads bytes. */
export function listDocuments(db: Db, dossierId: string): Promise<DocumentRow[]> {
  return db
    .select()
    .from(documents)
    .where(eq(documents.dossierId, dossierId))
    .orderBy(sql`${documents.documentDate} asc nulls last`, asc(documents.uploadedAt), asc(documents.id));
}

export async function listDocumentsOfDossiers(db: Db, dossierIds: string[]): Promise<DocumentRow[]> {
  if (dossierIds.length === 0) return [];
  return db
    .select()
    .from(documents)
    .where(inArray(documents.dossierId, dossierIds))
    .orderBy(sql`${documents.documentDate} asc nulls last`, asc(documents.uploadedAt));
}

export async function findDocument(db: Db, dossierId: string, documentId: string) {
  const rows = await db
    .select()
    .from(documents)
    .where(and(eq(documents.dossierId, dossierId), eq(documents.id, documentId)))
    .limit(1);
  return rows[0];
}

export async function documentBytes(db: Db, documentId: string): Promise<Buffer | undefined> {
  const rows = await db
    .select({ bytes: documentContents.bytes })
    .from(documentContents)
    .where(eq(documentContents.documentId, documentId))
    .limit(1);
  return rows[0]?.bytes;
}

export async function updateDocument(
  db: Db,
  documentId: string,
  values: Partial<Pick<DocumentRow, 'kind' | 'title' | 'documentDate' | 'medical'>>,
): Promise<DocumentRow> {
  const [row] = await db.update(documents).set(values).where(eq(documents.id, documentId)).returning();
  return row!;
}

/** Erasure: the bytes go with their metadata (document_contents cascades). */
export async function deleteDocumentsOf(db: Db, dossierId: string): Promise<number> {
  const rows = await db
    .delete(documents)
    .where(eq(documents.dossierId, dossierId))
    .returning({ id: documents.id });
  return rows.length;
}
