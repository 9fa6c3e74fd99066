import { and, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../client.ts';
import { dossiers, users } from '../schema.ts';

export interface RegisterFilters {
  organisationId: string;
  statuses?: readonly string[] | undefined;
  categories?: readonly string[] | undefined;
  channels?: readonly string[] | undefined;
  /** A handler's id, or 'none' for the files nobody has taken. */
  handlerId?: string | undefined;
  /** Complaint date (sent, else received, else opened), inclusive, `YYYY-MM-DD`. */
  from?: string | undefined;
  to?: string | undefined;
  /** French full-text search (websearch syntax: words, "phrase", -exclusion). */
  q?: string | undefined;
}

const member = alias(users, 'register_member');
const handler = alias(users, 'register_handler');

/** The complaint date the register shows and filters on: sending starts the ACPR clocks (reference §1). */
export const complaintDateSql = sql<string>`coalesce(${dossiers.facts}->>'complaintSentOn', ${dossiers.facts}->>'complaintReceivedOn', to_char(${dossiers.createdAt} at time zone 'Europe/Paris', 'YYYY-MM-DD'))`;

/** The register's filters as SQL conditions: the list and the exports (issue 14) select the same files. */
export function registerConditions(f: RegisterFilters): SQL[] {
  const where: SQL[] = [eq(dossiers.organisationId, f.organisationId)];
  if (f.statuses?.length) where.push(inArray(dossiers.status, [...f.statuses]));
  if (f.categories?.length) where.push(inArray(dossiers.category, [...f.categories]));
  if (f.channels?.length) where.push(inArray(dossiers.channel, [...f.channels]));
  if (f.handlerId === 'none') where.push(isNull(dossiers.assignedHandlerId));
  else if (f.handlerId) where.push(eq(dossiers.assignedHandlerId, f.handlerId));
  if (f.from) where.push(sql`${complaintDateSql} >= ${f.from}`);
  if (f.to) where.push(sql`${complaintDateSql} <= ${f.to}`);
  if (f.q?.trim()) where.push(sql`${dossiers.searchVector} @@ websearch_to_tsquery('french', ${f.q.trim()})`);
  return where;
}

/**
 * Every file of the register matching the filters, with the columns the register shows and the facts the SLA
 * clocks need (never the description or the documents: the list stays light for thousands of files).
 */
export async function registerRows(db: Db, filters: RegisterFilters) {
  return db
    .select({
      id: dossiers.id,
      reference: dossiers.reference,
      title: dossiers.title,
      category: dossiers.category,
      channel: dossiers.channel,
      status: dossiers.status,
      priority: dossiers.priority,
      amountCents: dossiers.amountCents,
      facts: dossiers.facts,
      organisationKind: dossiers.organisationKind,
      zone: dossiers.zone,
      decision: dossiers.decision,
      createdAt: dossiers.createdAt,
      erasedAt: dossiers.erasedAt,
      complaintDate: complaintDateSql,
      memberName: member.displayName,
      assignedHandlerId: dossiers.assignedHandlerId,
      handlerName: handler.displayName,
    })
    .from(dossiers)
    .innerJoin(member, eq(member.id, dossiers.memberId))
    .leftJoin(handler, eq(handler.id, dossiers.assignedHandlerId))
    .where(and(...registerConditions(filters)));
}
export type RegisterRow = Awaited<ReturnType<typeof registerRows>>[number];

/** The handlers and supervisors of an organisation, with how many open files each one holds. */
export async function staffWithLoad(db: Db, organisationId: string) {
  return db
    .select({
      id: users.id,
      displayName: users.displayName,
      role: users.role,
      openFiles: sql<number>`(select count(*)::int from ${dossiers} where ${dossiers.assignedHandlerId} = ${users.id} and ${dossiers.status} not in ('closed', 'draft'))`,
    })
    .from(users)
    .where(and(eq(users.organisationId, organisationId), inArray(users.role, ['handler', 'supervisor'])))
    .orderBy(users.displayName);
}
