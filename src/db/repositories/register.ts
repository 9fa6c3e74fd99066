import { and, eq, inArray, isNotNull, isNull, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { COUNT_CAP, SEARCH_COUNT_CAP } from '../../contracts/api/register.ts';
import type { DossierCategory } from '../../contracts/categories.ts';
import type { ComplaintChannel } from '../../contracts/channels.ts';
import type { DossierStatus } from '../../contracts/dossier-status.ts';
import { colourBounds, type DayBounds } from '../../domain/register/colour-days.ts';
import type { SlaColour } from '../../domain/register/sla.ts';
import type { CalendarDate } from '../../domain/shared/calendar-date.ts';
import type { Db } from '../client.ts';
import { documents, dossiers, users } from '../schema.ts';

export interface RegisterSearch {
  text: string;
  /** Members whose name matches (found first, on their own index): their files match too. */
  memberIds: readonly string[];
  /** Files whose scanned letters' text (OCR, docs/intake.md) matches, found on the documents' own index. */
  documentDossierIds?: readonly string[];
}

export interface RegisterFilters {
  organisationId: string;
  statuses?: readonly DossierStatus[] | undefined;
  categories?: readonly DossierCategory[] | undefined;
  channels?: readonly ComplaintChannel[] | undefined;
  /** A handler's id, or 'none' for the files nobody has taken. */
  handlerId?: string | undefined;
  /** Complaint date (the projection's `complaint_on`), inclusive, `YYYY-MM-DD`. */
  from?: string | undefined;
  to?: string | undefined;
  /** Worst colour of the two ACPR clocks on `today`. */
  sla?: readonly SlaColour[] | undefined;
  search?: RegisterSearch | undefined;
  /** The Paris calendar day the colours are evaluated on. */
  today: CalendarDate;
}

/** Where a page starts: after the last row of the previous page (keyset), or a bounded offset. */
export type RegisterPosition =
  | { sort: 'urgency'; after?: { due: string; reference: string } | undefined; offset: number }
  | { sort: 'date'; after?: { on: string; reference: string } | undefined; offset: number }
  | { sort: 'relevance'; offset: number };

export { COUNT_CAP };
/** Search results are ranked among this many matching files at most (bounded work per keystroke). */
export const RANKED_CANDIDATES = SEARCH_COUNT_CAP;

const member = alias(users, 'register_member');
const handler = alias(users, 'register_handler');

/** Urgency key: the nearest actionable due date; files with no running clock last (docs/decisions/0007-deadline-projection.md). */
const urgencySql = sql`coalesce(${dossiers.nextDueOn}, 'infinity'::date)`;

/** A bound of `colourBounds` on a stored colour day, as plain comparisons the planner estimates and indexes serve. */
function dayWithin(column: SQL, bounds: DayBounds | undefined): SQL[] {
  if (!bounds) return [];
  const where: SQL[] = [];
  if (bounds.after !== undefined) where.push(sql`${column} > ${bounds.after}::date`);
  if (bounds.upTo !== undefined) where.push(sql`${column} <= ${bounds.upTo}::date`);
  return where;
}

/**
 * The file's worst colour (`worstColour` of `clocksAt`) is `colour` on `today`: its stored colour days
 * (`colourDaysOf`, written with the projection) compared with today's date, by the domain's `colourBounds`; grey
 * when the file has none. The property test (test/db/deadline-projection.test.ts) checks this condition against
 * the engine, day after day.
 */
export function worstColourIs(colour: SlaColour, today: CalendarDate): SQL {
  if (colour === 'grey') return sql`${dossiers.slaAmberOn} is null`;
  const bounds = colourBounds(colour, today);
  const where = [
    ...dayWithin(sql`${dossiers.slaAmberOn}`, bounds.amberOn),
    ...dayWithin(sql`${dossiers.slaRedOn}`, bounds.redOn),
  ];
  return sql`(${sql.join(where, sql` and `)})`;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function tsQuery(text: string): SQL {
  return sql`websearch_to_tsquery('recours_fr', ${text})`;
}

/** A file matches by its words, a part of its reference or of the organisation's reference, or its member. */
function searchCondition(search: RegisterSearch): SQL {
  const arms: SQL[] = [sql`${dossiers.searchVector} @@ ${tsQuery(search.text)}`];
  // Trigram indexes serve parts of at least 3 characters.
  if (search.text.length >= 3) {
    const like = `%${escapeLike(search.text)}%`;
    arms.push(sql`${dossiers.reference} ilike ${like}`);
    arms.push(sql`${dossiers.organisationReference} ilike ${like}`);
  }
  if (search.memberIds.length > 0) arms.push(inArray(dossiers.memberId, [...search.memberIds]));
  if (search.documentDossierIds?.length) arms.push(inArray(dossiers.id, [...search.documentDossierIds]));
  return sql`(${sql.join(arms, sql` or `)})`;
}

/** The register's filters as SQL conditions: the list and the exports (issue 14) select the same files. */
export function registerConditions(f: RegisterFilters): SQL[] {
  // A draft the member has not transmitted is not the organisation's to see (access policy, issue 16).
  const where: SQL[] = [eq(dossiers.organisationId, f.organisationId), isNotNull(dossiers.transmittedAt)];
  if (f.statuses?.length) where.push(inArray(dossiers.status, [...f.statuses]));
  if (f.categories?.length) where.push(inArray(dossiers.category, [...f.categories]));
  if (f.channels?.length) where.push(inArray(dossiers.channel, [...f.channels]));
  if (f.handlerId === 'none') where.push(isNull(dossiers.assignedHandlerId));
  else if (f.handlerId) where.push(eq(dossiers.assignedHandlerId, f.handlerId));
  if (f.from) where.push(sql`${dossiers.complaintOn} >= ${f.from}`);
  if (f.to) where.push(sql`${dossiers.complaintOn} <= ${f.to}`);
  if (f.sla?.length) {
    const colours = [...new Set(f.sla)].map((c) => worstColourIs(c, f.today));
    where.push(sql`(${sql.join(colours, sql` or `)})`);
  }
  if (f.search) where.push(searchCondition(f.search));
  return where;
}

/** Files of an organisation whose scanned letters' text matches the words typed, bounded. */
export async function filesWithTextMatching(db: Db, organisationId: string, text: string, limit = 200) {
  const rows = await db
    .selectDistinct({ id: documents.dossierId })
    .from(documents)
    .innerJoin(dossiers, eq(dossiers.id, documents.dossierId))
    .where(
      and(
        eq(dossiers.organisationId, organisationId),
        // A medical piece's text is never searchable by the organisation's staff (docs/medical-secrecy.md).
        eq(documents.medical, false),
        sql`to_tsvector('recours_fr'::regconfig, coalesce(${documents.ocrText}, '')) @@ ${tsQuery(text)}`,
      ),
    )
    .limit(limit);
  return rows.map((r) => r.id);
}

/** Members whose name matches the words typed (accents and case aside), bounded. */
export async function membersNamed(db: Db, text: string, limit = 200): Promise<string[]> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        eq(users.role, 'member'),
        sql`to_tsvector('recours_name'::regconfig, ${users.displayName}) @@ websearch_to_tsquery('recours_name', ${text})`,
      ),
    )
    .limit(limit);
  return rows.map((r) => r.id);
}

