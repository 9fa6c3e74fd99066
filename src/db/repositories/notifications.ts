import { and, desc, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { dossiers, notifications, users } from '../schema.ts';

export type NotificationRow = typeof notifications.$inferSelect;

export interface NewNotification {
  userId: string;
  dossierId: string | null;
  kind: string;
  title: string;
  body: string;
  /** Unique: creating the same notification twice creates it once (reminder jobs may run twice). */
  dedupeKey: string;
  createdAt: Date;
}

/**
 * Inserts notifications, a thousand a statement, each skipped if one with the same dedupe key exists (stored, or
 * earlier in the list); returns the ids of those created.
 */
export async function insertNotifications(db: Db, items: readonly NewNotification[]): Promise<string[]> {
  const ids: string[] = [];
  // 1 000 rows a statement keeps its parameters far under PostgreSQL's 65 535.
  for (let i = 0; i < items.length; i += 1_000) {
    const rows = await db
      .insert(notifications)
      .values(items.slice(i, i + 1_000))
      .onConflictDoNothing({ target: notifications.dedupeKey })
      .returning({ id: notifications.id });
    ids.push(...rows.map((r) => r.id));
  }
  return ids;
}

export async function notificationsOf(
  db: Db,
  userId: string,
  options: { unreadOnly: boolean; limit: number },
) {
  return db
    .select({
      id: notifications.id,
      dossierId: notifications.dossierId,
      reference: dossiers.reference,
      kind: notifications.kind,
      title: notifications.title,
      body: notifications.body,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
    })
    .from(notifications)
    .leftJoin(dossiers, eq(dossiers.id, notifications.dossierId))
    .where(
      and(eq(notifications.userId, userId), options.unreadOnly ? isNull(notifications.readAt) : undefined),
    )
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(options.limit);
}

export async function countUnread(db: Db, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

/** Marks one of the user's notifications read; undefined when it is not his (or does not exist). */
export async function markRead(db: Db, userId: string, id: string, at: Date) {
  const [row] = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, ${at.toISOString()}::timestamptz)` })
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
    .returning();
  return row;
}

/**
 * Claims a notification for the e-mail job: sets `emailedAt` if nobody did, and returns what the e-mail needs.
 * Two jobs racing for the same notification: only one gets it.
 */
export async function claimForEmail(db: Db, id: string, at: Date) {
  const [claimed] = await db
    .update(notifications)
    .set({ emailedAt: at })
    .where(and(eq(notifications.id, id), isNull(notifications.emailedAt)))
    .returning();
  if (!claimed) return undefined;
  const [user] = await db
    .select({ email: users.email, displayName: users.displayName })
    .from(users)
    .where(eq(users.id, claimed.userId));
  return user ? { notification: claimed, user } : undefined;
}

export async function releaseEmailClaim(db: Db, id: string) {
  await db.update(notifications).set({ emailedAt: null }).where(eq(notifications.id, id));
}

/** Notifications whose e-mail job was never run (lost between commit and queueing): the sweep re-queues them. */
export async function unsentNotificationIds(db: Db, olderThan: Date, notBefore: Date): Promise<string[]> {
  const rows = await db
    .select({ id: notifications.id })
    .from(notifications)
    .where(
      and(
        isNull(notifications.emailedAt),
        lt(notifications.createdAt, olderThan),
        gt(notifications.createdAt, notBefore),
      ),
    )
    .limit(500);
  return rows.map((r) => r.id);
}
