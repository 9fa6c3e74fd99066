import { randomBytes, randomUUID } from 'node:crypto';
import {
  and,
  asc,
  count,
  desc,
  eq,
  fillPlaceholders,
  getTableColumns,
  gt,
  isNotNull,
  type SQL,
  sql,
} from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { DossierScope } from '../../domain/access/policy.ts';
import type { Database, Db } from '../client.ts';
import { dossiers } from '../schema.ts';
import { chainAppendCtes, type NewAuditEvent } from './audit.ts';
import { PROJECTION_KEYS, projectionOf } from './deadline-projection.ts';
import { sessionTokenHash } from './sessions.ts';

export type DossierRow = typeof dossiers.$inferSelect;
export type NewDossier = typeof dossiers.$inferInsert;

/** The SQL twin of `canReadDossier`: list queries filter in the database, never after loading. */
export function scopeCondition(scope: DossierScope): SQL | undefined {
  switch (scope.kind) {
    case 'member':
      return eq(dossiers.memberId, scope.memberId);
    case 'organisation':
      // Drafts stay private to the member until he transmits them (canReadDossier).
      return and(eq(dossiers.organisationId, scope.organisationId), isNotNull(dossiers.transmittedAt));
    case 'mediator':
      return eq(dossiers.mediatorId, scope.mediatorId);
    case 'none':
      return undefined;
  }
}

export async function listDossiers(db: Db, scope: DossierScope): Promise<DossierRow[]> {
  const condition = scopeCondition(scope);
  if (!condition) return [];
  return db.select().from(dossiers).where(condition).orderBy(desc(dossiers.createdAt)).limit(500);
}

export async function findDossier(db: Db, id: string): Promise<DossierRow | undefined> {
  const rows = await db.select().from(dossiers).where(eq(dossiers.id, id)).limit(1);
  return rows[0];
}

export async function findByIdempotencyKey(db: Db, memberId: string, key: string) {
  const rows = await db
    .select()
    .from(dossiers)
    .where(and(eq(dossiers.memberId, memberId), eq(dossiers.idempotencyKey, key)))
    .limit(1);
  return rows[0];
}

// Crockford base32 without ambiguous letters: a reference read over the phone must survive it.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
// Random bytes drawn 6 KiB at a time, as node:crypto's randomUUID does: one call to the generator per thousand
// references rather than one per creation (it showed in the creation's profile).
const RANDOM_POOL = 6 * 1024;
let randomPool = Buffer.alloc(0);
let randomAt = RANDOM_POOL;

export function newReference(year: number): string {
  if (randomAt + 6 > randomPool.length) {
    randomPool = randomBytes(RANDOM_POOL);
    randomAt = 0;
  }
  let code = '';
  for (let i = 0; i < 6; i++) code += ALPHABET[randomPool[randomAt + i]! % 32];
  randomAt += 6;
  return `REC-${year}-${code}`;
}

/** Inserts a file with its deadline projection (one statement): the day of the change is `updatedAt`. */
export async function insertDossier(db: Db, values: NewDossier): Promise<DossierRow> {
  const [row] = await db.insert(dossiers).values(withProjection(values)).returning();
  return row!;
}

/**
 * Six random characters give about a billion references a year: at a million files a year, about one new
 * reference in a thousand is already taken. A taken one is redrawn, never an error for the member.
 */
export const REFERENCE_DRAWS = 5;

/**
 * Inserts a new file under a freshly drawn reference, drawing again when it is taken; `ON CONFLICT` rather than a
 * caught error, so that an enclosing transaction is not aborted by the collision.
 */
export async function insertNewDossier(
  db: Db,
  year: number,
  values: Omit<NewDossier, 'reference'>,
  drawReference: (year: number) => string = newReference,
): Promise<DossierRow> {
  for (let draw = 1; draw <= REFERENCE_DRAWS; draw++) {
    const [row] = await db
      .insert(dossiers)
      .values(withProjection({ ...values, reference: drawReference(year) }))
      .onConflictDoNothing({ target: dossiers.reference })
      .returning();
    if (row) return row;
  }
  throw new Error(`no free file reference after ${REFERENCE_DRAWS} draws`);
}