const columns = {
  id: dossiers.id,
  reference: dossiers.reference,
  title: dossiers.title,
  category: dossiers.category,
  suggestedCategory: dossiers.suggestedCategory,
  channel: dossiers.channel,
  status: dossiers.status,
  priority: dossiers.priority,
  amountCents: dossiers.amountCents,
  facts: dossiers.facts,
  decision: dossiers.decision,
  createdAt: dossiers.createdAt,
  erasedAt: dossiers.erasedAt,
  complaintOn: dossiers.complaintOn,
  slaAckDueOn: dossiers.slaAckDueOn,
  slaAckStatus: dossiers.slaAckStatus,
  slaAckDone: dossiers.slaAckDone,
  slaAnswerDueOn: dossiers.slaAnswerDueOn,
  slaAnswerStatus: dossiers.slaAnswerStatus,
  slaAnswerDone: dossiers.slaAnswerDone,
  nextDueOn: dossiers.nextDueOn,
  memberName: member.displayName,
  assignedHandlerId: dossiers.assignedHandlerId,
  handlerName: handler.displayName,
};

function base(db: Db) {
  return db
    .select(columns)
    .from(dossiers)
    .innerJoin(member, eq(member.id, dossiers.memberId))
    .leftJoin(handler, eq(handler.id, dossiers.assignedHandlerId));
}

