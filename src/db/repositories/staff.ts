import { createHash, randomBytes } from 'node:crypto';
import { and, asc, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import { STAFF_ROLES } from '../../domain/access/roles.ts';
import type { Db } from '../client.ts';
import { sessions, staffInvitations, users } from '../schema.ts';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

const staffColumns = {
  id: users.id,
  email: users.email,
  displayName: users.displayName,
  role: users.role,
  deactivatedAt: users.deactivatedAt,
  hasPassword: sql<boolean>`${users.passwordHash} is not null or ${users.oidcSubject} is not null`,
  createdAt: users.createdAt,
};

/**
 * An organisation's staff, by name then id, a page at a time (keyset: an organisation of any size is listed in
 * pages, never loaded whole).
 */
export async function listStaff(
  db: Db,
  organisationId: string,
  page: { after?: { name: string; id: string } | undefined; limit: number },
) {
  const after = page.after
    ? sql`(${users.displayName}, ${users.id}) > (${page.after.name}, ${page.after.id}::uuid)`
    : undefined;
  return db
    .select(staffColumns)
    .from(users)
    .where(and(eq(users.organisationId, organisationId), inArray(users.role, [...STAFF_ROLES]), after))
    .orderBy(asc(users.displayName), asc(users.id))
    .limit(page.limit);
}

export async function findStaffMember(db: Db, organisationId: string, id: string) {
  const [row] = await db
    .select(staffColumns)
    .from(users)
    .where(
      and(eq(users.id, id), eq(users.organisationId, organisationId), inArray(users.role, [...STAFF_ROLES])),
    )
    .limit(1);
  return row;
}

/**
 * The organisation's active administrators, rows locked until the end of the transaction: a concurrent change to
 * an administrator waits, so the « last admin » check cannot be raced.
 */
export async function lockActiveAdmins(tx: Db, organisationId: string): Promise<string[]> {
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(
      and(eq(users.organisationId, organisationId), eq(users.role, 'admin'), isNull(users.deactivatedAt)),
    )
    .for('update');
  return rows.map((r) => r.id);
}

export async function setStaffState(
  tx: Db,
  id: string,
  state: { role: (typeof users.$inferSelect)['role']; deactivatedAt: Date | null },
) {
  await tx.update(users).set(state).where(eq(users.id, id));
  // A deactivated account is signed out everywhere at once.
  if (state.deactivatedAt) await tx.delete(sessions).where(eq(sessions.userId, id));
}

/** A new invitation token for an account (any earlier one is replaced). Returns the token, shown or mailed once. */
export async function createInvitation(
  tx: Db,
  input: { userId: string; createdBy: string; now: Date; ttlDays: number },
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(input.now.getTime() + input.ttlDays * 86_400_000);
  await tx.delete(staffInvitations).where(eq(staffInvitations.userId, input.userId));
  await tx.insert(staffInvitations).values({
    tokenHash: hashToken(token),
    userId: input.userId,
    expiresAt,
    createdBy: input.createdBy,
    createdAt: input.now,
  });
  return { token, expiresAt };
}

/** The account an unexpired invitation token opens (active accounts only). */
export async function findInvitation(db: Db, token: string, now: Date) {
  const [row] = await db
    .select({ userId: staffInvitations.userId, email: users.email, displayName: users.displayName })
    .from(staffInvitations)
    .innerJoin(users, eq(users.id, staffInvitations.userId))
    .where(
      and(
        eq(staffInvitations.tokenHash, hashToken(token)),
        gt(staffInvitations.expiresAt, now),
        isNull(users.deactivatedAt),
      ),
    )
    .limit(1);
  return row;
}

/** Sets the password chosen through an invitation and spends the invitation, in the caller's transaction. */
export async function acceptInvitation(tx: Db, userId: string, passwordHash: string) {
  await tx.update(users).set({ passwordHash }).where(eq(users.id, userId));
  await tx.delete(staffInvitations).where(eq(staffInvitations.userId, userId));
}
