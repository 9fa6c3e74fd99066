import { and, desc, eq, gte, isNull, ne, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import {
  contacts,
  documents,
  dossiers,
  inboundEmails,
  letters,
  messages,
  organisations,
  users,
} from '../schema.ts';

export type InboundEmailRow = typeof inboundEmails.$inferSelect;

/** Members this organisation knows: recorded by its staff, or who brought a file against it. */
function knownTo(organisationId: string) {
  return sql`(${users.recordedByOrganisationId} = ${organisationId} or exists (
    select 1 from ${dossiers} where ${dossiers.memberId} = ${users.id} and ${dossiers.organisationId} = ${organisationId}
  ))`;
}

export interface MemberMatch {
  id: string;
  displayName: string;
  email: string | null;
  memberNumber: string | null;
  phone: string | null;
  hasAccount: boolean;
}

const memberColumns = {
  id: users.id,
  displayName: users.displayName,
  email: sql<string | null>`coalesce(${users.email}, ${users.contactEmail})`,
  memberNumber: users.memberNumber,
  phone: users.phone,
  hasAccount: sql<boolean>`${users.email} is not null`,
};

/**
 * Finds a member by name (part of it), member number or e-mail among the members this organisation knows.
 * Bounded (20 rows): a handler refines the search, he never pages through the membership.
 */
export async function searchMembers(db: Db, organisationId: string, query: string): Promise<MemberMatch[]> {
  const q = query.trim();
  const lowered = q.toLowerCase();
  const compact = q.replace(/[\s-]/g, '').toUpperCase();
  const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return db
    .select(memberColumns)
    .from(users)
    .where(
      and(
        eq(users.role, 'member'),
        isNull(users.claimedById),
        knownTo(organisationId),
        sql`(lower(${users.email}) = ${lowered} or lower(${users.contactEmail}) = ${lowered}
          or ${users.memberNumber} = ${compact}
          or exists (select 1 from ${dossiers} where ${dossiers.memberId} = ${users.id}
                     and ${dossiers.organisationId} = ${organisationId} and ${dossiers.memberNumber} = ${compact})
          or ${users.displayName} ilike ${pattern})`,
      ),
    )
    .orderBy(users.displayName)
    .limit(20);
}

export async function memberKnownTo(db: Db, organisationId: string, memberId: string) {
  const rows = await db
    .select()
    .from(users)
    .where(and(eq(users.id, memberId), eq(users.role, 'member'), knownTo(organisationId)))
    .limit(1);
  return rows[0];
}

export interface NewMemberRecord {
  displayName: string;
  contactEmail: string | null;
  phone: string | null;
  memberNumber: string | null;
  postalAddress: string | null;
  organisationId: string;
  claimCodeHash: string;
  claimCodeExpiresAt: Date;
}

export async function insertMemberRecord(db: Db, record: NewMemberRecord) {
  const [row] = await db
    .insert(users)
    .values({
      email: null,
      passwordHash: null,
      role: 'member',
      displayName: record.displayName,
      contactEmail: record.contactEmail,
      phone: record.phone,
      memberNumber: record.memberNumber,
      postalAddress: record.postalAddress,
      recordedByOrganisationId: record.organisationId,
      claimCodeHash: record.claimCodeHash,
      claimCodeExpiresAt: record.claimCodeExpiresAt,
    })
    .returning();
  return row!;
}

/** The sender of an e-mail: an account with this address, else a member record this organisation keeps. */
export async function memberByAddress(db: Db, organisationId: string, address: string) {
  const lowered = address.trim().toLowerCase();
  const rows = await db
    .select({ id: users.id, hasAccount: sql<boolean>`${users.email} is not null` })
    .from(users)
    .where(
      and(
        eq(users.role, 'member'),
        isNull(users.claimedById),
        sql`(lower(${users.email}) = ${lowered} or (lower(${users.contactEmail}) = ${lowered}
             and ${users.recordedByOrganisationId} = ${organisationId}))`,
      ),
    )
    // An account outranks a record kept by staff.
    .orderBy(sql`${users.email} is null`)
    .limit(1);
  return rows[0];
}

export async function memberByNumber(db: Db, organisationId: string, memberNumber: string) {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        eq(users.role, 'member'),
        isNull(users.claimedById),
        knownTo(organisationId),
        sql`(${users.memberNumber} = ${memberNumber} or exists (select 1 from ${dossiers}
             where ${dossiers.memberId} = ${users.id} and ${dossiers.organisationId} = ${organisationId}
             and ${dossiers.memberNumber} = ${memberNumber}))`,
      ),
    )
    .limit(2);
  // Two members under one number is a data error: identify by hand.
  return rows.length === 1 ? rows[0] : undefined;
}

