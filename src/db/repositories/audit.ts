import { asc, desc, eq, sql } from 'drizzle-orm';
import { eventHash, GENESIS_HASH } from '../audit-hash.ts';
import type { Db } from '../client.ts';
import { auditEvents } from '../schema.ts';

export interface NewAuditEvent {
  dossierId: string | null;
  actorId: string | null;
  type: string;
  payload?: Record<string, unknown>;
  occurredAt: Date;
}

/**
 * Appends one event to the chain. Call it inside the transaction that makes the change it records.
 * A transaction-scoped advisory lock serialises appends so that two writers never chain onto the same row.
 */
export async function appendAuditEvent(db: Db, event: NewAuditEvent) {
  await db.execute(sql`select pg_advisory_xact_lock(4242)`);
  const last = await db
    .select({ hash: auditEvents.hash })
    .from(auditEvents)
    .orderBy(desc(auditEvents.seq))
    .limit(1);
  const prevHash = last[0]?.hash ?? GENESIS_HASH;
  const payload = event.payload ?? {};
  const hash = eventHash(prevHash, { ...event, payload, occurredAt: event.occurredAt.toISOString() });
  await db.insert(auditEvents).values({
    dossierId: event.dossierId,
    actorId: event.actorId,
    type: event.type,
    payload,
    occurredAt: event.occurredAt,
    prevHash,
    hash,
  });
}

export interface ChainReport {
  ok: boolean;
  checked: number;
  /** The first broken row and why, in French. */
  firstBreak?: { seq: number; reason: string };
}

/** Recomputes every hash in order; any edit, insertion or deletion in the middle breaks the chain. */
export async function verifyAuditChain(db: Db, batchSize = 1000): Promise<ChainReport> {
  let prevHash = GENESIS_HASH;
  let checked = 0;
  let afterSeq = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditEvents)
      .where(sql`${auditEvents.seq} > ${afterSeq}`)
      .orderBy(asc(auditEvents.seq))
      .limit(batchSize);
    if (rows.length === 0) return { ok: true, checked };
    for (const row of rows) {
      if (row.prevHash !== prevHash) {
        return {
          ok: false,
          checked,
          firstBreak: {
            seq: row.seq,
            reason: 'le lien vers l’événement précédent est rompu (ligne supprimée ou insérée)',
          },
        };
      }
      const expected = eventHash(prevHash, { ...row, occurredAt: row.occurredAt.toISOString() });
      if (expected !== row.hash) {
        return {
          ok: false,
          checked,
          firstBreak: { seq: row.seq, reason: 'le contenu de l’événement a été modifié' },
        };
      }
      prevHash = row.hash;
      checked += 1;
      afterSeq = row.seq;
    }
  }
}

export async function auditEventsOf(db: Db, dossierId: string) {
  return db
    .select()
    .from(auditEvents)
    .where(eq(auditEvents.dossierId, dossierId))
    .orderBy(asc(auditEvents.seq));
}
