import { and, asc, eq, sql } from 'drizzle-orm';
import type { ImportedClause } from '../../domain/patterns/clauses/import.ts';
import type { CalendarDate } from '../../domain/shared/calendar-date.ts';
import type { Database, Db } from '../client.ts';
import { contractClauses, memberships } from '../schema.ts';
import { withSnapshot } from '../snapshot.ts';

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
  category: string;
  product: string | null;
  text: string;
}

/**
 * Every complaint of the period about money (its description names the line of the table of guarantees), handed
 * to `visit` batch by batch from one server-side cursor: one sequential read of the period, memory flat, the
 * caller keeps counts only. Pages by (received_on, id) were an index scan each, and the files of a period lie
 * scattered in the table: 250 pages for two years of a million files cost ~9 times the blocks of one scan.
 */
export async function forEachMoneyComplaint(
  database: Database,
  organisationId: string,
  from: CalendarDate,
  to: CalendarDate,
  categories: readonly string[],
  visit: (rows: readonly DisputeRow[]) => void,
): Promise<void> {
  await withSnapshot(database, async (s) => {
    // A cursor is planned for its first rows (cursor_tuple_fraction 0.1): an index scan; it is read to the end.
    await s.query('set local cursor_tuple_fraction = 1');
    const rows = s.cursor(
      `select d.category, d.product, d.title || '. ' || d.description
         from dossiers d
        where d.organisation_id = $1::uuid
          and d.received_on between $2::date and $3::date
          and d.status <> 'draft' and d.category = any($4::text[])`,
      5000,
      [organisationId, from, to, [...categories]],
    );
    for await (const batch of rows) {
      visit(
        batch.map(([category, product, text]) => ({
          category: category!,
          product: product ?? null,
          text: text ?? '',
        })),
      );
    }
  });
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
