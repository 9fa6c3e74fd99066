import { and, asc, eq, gt, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../client.ts';
import { dossiers, users } from '../schema.ts';
import { type RegisterFilters, registerConditions } from './register.ts';

const member = alias(users, 'export_member');
const handler = alias(users, 'export_handler');

/**
 * The register's files matching the filters, a page at a time in reference order (keyset on the unique index):
 * an export of a million rows holds one page in memory, on PostgreSQL and PGlite alike, and never a long
 * transaction that would block the embedded database's single connection.
 */
export async function* registerExportPages(db: Db, filters: RegisterFilters, pageSize = 1000) {
  let after: string | null = null;
  for (;;) {
    const where: SQL[] = registerConditions(filters);
    if (after !== null) where.push(gt(dossiers.reference, after));
    const page = await db
      .select({
        reference: dossiers.reference,
        title: dossiers.title,
        category: dossiers.category,
        channel: dossiers.channel,
        status: dossiers.status,
        priority: dossiers.priority,
        amountCents: dossiers.amountCents,
        facts: dossiers.facts,
        slaAckDueOn: dossiers.slaAckDueOn,
        slaAckStatus: dossiers.slaAckStatus,
        slaAckDone: dossiers.slaAckDone,
        slaAnswerDueOn: dossiers.slaAnswerDueOn,
        slaAnswerStatus: dossiers.slaAnswerStatus,
        slaAnswerDone: dossiers.slaAnswerDone,
        decision: dossiers.decision,
        product: dossiers.product,
        region: dossiers.region,
        receivedOn: dossiers.receivedOn,
        satisfactionScore: dossiers.satisfactionScore,
        erasedAt: dossiers.erasedAt,
        memberName: member.displayName,
        handlerName: handler.displayName,
      })
      .from(dossiers)
      .innerJoin(member, eq(member.id, dossiers.memberId))
      .leftJoin(handler, eq(handler.id, dossiers.assignedHandlerId))
      .where(and(...where))
      .orderBy(asc(dossiers.reference))
      .limit(pageSize);
    if (page.length === 0) return;
    yield page;
    if (page.length < pageSize) return;
    after = page.at(-1)!.reference;
  }
}
type PageOf<G> = G extends AsyncGenerator<infer P> ? P : never;
export type ExportRow = PageOf<ReturnType<typeof registerExportPages>>[number];