/**
 * The rows of one ordered page: the page is chosen on the files alone (on the urgency index, read without the table
 * when the filters are in it), then only its rows are joined to names. Joining before the offset read every
 * skipped row's member: 10 000 lookups for a page at offset 9 950.
 */
function orderedPage(db: Db, where: SQL[], order: SQL[], limit: number, offset: number) {
  const page = db
    .select({ reference: dossiers.reference })
    .from(dossiers)
    .where(and(...where))
    .orderBy(...order)
    .limit(limit + 1)
    .offset(offset)
    .as('page');
  return base(db)
    .innerJoin(page, eq(page.reference, dossiers.reference))
    .orderBy(...order);
}

/**
 * The same page when the filters select a bounded set, the amber files (those turning red within
 * LONGEST_AMBER_DAYS, a few days' worth of due dates): the set is read whole on the colour index and sorted. Given a
 * LIMIT, PostgreSQL preferred walking the urgency index in order, and in urgency order every red file comes first: at
 * a million files the first amber page read 125 181 index entries (14.8 ms in SQL, 93 ms p95 through the API) where
 * sorting the 7 344 amber files takes 3 ms. OFFSET 0 keeps the inner query from being merged into the outer one, so
 * it is planned for all its rows.
 */
function boundedPage(
  db: Db,
  where: SQL[],
  sort: 'urgency' | 'date',
  order: SQL[],
  limit: number,
  offset: number,
) {
  const candidateOrder =
    sort === 'urgency' ? sql`due, reference` : sql`complaint_on desc nulls first, reference desc`;
  const page = sql`(select reference from (select ${dossiers.reference} as reference, ${urgencySql} as due,
    ${dossiers.complaintOn} as complaint_on from ${dossiers} where ${and(...where)} offset 0) as candidates
    order by ${candidateOrder} limit ${limit + 1} offset ${offset}) as bounded_page`;
  return base(db)
    .innerJoin(page, sql`bounded_page.reference = ${dossiers.reference}`)
    .orderBy(...order);
}

/** Only amber: a bounded set of files (see `boundedPage`). */
function onlyAmber(filters: RegisterFilters): boolean {
  return filters.sla !== undefined && filters.sla.length > 0 && filters.sla.every((c) => c === 'amber');
}

/**
 * One page of the register, in the database, and how many files match (up to `countCapOf` + 1): filters, order and
 * limit on indexes (urgency and date orders are keyset: the page after a given row costs the same at row 10 and at
 * row 900 000). Returns `limit + 1` rows at most: the extra one says that a next page exists.
 */
export async function registerPage(
  db: Db,
  filters: RegisterFilters,
  position: RegisterPosition,
  limit: number,
): Promise<{ rows: RegisterRow[]; total: number }> {
  const where = registerConditions(filters);
  if (position.sort === 'relevance') return rankedPage(db, filters, where, position.offset, limit);
  let order: SQL[];
  if (position.sort === 'urgency') {
    if (position.after) {
      where.push(
        sql`(${urgencySql}, ${dossiers.reference}) > (${position.after.due}::date, ${position.after.reference})`,
      );
    }
    order = [urgencySql, sql`${dossiers.reference}`];
  } else {
    if (position.after) {
      where.push(
        sql`(${dossiers.complaintOn}, ${dossiers.reference}) < (${position.after.on}::date, ${position.after.reference})`,
      );
    }
    order = [sql`${dossiers.complaintOn} desc`, sql`${dossiers.reference} desc`];
  }
  const [rows, total] = await Promise.all([
    onlyAmber(filters)
      ? boundedPage(db, where, position.sort, order, limit, position.offset)
      : orderedPage(db, where, order, limit, position.offset),
    registerCount(db, filters),
  ]);
  return { rows, total };
}
export type RegisterRow = Awaited<ReturnType<typeof orderedPage>>[number];