/** The error of a statement that drew a reference already taken (the one-statement creation raises it). */
export function isReferenceCollision(error: unknown): boolean {
  const e = error as { code?: string; constraint?: string; cause?: { code?: string; constraint?: string } };
  const cause = e?.code ? e : e?.cause;
  return cause?.code === '23505' && cause.constraint === 'dossiers_reference_unique';
}

/** An event without its file (the file is being created); distributive, so each type keeps its payload. */
type EventOfNewFile = NewAuditEvent extends infer E
  ? E extends unknown
    ? Omit<E, 'dossierId'>
    : never
  : never;

/** The columns a creation writes (the others keep their defaults), in the order of the statement. */
const CREATED_COLUMNS = [
  'id',
  'reference',
  'memberId',
  'organisationId',
  'organisationKind',
  'category',
  'title',
  'description',
  'amountCents',
  'facts',
  'status',
  'idempotencyKey',
  'idempotencyHash',
  'suggestedCategory',
  'priority',
  'createdAt',
  'updatedAt',
  ...PROJECTION_KEYS,
] as const satisfies readonly (keyof NewDossier)[];

type CreatedColumn = (typeof CREATED_COLUMNS)[number];

/** Who creates, checked by the statement itself against the tables (never only against this process's memory). */
export interface CreationGuard {
  /** The session the request came with: it must still exist, unexpired, its account active and of this role. */
  sessionToken: string;
  role: string;
  now: Date;
  /** The organisation chosen in the list and the kind this process believes it has; null for one typed in. */
  organisation: { id: string; kind: string } | null;
  /** The organisation's name when typed in (ignored when chosen in the list: its name is read from the table). */
  organisationName: string;
}

const columns = getTableColumns(dossiers);
const ph = (name: string) => sql.placeholder(name);
const insertedColumns = sql.join(
  CREATED_COLUMNS.map((key) => sql.identifier(columns[key].name)),
  sql`, `,
);
const insertedValues = sql.join(
  CREATED_COLUMNS.map((key) => sql`${ph(key)}::${sql.raw(columns[key].getSQLType())}`),
  sql`, `,
);

/**
 * A member's creation in one statement (issue 12): the guard (the session is still valid, the organisation chosen
 * still has the kind the projection was computed for), the file, its first history event appended only if the
 * file was written, and the file back as JSON. A refused guard or an Idempotency-Key already used writes nothing
 * and returns no row: the caller then finds out why. Built once; prepared once per connection.
 */
export const CREATION = oneParameterPerName(
  new PgDialect().sqlToQuery(sql`with guard as (
    select 1 from sessions s join users u on u.id = s.user_id
    where s.token_hash = ${ph('sessionTokenHash')}::text and s.expires_at > ${ph('now')}::timestamptz
      and u.deactivated_at is null and u.id = ${ph('memberId')}::uuid and u.role = ${ph('role')}::text
  ), org as (
    select o.name from organisations o
    where o.id = ${ph('organisationId')}::uuid and o.kind = ${ph('organisationKind')}::text
    union all
    select ${ph('organisationName')}::text where ${ph('organisationId')}::uuid is null
  ), d as (
    insert into ${dossiers} (${insertedColumns}, ${sql.identifier(columns.organisationName.name)})
    select ${insertedValues}, org.name from guard, org
    on conflict (${sql.identifier(columns.memberId.name)}, ${sql.identifier(columns.idempotencyKey.name)}) do nothing
    returning *
  ), ${chainAppendCtes(
    {
      chainId: ph('id'),
      dossierId: ph('id'),
      actorId: ph('memberId'),
      type: ph('eventType'),
      occurredAt: ph('occurredAt'),
      payload: ph('eventPayload'),
    },
    sql`d`,
  )}
  select row_to_json(d)::text as row from d, queued`),
);

/**
 * drizzle gives each occurrence of a placeholder its own parameter: the creation's 40 values went as 60 (the
 * event's payload three times). One parameter per name: less to encode, send and decode at each creation.
 */
