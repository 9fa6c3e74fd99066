import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rowsOf } from '../../db/snapshot.ts';
import { EMPTY_ROOT, nodeHash, splitPoint } from '../../domain/audit/merkle.ts';

/** Subtrees of 2^8 leaves and more are stored (audit_log_nodes); smaller ranges are hashed from their leaves. */
export const STORED_LEVEL = 8;
const TILE = 2 ** STORED_LEVEL;

/** One sequencer at a time (the job on any server, or the CLI): the leaf numbering must not fork. */
const SEQUENCER_LOCK = 7_310_004;

async function leafHashes(db: Db, start: number, end: number): Promise<string[]> {
  const rows = rowsOf<{ leaf_index: string | number; hash: string | null }>(
    await db.execute(sql`
      select l.leaf_index, e.hash from audit_log_leaves l left join audit_events e on e.seq = l.event_seq
      where l.leaf_index >= ${start} and l.leaf_index < ${end} order by l.leaf_index`),
  );
  if (rows.length !== end - start || rows.some((r, i) => Number(r.leaf_index) !== start + i || !r.hash)) {
    throw new Error(
      `Journal d’audit incohérent entre les feuilles ${start} et ${end} : lancez « recours audit verify ».`,
    );
  }
  return rows.map((r) => r.hash!);
}

/** RFC 9162 MTH of an in-memory list of leaf hashes. */
function mthOf(hashes: readonly string[]): string {
  if (hashes.length === 0) return EMPTY_ROOT;
  if (hashes.length === 1) return hashes[0]!;
  const k = splitPoint(hashes.length);
  return nodeHash(mthOf(hashes.slice(0, k)), mthOf(hashes.slice(k)));
}

function isPowerOfTwo(n: number) {
  return n > 0 && (n & (n - 1)) === 0;
}

/** The hash of leaves [start, start+size), reading stored subtrees where it can (a handful of rows). */
export async function rangeHash(db: Db, start: number, size: number): Promise<string> {
  if (size <= TILE) return mthOf(await leafHashes(db, start, start + size));
  if (isPowerOfTwo(size) && start % size === 0) {
    const level = Math.log2(size);
    const stored = rowsOf<{ hash: string }>(
      await db.execute(
        sql`select hash from audit_log_nodes where level = ${level} and idx = ${start / size}`,
      ),
    );
    if (stored[0]) return stored[0].hash;
    const half = size / 2;
    return nodeHash(await rangeHash(db, start, half), await rangeHash(db, start + half, half));
  }
  const k = splitPoint(size);
  return nodeHash(await rangeHash(db, start, k), await rangeHash(db, start + k, size - k));
}

export async function treeSize(db: Db): Promise<number> {
  const rows = rowsOf<{ size: string | number }>(
    await db.execute(sql`select coalesce(max(leaf_index) + 1, 0) as size from audit_log_leaves`),
  );
  return Number(rows[0]!.size);
}

/** Stores every subtree of level ≥ 8 that leaves [0, newSize) complete and [0, oldSize) did not. */
async function storeCompletedNodes(db: Db, oldSize: number, newSize: number) {
  for (let level = STORED_LEVEL; 2 ** level <= newSize; level += 1) {
    const width = 2 ** level;
    for (let idx = Math.floor(oldSize / width); idx < Math.floor(newSize / width); idx += 1) {
      const half = width / 2;
      const hash =
        level === STORED_LEVEL
          ? mthOf(await leafHashes(db, idx * width, (idx + 1) * width))
          : nodeHash(await rangeHash(db, idx * width, half), await rangeHash(db, idx * width + half, half));
      await db.execute(
        sql`insert into audit_log_nodes (level, idx, hash) values (${level}, ${idx}, ${hash}) on conflict do nothing`,
      );
    }
  }
}

/**
 * The sequencer: gives the committed events waiting in `audit_log_pending` the next leaf numbers, in the order of
 * their event numbers, and stores the subtrees they complete. A batch is one transaction; an event committed later
 * with a smaller number simply gets a later leaf. Returns the new size of the log.
 */
export async function integratePending(db: Db, batchSize = 20_000): Promise<number> {
  for (;;) {
    const { taken, size } = await db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${SEQUENCER_LOCK})`);
      const oldSize = await treeSize(tx);
      const inserted = rowsOf<{ n: string | number }>(
        await tx.execute(sql`
          with taken as (
            delete from audit_log_pending where event_seq in (
              select event_seq from audit_log_pending order by event_seq limit ${batchSize} for update skip locked)
            returning event_seq
          ), leaves as (
            insert into audit_log_leaves (leaf_index, event_seq)
            select ${oldSize}::bigint + row_number() over (order by event_seq) - 1, event_seq from taken
            returning 1
          )
          select count(*) as n from leaves`),
      );
      const n = Number(inserted[0]!.n);
      await storeCompletedNodes(tx, oldSize, oldSize + n);
      return { taken: n, size: oldSize + n };
    });
    if (taken < batchSize) return size;
  }
}
