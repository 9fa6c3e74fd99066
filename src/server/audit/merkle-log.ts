import { hash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { rowsOf } from '../../db/snapshot.ts';
import { EMPTY_ROOT, nodeHash, splitPoint } from '../../domain/audit/merkle.ts';

/** Subtrees of 2^8 leaves and more are stored (audit_log_nodes); smaller ranges are hashed from their leaves. */
export const STORED_LEVEL = 8;
const TILE = 2 ** STORED_LEVEL;
const HASH_BYTES = 32;

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

/** 0x01 ‖ left ‖ right into `out` at `to` (RFC 9162 interior node), from the hashes as bytes. */
function nodeInto(node: Buffer, left: Uint8Array, right: Uint8Array, out: Buffer, to: number) {
  node.set(left, 1);
  node.set(right, 1 + HASH_BYTES);
  out.set(hash('sha256', node, 'buffer') as unknown as Buffer, to);
}

/**
 * Stores every subtree of level ≥ 8 that leaves [0, newSize) complete and [0, oldSize) did not, hashed from the
 * batch's own leaves (`batch`: the hashes of leaves [oldSize, newSize), as bytes): what lies before the batch is at
 * most the start of its first tile (≤ 255 leaves) and, per level, the left half of its first node (one stored row).
 * The former algorithm read every completed tile's leaves again and each node's halves with a query of their own.
 */
async function storeCompletedNodes(db: Db, oldSize: number, newSize: number, batch: Buffer) {
  if (Math.floor(newSize / TILE) === Math.floor(oldSize / TILE)) return;
  const node = Buffer.alloc(1 + 2 * HASH_BYTES);
  node[0] = 1;
  // Level 0 from the first tile's start: the leaves before the batch in that tile, then the batch's.
  const base = Math.floor(oldSize / TILE) * TILE;
  const before = oldSize > base ? await leafHashes(db, base, oldSize) : [];
  let level = Buffer.concat([...before.map((h) => Buffer.from(h, 'hex')), batch]);
  let first = base;
  const levels: number[] = [];
  const indexes: number[] = [];
  const hashes: string[] = [];
  // The tiles: complete binary trees of 256 leaves, halved level by level in memory.
  for (let l = 1; l <= STORED_LEVEL; l += 1) {
    const count = Math.floor(level.length / HASH_BYTES / 2);
    const next = Buffer.alloc(count * HASH_BYTES);
    for (let i = 0; i < count; i += 1) {
      const at = 2 * i * HASH_BYTES;
      nodeInto(
        node,
        level.subarray(at, at + HASH_BYTES),
        level.subarray(at + HASH_BYTES, at + 2 * HASH_BYTES),
        next,
        i * HASH_BYTES,
      );
    }
    level = next;
    first /= 2;
  }
  // `level` now holds the level-8 nodes from index `first`; each higher level, from the first node the batch completes.
  for (let l = STORED_LEVEL; 2 ** l <= newSize; l += 1) {
    const width = 2 ** l;
    const from = Math.floor(oldSize / width);
    const to = Math.floor(newSize / width);
    for (let idx = from; idx < to; idx += 1) {
      levels.push(l);
      indexes.push(idx);
      hashes.push(level.toString('hex', (idx - first) * HASH_BYTES, (idx - first + 1) * HASH_BYTES));
    }
    // The next level's first node may pair a node stored by an earlier batch (left) with this batch's first one.
    const parentFrom = Math.floor(oldSize / (2 * width));
    const parentTo = Math.floor(newSize / (2 * width));
    if (parentTo <= parentFrom) break;
    const next = Buffer.alloc((parentTo - parentFrom) * HASH_BYTES);
    for (let p = parentFrom; p < parentTo; p += 1) {
      const child = (idx: number) =>
        idx >= first
          ? Promise.resolve(level.subarray((idx - first) * HASH_BYTES, (idx - first + 1) * HASH_BYTES))
          : rangeHash(db, idx * width, width).then((h) => Buffer.from(h, 'hex'));
      nodeInto(node, await child(2 * p), await child(2 * p + 1), next, (p - parentFrom) * HASH_BYTES);
    }
    level = next;
    first = parentFrom;
  }
  await db.execute(sql`insert into audit_log_nodes (level, idx, hash)
    select * from unnest(${`{${levels.join(',')}}`}::int[], ${`{${indexes.join(',')}}`}::bigint[],
      ${`{${hashes.join(',')}}`}::text[])
    on conflict do nothing`);
}

/**
 * The sequencer: gives the committed events waiting in `audit_log_pending` the next leaf numbers, in the order of
 * their event numbers, and stores the subtrees they complete. A batch is one transaction; an event committed later
 * with a smaller number simply gets a later leaf. Returns the new size of the log.
 */
export async function integratePending(
  db: Db,
  batchSize = 20_000,
  /** Stop after about this many leaves (benchmarks seal part of a log); default: everything pending. */
  maxLeaves = Number.POSITIVE_INFINITY,
): Promise<number> {
  for (let sealed = 0; ; ) {
    const { taken, size } = await db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${SEQUENCER_LOCK})`);
      const oldSize = await treeSize(tx);
      // The batch's leaves come back with their events' hashes: its tiles are hashed from these rows.
      const rows = rowsOf<{ leaf_index: string | number; hash: string | null }>(
        await tx.execute(sql`
          with taken as (
            delete from audit_log_pending where event_seq in (
              select event_seq from audit_log_pending order by event_seq limit ${batchSize} for update skip locked)
            returning event_seq
          ), leaves as (
            insert into audit_log_leaves (leaf_index, event_seq)
            select ${oldSize}::bigint + row_number() over (order by event_seq) - 1, event_seq from taken
            returning leaf_index, event_seq
          )
          select l.leaf_index, e.hash from leaves l left join audit_events e on e.seq = l.event_seq
          order by l.leaf_index`),
      );
      const n = rows.length;
      const batch = Buffer.alloc(n * HASH_BYTES);
      rows.forEach((r, i) => {
        if (Number(r.leaf_index) !== oldSize + i || !r.hash || !/^[0-9a-f]{64}$/.test(r.hash)) {
          throw new Error(
            `Journal d’audit incohérent à la feuille ${oldSize + i} : lancez « recours audit verify ».`,
          );
        }
        batch.write(r.hash, i * HASH_BYTES, 'hex');
      });
      await storeCompletedNodes(tx, oldSize, oldSize + n, batch);
      return { taken: n, size: oldSize + n };
    });
    sealed += taken;
    if (taken < batchSize || sealed >= maxLeaves) return size;
  }
}
