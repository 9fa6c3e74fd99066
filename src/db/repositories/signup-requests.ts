import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { signupRequests } from '../schema.ts';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createSignupRequest(
  db: Db,
  request: { email: string; displayName: string; passwordHash: string },
  ttlHours: number,
  now: Date,
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  // Old links of the same address stop working: only the latest request counts.
  await db.delete(signupRequests).where(sql`lower(${signupRequests.email}) = ${request.email.toLowerCase()}`);
  await db.delete(signupRequests).where(lt(signupRequests.expiresAt, now));
  await db.insert(signupRequests).values({
    tokenHash: hashToken(token),
    ...request,
    expiresAt: new Date(now.getTime() + ttlHours * 3_600_000),
    createdAt: now,
  });
  return token;
}

/** Takes a valid request out of the table (one use only); undefined when unknown or expired. */
export async function takeSignupRequest(db: Db, token: string, now: Date) {
  const rows = await db
    .delete(signupRequests)
    .where(and(eq(signupRequests.tokenHash, hashToken(token)), gt(signupRequests.expiresAt, now)))
    .returning();
  return rows[0];
}
