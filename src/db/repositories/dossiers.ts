import { randomBytes, randomUUID } from 'node:crypto';
import { and, asc, count, desc, eq, getTableColumns, gt, isNotNull, type SQL, sql } from 'drizzle-orm';
import type { DossierScope } from '../../domain/access/policy.ts';
import type { Db } from '../client.ts';
import { dossiers } from '../schema.ts';
import { rowsOf } from '../snapshot.ts';
import { auditAppendCtes, type NewAuditEvent } from './audit.ts';
import { projectionOf } from './deadline-projection.ts';

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
export function newReference(year: number): string {
  const bytes = randomBytes(6);
  const code = Array.from(bytes, (b) => ALPHABET[b % 32]).join('');
  return `REC-${year}-${code}`;
}

/** Inserts a file with its deadline projection (one statement): the day of the change is `updatedAt`. */
export async function insertDossier(db: Db, values: NewDossier): Promise<DossierRow> {
  const [row] = await db.insert(dossiers).values(withProjection(values)).returning();
  return row!;
}

/** An event without its file (the file is being created); distributive, so each type keeps its payload. */
type EventOfNewFile = NewAuditEvent extends infer E
  ? E extends unknown
    ? Omit<E, 'dossierId'>
    : never
  : never;

/**
 * Inserts a file and appends its first history event in one statement: atomic without a transaction, one round
 * trip instead of four (BEGIN, INSERT, the event, COMMIT). The hot path of a member's creation (issue 12).
 */
export async function insertDossierWithEvent(
  db: Db,
  values: NewDossier,
  event: EventOfNewFile,
): Promise<DossierRow> {
  const id = values.id ?? randomUUID();
  const insert = db
    .insert(dossiers)
    .values(withProjection({ ...values, id }))
    .returning();
  // The row comes back as JSON text: both drivers (node-postgres, PGlite) then give it alike, and drizzle's own
  // column mappers turn it into the row `insertDossier` returns.
  const result = await db.execute(
    sql`with d as (${insert.getSQL()}), ${auditAppendCtes({ ...event, dossierId: id })}
        select row_to_json(d)::text as row from d, queued`,
  );
  const raw = JSON.parse(rowsOf<{ row: string }>(result)[0]!.row) as Record<string, unknown>;
  const row: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(getTableColumns(dossiers))) {
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