export async function openFilesOf(db: Db, memberId: string, organisationId: string): Promise<string[]> {
  const rows = await db
    .select({ id: dossiers.id })
    .from(dossiers)
    .where(
      and(
        eq(dossiers.memberId, memberId),
        eq(dossiers.organisationId, organisationId),
        ne(dossiers.status, 'closed'),
        isNull(dossiers.mergedIntoId),
      ),
    )
    .orderBy(desc(dossiers.updatedAt))
    .limit(5);
  return rows.map((r) => r.id);
}

export async function dossierByReference(db: Db, organisationId: string, reference: string) {
  const rows = await db
    .select({ id: dossiers.id, memberId: dossiers.memberId })
    .from(dossiers)
    .where(and(eq(dossiers.organisationId, organisationId), eq(dossiers.reference, reference)))
    .limit(1);
  return rows[0];
}

export async function organisationByComplaintsAddress(db: Db, address: string) {
  const rows = await db
    .select()
    .from(organisations)
    .where(sql`lower(${organisations.complaintsEmail}) = ${address.trim().toLowerCase()}`)
    .limit(1);
  return rows[0];
}

export async function recentInboundCount(db: Db, organisationId: string, from: string, since: Date) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(inboundEmails)
    .where(
      and(
        eq(inboundEmails.organisationId, organisationId),
        eq(inboundEmails.fromAddress, from.toLowerCase()),
        gte(inboundEmails.receivedAt, since),
      ),
    );
  return row?.n ?? 0;
}

export async function findInbound(db: Db, organisationId: string, messageId: string) {
  const rows = await db
    .select()
    .from(inboundEmails)
    .where(and(eq(inboundEmails.organisationId, organisationId), eq(inboundEmails.messageId, messageId)))
    .limit(1);
  return rows[0];
}

export async function insertInbound(db: Db, values: typeof inboundEmails.$inferInsert) {
  const [row] = await db
    .insert(inboundEmails)
    .values({ ...values, fromAddress: values.fromAddress.toLowerCase() })
    .returning();
  return row!;
}

/** The pieces of a duplicate move to the file that stays; the duplicate keeps its own history rows. */
export async function moveFileContents(db: Db, fromId: string, toId: string) {
  await db.update(documents).set({ dossierId: toId }).where(eq(documents.dossierId, fromId));
  await db.update(messages).set({ dossierId: toId }).where(eq(messages.dossierId, fromId));
  await db.update(contacts).set({ dossierId: toId }).where(eq(contacts.dossierId, fromId));
  await db.update(letters).set({ dossierId: toId }).where(eq(letters.dossierId, fromId));
}

/** The files of one member in one organisation received around a date: the only ones a duplicate can be. */
export function filesAround(db: Db, memberId: string, organisationId: string, from: Date, to: Date) {
  return db
    .select({
      id: dossiers.id,
      memberId: dossiers.memberId,
      organisationId: dossiers.organisationId,
      category: dossiers.category,
      amountCents: dossiers.amountCents,
      title: dossiers.title,
      description: dossiers.description,
      facts: dossiers.facts,
      createdAt: dossiers.createdAt,
      reference: dossiers.reference,
      channel: dossiers.channel,
      status: dossiers.status,
    })
    .from(dossiers)
    .where(
      and(
        eq(dossiers.memberId, memberId),
        eq(dossiers.organisationId, organisationId),
        isNull(dossiers.mergedIntoId),
        gte(dossiers.createdAt, from),
        sql`${dossiers.createdAt} <= ${to}`,
      ),
    )
    .limit(50);
}

export async function claimableRecords(db: Db, codeHash: string, now: Date) {
  return db
    .select()
    .from(users)
    .where(
      and(
        eq(users.claimCodeHash, codeHash),
        isNull(users.claimedById),
        isNull(users.email),
        sql`${users.claimCodeExpiresAt} > ${now}`,
      ),
    )
    .limit(2);
}

export async function moveMemberFiles(db: Db, fromMemberId: string, toMemberId: string) {
  return (
    db
      .update(dossiers)
      // updated_at: the reminders job's same-day runs read the files changed since (their member's reminders too).
      .set({ memberId: toMemberId, updatedAt: sql`now()` })
      .where(eq(dossiers.memberId, fromMemberId))
      .returning({ id: dossiers.id })
  );
}
