import { and, asc, desc, eq, gte, lt, type Placeholder, type SQL, sql } from 'drizzle-orm';
import type { AuditEventBody } from '../../contracts/audit-events.ts';
import { GENESIS_HASH, SYSTEM_CHAIN_ID } from '../../domain/audit/event-hash.ts';
import type { Db } from '../client.ts';
import { auditEvents } from '../schema.ts';
import { rowsOf } from '../snapshot.ts';

/** An event to record: where it goes, who and when, and its type with that type's payload (src/contracts). */
export type NewAuditEvent = {
  dossierId: string | null;
  /** For an event without a file: the organisation whose chain receives it (else the platform's chain). */
  organisationId?: string | null | undefined;
  actorId: string | null;
  occurredAt: Date;
} & AuditEventBody;

/**
 * Appends one event to its file's chain, in the caller's transaction (so it commits or rolls back with the change
 * it records). One statement: the upsert of the chain's head takes that file's row lock until commit, numbers the
 * event and hashes it with the SQL function `audit_event_hash`; the event is queued for the Merkle log. Files never
 * wait on each other; two events of one file are ordered by the lock (docs/decisions/0004-audit-history.md).
 * Pass the transaction (`tx`), never the pool: with the pool the event would commit even if the change fails.
 * For a reading, which changes nothing, use `logAuditEvent`.
 */
export async function appendAuditEvent(tx: Db, event: NewAuditEvent): Promise<number> {
  const result = await tx.execute(sql`with ${auditAppendCtes(event)} select event_seq as seq from queued`);
  return Number(rowsOf<{ seq: string | number }>(result)[0]!.seq);
}

/**
 * The common table expressions that append one event (`head`, `event`, `queued`), for a statement that makes the
 * change and records it at once.
 */
export function auditAppendCtes(event: NewAuditEvent): SQL {
  return chainAppendCtes({
    chainId: event.dossierId ?? event.organisationId ?? SYSTEM_CHAIN_ID,
    dossierId: event.dossierId,
    actorId: event.actorId,
    type: event.type,
    occurredAt: event.occurredAt.toISOString(),
    payload: JSON.stringify(event.payload ?? {}),
  });
}

/** An event's columns as SQL values: plain values, or placeholders of a statement prepared once. */
export interface ChainAppendFields {
  chainId: string | Placeholder;
  dossierId: string | null | Placeholder;
  actorId: string | null | Placeholder;
  type: string | Placeholder;
  /** ISO instant. */
  occurredAt: string | Placeholder;
  /** The payload as JSON text. */
  payload: string | Placeholder;
}

/**
 * The append itself. With `onlyIf`, a relation (e.g. the file just inserted, `d`), the event is appended only
 * when that relation has a row: a statement whose change was refused records nothing.
 */
export function chainAppendCtes(f: ChainAppendFields, onlyIf?: SQL): SQL {
  const fields = sql`${f.dossierId}::uuid, ${f.actorId}::uuid, ${f.type}::text, ${f.occurredAt}::timestamptz`;
  const payload = sql`${f.payload}::jsonb`;
  return sql`head as (
      insert into audit_chain_heads as h (chain_id, last_seq, prev_hash, last_hash)
      select ${f.chainId}::uuid, 1, ${GENESIS_HASH},
        audit_event_hash(${f.chainId}::uuid, 1, ${fields}, ${GENESIS_HASH}, ${payload})
      ${onlyIf ? sql`from ${onlyIf}` : sql``}
      on conflict (chain_id) do update set
        last_seq = h.last_seq + 1,
        prev_hash = h.last_hash,
        last_hash = audit_event_hash(h.chain_id, h.last_seq + 1, ${fields}, h.last_hash, ${payload})
      returning last_seq, prev_hash, last_hash
    ), event as (
      insert into audit_events (chain_id, chain_seq, dossier_id, actor_id, type, occurred_at, payload, prev_hash, hash)
      select ${f.chainId}::uuid, last_seq, ${fields}, ${payload}, prev_hash, last_hash from head
      returning seq
    ), queued as (
      insert into audit_log_pending (event_seq) select seq from event returning event_seq
    )`;
}

/**
 * Logs an event that records no change of data (a reading): its one statement is a transaction of its own (atomic
 * without BEGIN and COMMIT: one round trip, not three, on every file page and register page); its chain's lock is
 * held for that statement only, so readers of a file barely wait on each other and never on other files.
 */
export function logAuditEvent(db: Db, event: NewAuditEvent): Promise<number> {
  return appendAuditEvent(db, event);
}

/** A file's events in the order of its chain (tests, timelines). */
export async function auditEventsOf(db: Db, dossierId: string) {
  return db
    .select()
    .from(auditEvents)
    .where(eq(auditEvents.dossierId, dossierId))
    .orderBy(asc(auditEvents.chainSeq));
}

export interface HistoryFilter {
  dossierId?: string | undefined;
  actorId?: string | undefined;
  type?: string | undefined;
  /** Inclusive lower bound and exclusive upper bound of `occurred_at`. */
  from?: Date | undefined;
  to?: Date | undefined;
  /** Keyset: only events older than this one (newest first). */
  beforeSeq?: number | undefined;
}

function historyWhere(f: HistoryFilter): SQL | undefined {
  const clauses: SQL[] = [];
  if (f.dossierId) clauses.push(eq(auditEvents.dossierId, f.dossierId));
  if (f.actorId) clauses.push(eq(auditEvents.actorId, f.actorId));
  if (f.type) clauses.push(eq(auditEvents.type, f.type));
  if (f.from) clauses.push(gte(auditEvents.occurredAt, f.from));
  if (f.to) clauses.push(lt(auditEvents.occurredAt, f.to));
  if (f.beforeSeq !== undefined) clauses.push(lt(auditEvents.seq, f.beforeSeq));
  return clauses.length > 0 ? and(...clauses) : undefined;
}

/** One page of the history, newest first, by keyset on the event number (an index per filter keeps it bounded). */
export function historyPage(db: Db, filter: HistoryFilter, limit: number) {
  return db
    .select({
      seq: auditEvents.seq,
      chainId: auditEvents.chainId,
      chainSeq: auditEvents.chainSeq,
      dossierId: auditEvents.dossierId,
      actorId: auditEvents.actorId,
      type: auditEvents.type,
      payload: auditEvents.payload,
      occurredAt: auditEvents.occurredAt,
      hash: auditEvents.hash,
    })
    .from(auditEvents)
    .where(historyWhere(filter))
    .orderBy(desc(auditEvents.seq))
    .limit(limit);
}
