import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { auditEvents, users } from '../schema.ts';

/** A file's audit events, oldest first. */
export function eventsOf(db: Db, dossierId: string) {
  return db
    .select()
    .from(auditEvents)
    .where(eq(auditEvents.dossierId, dossierId))
    .orderBy(asc(auditEvents.seq));
}

/** Names and roles of the people who acted on a file, for the sentences of its timeline. */
export async function peopleByIds(db: Db, ids: readonly (string | null)[]) {
  const unique = [...new Set(ids.filter((id): id is string => !!id))];
  if (unique.length === 0)
    return new Map<string, { id: string; displayName: string; role: (typeof users.$inferSelect)['role'] }>();
  const rows = await db
    .select({ id: users.id, displayName: users.displayName, role: users.role })
    .from(users)
    .where(inArray(users.id, unique));
  return new Map(rows.map((r) => [r.id, r]));
}
