import { and, eq, sql } from 'drizzle-orm';
import type { Role } from '../../domain/access/roles.ts';
import type { Db } from '../client.ts';
import { organisations, users } from '../schema.ts';

export type UserRow = typeof users.$inferSelect;

export interface NewUser {
  email: string;
  displayName: string;
  passwordHash: string | null;
  role: Role;
  organisationId?: string | null;
  oidcIssuer?: string | null;
  oidcSubject?: string | null;
}

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  const rows = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${email.trim().toLowerCase()}`)
    .limit(1);
  return rows[0];
}

export async function findUserById(db: Db, id: string): Promise<UserRow | undefined> {
  const rows = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return rows[0];
}

export async function findUserByOidc(db: Db, issuer: string, subject: string): Promise<UserRow | undefined> {
  const rows = await db
    .select()
    .from(users)
    .where(and(eq(users.oidcIssuer, issuer), eq(users.oidcSubject, subject)))
    .limit(1);
  return rows[0];
}

export async function insertUser(db: Db, user: NewUser): Promise<UserRow> {
  const [row] = await db
    .insert(users)
    .values({ ...user, email: user.email.trim() })
    .returning();
  return row!;
}

export async function linkOidcIdentity(db: Db, userId: string, issuer: string, subject: string) {
  await db.update(users).set({ oidcIssuer: issuer, oidcSubject: subject }).where(eq(users.id, userId));
}

export async function organisationOf(db: Db, organisationId: string | null) {
  if (!organisationId) return undefined;
  const rows = await db.select().from(organisations).where(eq(organisations.id, organisationId)).limit(1);
  return rows[0];
}
