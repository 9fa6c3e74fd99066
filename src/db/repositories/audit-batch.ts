import { sql } from 'drizzle-orm';
import { eventHash, GENESIS_HASH, SYSTEM_CHAIN_ID } from '../../domain/audit/event-hash.ts';
import type { Db } from '../client.ts';
import { rowsOf } from '../snapshot.ts';
import type { NewAuditEvent } from './audit.ts';

/**
 * `jsonb::text` as PostgreSQL prints it (keys ordered by length then bytes, `": "` and `", "`), which the event
 * hash covers. For payloads of ASCII keys, strings, numbers, booleans, null, arrays and objects.
 */
export function jsonbText(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(jsonbText).join(', ')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([x], [y]) => x.length - y.length || (x < y ? -1 : x > y ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}: ${jsonbText(v)}`).join(', ')}}`;
  }
  return JSON.stringify(value);
}

/**
 * Appends many events in a few statements, exactly as `appendAuditEvent` would one by one: each event joins its
 * file's chain (or its organisation's, or the platform's), after that chain's head, locked until commit; hashed
 * with the verifier's own `eventHash`; queued for the Merkle log (docs/decisions/0004-audit-history.md). A
 * 100 000-line import cannot afford a statement per event. Call it inside the transaction that makes the changes.
 */
export async function appendAuditEvents(db: Db, events: readonly NewAuditEvent[]): Promise<void> {
  if (events.length === 0) return;
  const chainOf = (e: NewAuditEvent) => e.dossierId ?? e.organisationId ?? SYSTEM_CHAIN_ID;
  const chainIds = [...new Set(events.map(chainOf))].sort();
  const existing = rowsOf<{ chain_id: string; last_seq: string | number; last_hash: string }>(
    await db.execute(sql`select chain_id, last_seq, last_hash from audit_chain_heads
      where chain_id = any(${`{${chainIds.join(',')}}`}::uuid[]) order by chain_id for update`),
  );
  const heads = new Map(
    existing.map((h) => [h.chain_id, { seq: Number(h.last_seq), prev: '', hash: h.last_hash }]),
  );
  const rows = events.map((e) => {
    const chainId = chainOf(e);
    const head = heads.get(chainId) ?? { seq: 0, prev: GENESIS_HASH, hash: GENESIS_HASH };
    const seq = head.seq + 1;
    const payloadText = jsonbText(e.payload ?? {});
    const hash = eventHash({
      chainId,
      chainSeq: String(seq),
      dossierId: e.dossierId,
      actorId: e.actorId,
      type: e.type,
      occurredMicros: String(e.occurredAt.getTime() * 1000),
      prevHash: head.hash,
      payloadText,
    });
    heads.set(chainId, { seq, prev: head.hash, hash });
    return { chainId, seq, e, payloadText, prev: head.hash, hash };
  });
  // One JSON parameter, inserted in the list's order (n), and each event queued for the Merkle log.
  await db.execute(sql`
    with inserted as (
      insert into audit_events (chain_id, chain_seq, dossier_id, actor_id, type, payload, occurred_at, prev_hash, hash)
      select r.chain_id, r.chain_seq, r.dossier_id, r.actor_id, r.type, r.payload::jsonb, r.occurred_at, r.prev_hash, r.hash
      from jsonb_to_recordset(${JSON.stringify(
        rows.map((r, n) => ({
          n,
          chain_id: r.chainId,
          chain_seq: r.seq,
          dossier_id: r.e.dossierId,
          actor_id: r.e.actorId,
          type: r.e.type,
          payload: r.payloadText,
          occurred_at: r.e.occurredAt.toISOString(),
          prev_hash: r.prev,
          hash: r.hash,
        })),
      )}::jsonb) as r(n int, chain_id uuid, chain_seq bigint, dossier_id uuid, actor_id uuid, type text,
        payload text, occurred_at timestamptz, prev_hash text, hash text)
      order by r.n
      returning seq
    )
    insert into audit_log_pending (event_seq) select seq from inserted`);
  const finalHeads = [...heads.entries()];
  await db.execute(sql`
    insert into audit_chain_heads (chain_id, last_seq, prev_hash, last_hash)
    select * from jsonb_to_recordset(${JSON.stringify(
      finalHeads.map(([chain_id, h]) => ({
        chain_id,
        last_seq: h.seq,
        prev_hash: h.prev,
        last_hash: h.hash,
      })),
    )}::jsonb) as r(chain_id uuid, last_seq bigint, prev_hash text, last_hash text)
    on conflict (chain_id) do update set last_seq = excluded.last_seq, prev_hash = excluded.prev_hash,
      last_hash = excluded.last_hash`);
}
