import { desc, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { auditCheckpoints } from '../../db/schema.ts';
import { rowsOf } from '../../db/snapshot.ts';
import { type Checkpoint, LOG_ORIGIN, signCheckpoint } from '../../domain/audit/checkpoint.ts';
import type { EventColumns } from '../../domain/audit/event-hash.ts';
import { EMPTY_ROOT, inclusionPath } from '../../domain/audit/merkle.ts';
import { integratePending, rangeHash } from './merkle-log.ts';
import type { AuditKeys } from './signing-key.ts';

type CheckpointRow = typeof auditCheckpoints.$inferSelect;

export function toCheckpoint(row: CheckpointRow): Checkpoint & { id: number } {
  return {
    id: row.id,
    origin: LOG_ORIGIN,
    treeSize: row.treeSize,
    rootHash: row.rootHash,
    issuedAt: row.issuedAt.toISOString(),
    keyId: row.keyId,
    publicKey: row.publicKey,
    signature: row.signature,
  };
}

export async function latestCheckpoints(db: Db, limit: number) {
  const rows = await db.select().from(auditCheckpoints).orderBy(desc(auditCheckpoints.id)).limit(limit);
  return rows.map(toCheckpoint);
}

/**
 * Seals the log: integrates the pending events, then signs its size and root. Nothing new since the last
 * checkpoint: that one is returned (a checkpoint a minute would otherwise pile up identical rows).
 */
export async function takeCheckpoint(db: Db, keys: AuditKeys, now: Date) {
  const size = await integratePending(db);
  const [latest] = await latestCheckpoints(db, 1);
  if (latest && latest.treeSize === size && latest.keyId === keys.keyId)
    return { checkpoint: latest, created: false };
  const rootHash = size === 0 ? EMPTY_ROOT : await rangeHash(db, 0, size);
  const signed = signCheckpoint({ treeSize: size, rootHash, issuedAt: now.toISOString() }, keys.privateKey);
  const [row] = await db
    .insert(auditCheckpoints)
    .values({
      treeSize: size,
      rootHash,
      issuedAt: now,
      keyId: signed.keyId,
      publicKey: signed.publicKey,
      signature: signed.signature,
    })
    .returning();
  return { checkpoint: toCheckpoint(row!), created: true };
}

/** What `recours audit check-proof` needs and nothing else: the event as text, its leaf, the path, the checkpoint. */
export interface InclusionProof {
  format: 'recours-audit-proof/v1';
  eventId: number;
  event: EventColumns;
  eventHash: string;
  leafIndex: number;
  path: string[];
  checkpoint: Checkpoint;
}

/** The proof that an event is in the log sealed by the latest checkpoint (taken now if none covers it yet). */
export async function proveEvent(
  db: Db,
  keys: AuditKeys,
  eventId: number,
  now: Date,
): Promise<InclusionProof | null> {
  const event = rowsOf<{
    chain_id: string;
    chain_seq: string;
    dossier_id: string | null;
    actor_id: string | null;
    type: string;
    occurred_us: string;
    prev_hash: string;
    payload: string;
    hash: string;
  }>(
    await db.execute(sql`
      select chain_id::text, chain_seq::text, dossier_id::text, actor_id::text, type,
        ((extract(epoch from occurred_at) * 1000000)::bigint)::text as occurred_us, prev_hash, payload::text, hash
      from audit_events where seq = ${eventId}`),
  )[0];
  if (!event) return null;
  const leafOf = async () =>
    rowsOf<{ leaf_index: string | number }>(
      await db.execute(sql`select leaf_index from audit_log_leaves where event_seq = ${eventId}`),
    )[0];
  let [latest] = await latestCheckpoints(db, 1);
  let leaf = await leafOf();
  if (!leaf || !latest || latest.treeSize <= Number(leaf.leaf_index)) {
    latest = (await takeCheckpoint(db, keys, now)).checkpoint;
    leaf = await leafOf();
  }
  if (!leaf || !latest) return null;
  const leafIndex = Number(leaf.leaf_index);
  const { id: _id, ...checkpoint } = latest;
  return {
    format: 'recours-audit-proof/v1',
    eventId,
    event: {
      chainId: event.chain_id,
      chainSeq: event.chain_seq,
      dossierId: event.dossier_id,
      actorId: event.actor_id,
      type: event.type,
      occurredMicros: event.occurred_us,
      prevHash: event.prev_hash,
      payloadText: event.payload,
    },
    eventHash: event.hash,
    leafIndex,
    path: await inclusionPath(leafIndex, 0, latest.treeSize, (start, size) => rangeHash(db, start, size)),
    checkpoint,
  };
}