/**
 * Relevance: a bounded set of matches (RANKED_CANDIDATES + 1, the one more saying « plus de 2 000 ») is ranked,
 * best first, and counted in the same statement: a common word is matched once, not once more to count it.
 */
async function rankedPage(db: Db, filters: RegisterFilters, where: SQL[], offset: number, limit: number) {
  const search = filters.search;
  const rank = search
    ? sql`ts_rank(${dossiers.searchVector}, ${tsQuery(search.text)}) + (case when ${dossiers.reference} ilike ${`%${escapeLike(search.text)}%`} then 1 else 0 end)`
    : sql`0`;
  const candidates = db
    .select({ reference: dossiers.reference, rank: sql<number>`${rank}`.as('rank') })
    .from(dossiers)
    .where(and(...where))
    .limit(RANKED_CANDIDATES + 1)
    .as('candidates');
  const page = db
    .select({
      reference: candidates.reference,
      rank: sql<number>`${candidates.rank}`.as('page_rank'),
      matched: sql<number>`(count(*) over ())::int`.as('matched'),
    })
    .from(candidates)
    .orderBy(sql`${candidates.rank} desc`, candidates.reference)
    .limit(limit + 1)
    .offset(offset)
    .as('page');
  const ranked = await db
    .select({ ...columns, matched: page.matched })
    .from(dossiers)
    .innerJoin(member, eq(member.id, dossiers.memberId))
    .leftJoin(handler, eq(handler.id, dossiers.assignedHandlerId))
    .innerJoin(page, eq(page.reference, dossiers.reference))
    .orderBy(sql`${page.rank} desc`, dossiers.reference);
  const rows: RegisterRow[] = ranked.map(({ matched: _, ...row }) => row);
  const first = ranked[0];
  // Past the last page nothing carries the count: count apart (rare).
  const total = first ? Number(first.matched) : offset > 0 ? await registerCount(db, filters) : 0;
  return { rows, total };
}

/**
 * Where the count of matching files stops: COUNT_CAP, or SEARCH_COUNT_CAP for a search (a common word matches a
 * tenth of a large organisation, and only RANKED_CANDIDATES of them are ranked anyway).
 */
export function countCapOf(filters: RegisterFilters): number {
  return filters.search ? SEARCH_COUNT_CAP : COUNT_CAP;
}

/** How many files match, counted up to `countCapOf` + 1 (more means « plus de 10 000 », « plus de 2 000 »). */
export async function registerCount(db: Db, filters: RegisterFilters): Promise<number> {
  const inner = db
    .select({ one: sql`1` })
    .from(dossiers)
    .where(and(...registerConditions(filters)))
    .limit(countCapOf(filters) + 1)
    .as('matching');
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(inner);
  return row?.n ?? 0;
}

/** The handlers and supervisors of an organisation, with how many open files each one holds (index-only counts). */
export async function staffWithLoad(db: Db, organisationId: string) {
  type Row = { id: string; displayName: string; role: string; openFiles: number };
  const result = (await db.execute(sql`
    select u.id, u.display_name as "displayName", u.role,
      (select count(*)::int from dossiers d
        where d.assigned_handler_id = u.id and d.status not in ('closed', 'draft')) as "openFiles"
    from users u
    where u.organisation_id = ${organisationId} and u.role in ('handler', 'supervisor')
    order by u.display_name`)) as unknown as { rows: Row[] };
  return result.rows.map((r) => ({ ...r, openFiles: Number(r.openFiles) }));
}
