import { and, eq, inArray } from 'drizzle-orm';
import type { Role } from '../../domain/access/roles.ts';
import type { Db } from '../client.ts';
import { notifications, users } from '../schema.ts';

export type NewNotification = typeof notifications.$inferInsert;

/** In-app notifications; a repeated `dedupeKey` is ignored, so a retried request never notifies twice. */
export async function notify(db: Db, rows: NewNotification[]): Promise<void> {
  if (rows.length === 0) return;
  await db.insert(notifications).values(rows).onConflictDoNothing({ target: notifications.dedupeKey });
}

export function staffOf(db: Db, organisationId: string, roles: readonly Role[]) {
  return db
    .select({ id: users.id, role: users.role })
    .from(users)
    .where(and(eq(users.organisationId, organisationId), inArray(users.role, [...roles])));
}

export async function deleteNotificationsOf(db: Db, dossierId: string): Promise<void> {
  await db.delete(notifications).where(eq(notifications.dossierId, dossierId));
}
