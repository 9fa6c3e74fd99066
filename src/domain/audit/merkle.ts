import { createHash, hash } from 'node:crypto';

/**
 * Merkle tree hash of RFC 9162 §2.1.1 (Certificate Transparency v2): interior node = SHA-256(0x01 ‖ left ‖ right).
 * Leaves are the events' hashes, already SHA-256(0x00 ‖ event text) (see event-hash.ts). Hashes are hex strings.
 */
export function nodeHash(left: string, right: string): string {
  // One call, no Hash object: the verification computes about one node per event (10 million in a run).
  return hash(
    'sha256',
    Buffer.concat([NODE_PREFIX, Buffer.from(left, 'hex'), Buffer.from(right, 'hex')]),
    'hex',
  );
}
const NODE_PREFIX = Buffer.from([1]);
const HASH_BYTES = 32;

/** The hash of the empty tree, SHA-256 of nothing (RFC 9162 §2.1.1). */
export const EMPTY_ROOT = createHash('sha256').digest('hex');

/** The largest power of two strictly smaller than n (n ≥ 2): where RFC 9162 splits a range. */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/**
 * Builds the root while leaves stream in, keeping one hash per level (memory O(log n)): the frontier of complete
 * subtrees, as in Trillian's compact ranges. `root()` folds it right to left, which is exactly RFC 9162's MTH.
 * Hashes are kept as bytes in one buffer: about one interior node is computed per leaf (10 million in a run).
 */
export class StreamingMerkle {
  /** The frontier's hashes, oldest (highest) subtree first; `levels[i]` is the height of hash i. */
  private readonly frontier = Buffer.alloc(64 * HASH_BYTES);
  private readonly levels: number[] = [];
  /** 0x01 ‖ left ‖ right, the input of an interior node. */
  private readonly node = Buffer.concat([NODE_PREFIX, Buffer.alloc(2 * HASH_BYTES)]);
  size = 0;

  /** Appends the leaf whose hash is the 32 bytes of `leaf` at `at`. */
  push(leaf: Uint8Array, at = 0) {
    const { node, frontier, levels } = this;
    node.set(leaf.subarray(at, at + HASH_BYTES), 1 + HASH_BYTES);
    let level = 0;
    while (levels.length > 0 && levels[levels.length - 1] === level) {
      const top = (levels.length - 1) * HASH_BYTES;
      frontier.copy(node, 1, top, top + HASH_BYTES);
      node.set(hash('sha256', node, 'buffer') as unknown as Buffer, 1 + HASH_BYTES);
      levels.pop();
      level += 1;
    }
    node.copy(frontier, levels.length * HASH_BYTES, 1 + HASH_BYTES);
    levels.push(level);
    this.size += 1;
  }

  root(): string {
    const n = this.levels.length;
    if (n === 0) return EMPTY_ROOT;
    let root = this.frontier.toString('hex', (n - 1) * HASH_BYTES, n * HASH_BYTES);
    for (let i = n - 2; i >= 0; i -= 1) {
      root = nodeHash(this.frontier.toString('hex', i * HASH_BYTES, (i + 1) * HASH_BYTES), root);
    }
    return root;
  }
}

/** The hash of the leaves [start, start+size): a source that may read stored subtrees instead of every leaf. */
export type RangeHash = (start: number, size: number) => Promise<string>;

/** RFC 9162 §2.1.3.1 PATH(m, D[start:start+n]): the sibling hashes from leaf m up to the root, bottom first. */
export async function inclusionPath(m: number, start: number, n: number, hash: RangeHash): Promise<string[]> {
  if (n <= 1) return [];
  const k = splitPoint(n);
  if (m < k) return [...(await inclusionPath(m, start, k, hash)), await hash(start + k, n - k)];
  return [...(await inclusionPath(m - k, start + k, n - k, hash)), await hash(start, k)];
}

/** RFC 9162 §2.1.3.2: checks that `leafHash` is leaf `index` of the tree of `treeSize` leaves whose root is `root`. */
export function verifyInclusion(
  index: number,
  treeSize: number,
  leafHash: string,
  path: readonly string[],
  root: string,
): boolean {
  if (index >= treeSize || index < 0) return false;
  let fn = index;
  let sn = treeSize - 1;
  let r = leafHash;
  for (const p of path) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && r === root;
}
