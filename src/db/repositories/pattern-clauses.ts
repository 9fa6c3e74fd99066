import { and, asc, eq, sql } from 'drizzle-orm';
import type { ImportedClause } from '../../domain/patterns/clauses/import.ts';
import type { CalendarDate } from '../../domain/shared/calendar-date.ts';
import type { Db } from '../client.ts';
import { contractClauses, memberships } from '../schema.ts';

function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as T[];
}

/** The most recent clauses of an organisation the review shows (a contract has tens of clauses, not thousands). */
export const CLAUSES_SHOWN = 500;

const clauseColumns = {
  id: contractClauses.id,
  product: contractClauses.product,
  title: contractClauses.title,
  text: contractClauses.text,
  topic: contractClauses.topic,
};

export async function insertClauses(
  tx: Db,
  organisationId: string,
  product: string | null,
  clauses: readonly ImportedClause[],
  importedById: string,
  importedAt: Date,
) {
  return tx
    .insert(contractClauses)
    .values(clauses.map((c) => ({ organisationId, product, ...c, importedById, importedAt })))
    .returning({ id: contractClauses.id, title: contractClauses.title });
}

export function clausesOf(db: Db, organisationId: string) {
  return db
    .select(clauseColumns)
    .from(contractClauses)
    .where(eq(contractClauses.organisationId, organisationId))
    .orderBy(asc(contractClauses.importedAt), asc(contractClauses.id))
    .limit(CLAUSES_SHOWN);
}

/** Complaints of the period by category and product, counted in SQL (the general conditions' disputes). */
export async function complaintsByCategoryAndProduct(
  db: Db,
  organisationId: string,
  from: CalendarDate,
  to: CalendarDate,
): Promise<{ category: string; product: string | null; count: number }[]> {
  const result = await db.execute(sql`
    select d.category, d.product, count(*)::int as count
      from dossiers d
     where d.organisation_id = ${organisationId}
       and d.received_on between ${from}::date and ${to}::date
       and d.status <> 'draft'
     group by 1, 2`);
  return rowsOf(result);
}

export interface DisputeRow {
  id: string;
  receivedOn: CalendarDate;
  category: string;
  product: string | null;
  text: string;
}

/**
 * One page of the period's complaints about money (their description names the line of the table of guarantees),
 * in (received_on, id) order after `after`: the caller streams the period page by page and keeps counts only.
 */
export async function moneyComplaintsPage(
  db: Db,
  organisationId: string,
  from: CalendarDate,
  to: CalendarDate,
  categories: readonly string[],
  after: { receivedOn: CalendarDate; id: string } | null,
  limit: number,
): Promise<DisputeRow[]> {
  const list = sql.join(
    categories.map((c) => sql`${c}`),
    sql`, `,
  );
  const keyset = after
    ? sql`and (d.received_on, d.id) > (${after.receivedOn}::date, ${after.id}::uuid)`
    : sql``;
  const result = await db.execute(sql`
    select d.id, to_char(d.received_on, 'YYYY-MM-DD') as "receivedOn", d.category, d.product,
           d.title || '. ' || d.description as text
      from dossiers d
     where d.organisation_id = ${organisationId}
       and d.received_on between ${from}::date and ${to}::date
       and d.status <> 'draft' and d.category in (${list})
       ${keyset}
     order by d.received_on, d.id
     limit ${limit}`);
  return rowsOf(result);
}

/** The latest count of members of each product on or before a day (the denominator of the rates). */
export async function membershipsOn(
  db: Db,
  organisationId: string,
  day: CalendarDate,
): Promise<{ product: string; members: number }[]> {
  const result = await db.execute(sql`
    select distinct on (m.product) m.product, m.members
      from memberships m
     where m.organisation_id = ${organisationId} and m.counted_on <= ${day}::date
     order by m.product, m.counted_on desc`);
  return rowsOf(result);
}

export async function upsertMemberships(
  tx: Db,
  organisationId: string,
  countedOn: CalendarDate,
  rows: readonly { product: string; members: number }[],
  now: Date,
) {
  for (const row of rows) {
    await tx
      .insert(memberships)
      .values({ organisationId, product: row.product, countedOn, members: row.members, updatedAt: now })
      .onConflictDoUpdate({
        target: [memberships.organisationId, memberships.product, memberships.countedOn],
        set: { members: row.members, updatedAt: now },
      });
  }
}

/** One clause of the organisation, locked for the caller's change (undefined when it is not the organisation's). */
export async function clauseForUpdate(tx: Db, organisationId: string, id: string) {
  const [row] = await tx
    .select(clauseColumns)
    .from(contractClauses)
    .where(and(eq(contractClauses.organisationId, organisationId), eq(contractClauses.id, id)))
    .for('update');
  return row;
}

export async function updateClause(
  tx: Db,
  organisationId: string,
  id: string,
  change: { title: string; text: string; product: string | null; topic: string | null },
) {
  const [row] = await tx
    .update(contractClauses)
    .set(change)
    .where(and(eq(contractClauses.organisationId, organisationId), eq(contractClauses.id, id)))
    .returning(clauseColumns);
  return row;
}

export async function deleteClause(tx: Db, organisationId: string, id: string) {
  const rows = await tx
    .delete(contractClauses)
    .where(and(eq(contractClauses.organisationId, organisationId), eq(contractClauses.id, id)))
    .returning({ id: contractClauses.id, title: contractClauses.title, product: contractClauses.product });
  return rows[0];
}

/** The membership counts entered, newest count first (a few products a year: bounded). */
export async function membershipCounts(
  db: Db,
  organisationId: string,
  limit: number,
): Promise<{ product: string; countedOn: CalendarDate; members: number }[]> {
  const result = await db.execute(sql`
    select m.product, to_char(m.counted_on, 'YYYY-MM-DD') as "countedOn", m.members
      from memberships m
     where m.organisation_id = ${organisationId}
     order by m.counted_on desc, m.product
     limit ${limit}`);
  return rowsOf(result);
}
