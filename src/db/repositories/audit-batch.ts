import { desc, sql } from 'drizzle-orm';
import { eventHash, GENESIS_HASH } from '../audit-hash.ts';
import type { Db } from '../client.ts';
import { auditEvents } from '../schema.ts';
import type { NewAuditEvent } from './audit.ts';

/**
 * Appends many events to the chain in one statement, exactly as `appendAuditEvent` would one by one (same lock,
 * same hash): a 100 000-line import cannot afford three round trips per event. Call it inside the transaction that
 * makes the changes. If the history's chaining changes (i10), this must follow: `audit verify` would show it.
 */
export async function appendAuditEvents(db: Db, events: readonly NewAuditEvent[]): Promise<void> {
  if (events.length === 0) return;
  await db.execute(sql`select pg_advisory_xact_lock(4242)`);
  const last = await db
    .select({ hash: auditEvents.hash })
    .from(auditEvents)
    .orderBy(desc(auditEvents.seq))
    .limit(1);
  let prevHash = last[0]?.hash ?? GENESIS_HASH;
  const rows = events.map((event) => {
    const payload = event.payload ?? {};
    const hash = eventHash(prevHash, { ...event, payload, occurredAt: event.occurredAt.toISOString() });
    const row = { ...event, payload, prevHash, hash };
    prevHash = hash;
    return row;
  });
  // One JSON parameter, inserted in the list's order (n): the serial numbers follow the list, so the chain does.
  await db.execute(sql`
    insert into audit_events (dossier_id, actor_id, type, payload, occurred_at, prev_hash, hash)
    select r.dossier_id, r.actor_id, r.type, r.payload, r.occurred_at, r.prev_hash, r.hash
    from jsonb_to_recordset(${JSON.stringify(
      rows.map((r, n) => ({
        n,
        dossier_id: r.dossierId,
        actor_id: r.actorId,
        type: r.type,
        payload: r.payload,
        occurred_at: r.occurredAt.toISOString(),
        prev_hash: r.prevHash,
        hash: r.hash,
      })),
    )}::jsonb) as r(n int, dossier_id uuid, actor_id uuid, type text, payload jsonb,
      occurred_at timestamptz, prev_hash text, hash text)
    order by r.n
  `);
}
