import { and, asc, eq, gt, inArray, isNull, lt, or, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../client.ts';
import { documents, dossiers, notifications, sessions } from '../schema.ts';

/**
 * The rows whose retention period may be over, read in pages of `(since, id)` keyset order through the partial
 * indexes of migration 0016: the purge never loads a whole table. Which of them are really due is decided by the
 * pure rule (`dueForPurge`); these queries only bound the range.
 */
export interface Candidate {
  id: string;
  since: Date;
  /** The file a piece belongs to (documents only). */
  dossierId?: string;
}
export interface Cursor {
  since: Date;
  id: string;
}

export type CandidateKind =
  | 'closed_dossier'
  | 'dossier_documents'
  | 'abandoned_draft'
  | 'session'
  | 'notification';

function after(since: PgColumn, id: PgColumn, cursor: Cursor | null): SQL | undefined {
  if (!cursor) return undefined;
  return or(gt(since, cursor.since), and(eq(since, cursor.since), gt(id, cursor.id)));
}

export async function retentionCandidates(
  db: Db,
  kind: CandidateKind,
  before: Date,
  cursor: Cursor | null,
  limit: number,
): Promise<Candidate[]> {
  switch (kind) {
    case 'closed_dossier':
      return db
        .select({ id: dossiers.id, since: dossiers.closedAt })
        .from(dossiers)
        .where(
          and(
            eq(dossiers.status, 'closed'),
            isNull(dossiers.erasedAt),
            lt(dossiers.closedAt, before),
            after(dossiers.closedAt, dossiers.id, cursor),
          ),
        )
        .orderBy(asc(dossiers.closedAt), asc(dossiers.id))
        .limit(limit) as Promise<Candidate[]>;
    case 'abandoned_draft':
      return db
        .select({ id: dossiers.id, since: dossiers.updatedAt })
        .from(dossiers)
        .where(
          and(
            eq(dossiers.status, 'draft'),
            isNull(dossiers.transmittedAt),
            isNull(dossiers.erasedAt),
            lt(dossiers.updatedAt, before),
            after(dossiers.updatedAt, dossiers.id, cursor),
          ),
        )
        .orderBy(asc(dossiers.updatedAt), asc(dossiers.id))
        .limit(limit);
    case 'dossier_documents':
      // A closed file's pieces, counted from its closure; the file itself may be kept longer.
      return db
        .select({ id: documents.id, since: dossiers.closedAt, dossierId: documents.dossierId })
        .from(dossiers)
        .innerJoin(documents, eq(documents.dossierId, dossiers.id))
        .where(
          and(
            eq(dossiers.status, 'closed'),
            isNull(dossiers.erasedAt),
            lt(dossiers.closedAt, before),
            after(dossiers.closedAt, documents.id, cursor),
          ),
        )
        .orderBy(asc(dossiers.closedAt), asc(documents.id))
        .limit(limit) as Promise<Candidate[]>;
    case 'session':
      return db
        .select({ id: sessions.id, since: sessions.createdAt })
        .from(sessions)
        .where(and(lt(sessions.createdAt, before), after(sessions.createdAt, sessions.id, cursor)))
        .orderBy(asc(sessions.createdAt), asc(sessions.id))
        .limit(limit);
    case 'notification':
      return db
        .select({ id: notifications.id, since: notifications.createdAt })
        .from(notifications)
        .where(
          and(lt(notifications.createdAt, before), after(notifications.createdAt, notifications.id, cursor)),
        )
        .orderBy(asc(notifications.createdAt), asc(notifications.id))
        .limit(limit);
  }
}

export async function deleteSessionsById(db: Db, ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  return (await db.delete(sessions).where(inArray(sessions.id, ids)).returning({ id: sessions.id })).length;
}

export async function deleteNotificationsById(db: Db, ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  return (
    await db.delete(notifications).where(inArray(notifications.id, ids)).returning({ id: notifications.id })
  ).length;
}

/** Deletes pieces of one file (their bytes cascade), returns how many went. */
export async function deleteDocumentsById(db: Db, dossierId: string, ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  return (
    await db
      .delete(documents)
      .where(and(eq(documents.dossierId, dossierId), inArray(documents.id, ids)))
      .returning({ id: documents.id })
  ).length;
}