function oneParameterPerName(query: { sql: string; params: unknown[] }) {
  const numberOf = new Map<string, number>();
  const renumbered: number[] = [];
  const params: unknown[] = [];
  for (const param of query.params) {
    const name = (param as { name?: unknown } | null)?.name;
    const known = typeof name === 'string' ? numberOf.get(name) : undefined;
    if (known !== undefined) renumbered.push(known);
    else {
      params.push(param);
      renumbered.push(params.length);
      if (typeof name === 'string') numberOf.set(name, params.length);
    }
  }
  return { sql: query.sql.replace(/\$(\d+)/g, (_, n: string) => `$${renumbered[Number(n) - 1]}`), params };
}

function driverValue(key: CreatedColumn, value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.toISOString();
  if (key === 'facts') return JSON.stringify(value);
  return value;
}

/**
 * Inserts a member's file with its deadline projection and appends its first history event, in one statement
 * prepared once (atomic without a transaction: one round trip where six were made). Undefined when the guard
 * refused or the member's Idempotency-Key was already used: nothing was written.
 */
export async function insertCreatedDossier(
  database: Pick<Database, 'prepared'>,
  values: Omit<NewDossier, 'organisationName'>,
  event: EventOfNewFile,
  guard: CreationGuard,
): Promise<DossierRow | undefined> {
  const id = values.id ?? randomUUID();
  const row = withProjection({ ...values, id, organisationName: guard.organisationName }) as Record<
    string,
    unknown
  >;
  const params: Record<string, unknown> = {
    sessionTokenHash: sessionTokenHash(guard.sessionToken),
    now: guard.now.toISOString(),
    role: guard.role,
    organisationName: guard.organisationName,
    eventType: event.type,
    eventPayload: JSON.stringify(event.payload ?? {}),
  };
  for (const key of CREATED_COLUMNS) params[key] = driverValue(key, row[key]);
  params.organisationId = guard.organisation?.id ?? null;
  params.organisationKind = guard.organisation?.kind ?? row.organisationKind;
  params.occurredAt = event.occurredAt.toISOString();
  const result = await database.prepared(
    'recours_dossier_create',
    CREATION.sql,
    fillPlaceholders(CREATION.params, params),
  );
  const json = result.rows[0]?.row;
  return json === undefined ? undefined : rowFromJson(JSON.parse(String(json)) as Record<string, unknown>);
}

/** A row given as JSON (`row_to_json`), through drizzle's own column mappers: the row a select would give. */
function rowFromJson(raw: Record<string, unknown>): DossierRow {
  const row: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(columns)) {
    const value = raw[column.name];
    row[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
  }
  return row as DossierRow;
}

function withProjection(values: NewDossier): NewDossier {
  const at = values.updatedAt ?? values.createdAt ?? new Date();
  const projection = projectionOf(
    {
      facts: values.facts ?? {},
      organisationKind: values.organisationKind,
      zone: values.zone ?? 'metropole',
      status: values.status ?? 'draft',
      createdAt: values.createdAt ?? at,
    },
    at,
  );
  return { ...values, ...projection };
}

/** The referrals a mediator holds, a page at a time in reference order (keyset: never an offset). */
export async function mediatorPage(
  db: Db,
  mediatorId: string,
  page: { after?: string | undefined; limit: number },
): Promise<DossierRow[]> {
  return db
    .select()
    .from(dossiers)
    .where(
      and(
        eq(dossiers.mediatorId, mediatorId),
        page.after === undefined ? undefined : gt(dossiers.reference, page.after),
      ),
    )
    .orderBy(asc(dossiers.reference))
    .limit(page.limit);
}

/** How many referrals a mediator holds, counted up to `cap` (a figure for a caption, not a full scan). */
export async function countMediatorFiles(db: Db, mediatorId: string, cap: number): Promise<number> {
  const capped = db
    .select({ id: dossiers.id })
    .from(dossiers)
    .where(eq(dossiers.mediatorId, mediatorId))
    .limit(cap)
    .as('capped');
  const [row] = await db.select({ n: count() }).from(capped);
  return row?.n ?? 0;
}
