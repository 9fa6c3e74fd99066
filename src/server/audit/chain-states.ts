import { GENESIS_HASH } from '../../domain/audit/event-hash.ts';

const HASH_BYTES = 32;

/**
 * Each chain's last verified number and hash, while the events are read in event order (a file's events are spread
 * over the whole table). Compact on purpose, as it grows with the number of files: one map entry (the chain id as
 * the key) and a slot in typed arrays — 8 bytes for the number, 32 for the hash, 1 for "head seen" — rather than an
 * object and a 64-character hex string per file.
 */
export class ChainStates {
  private readonly slots = new Map<string, number>();
  private seqs = new Float64Array(1024);
  private hashes = Buffer.alloc(1024 * HASH_BYTES);
  private seen = new Uint8Array(1024);
  private readonly scratch = Buffer.alloc(HASH_BYTES);
  private static readonly genesis = Buffer.from(GENESIS_HASH, 'hex');

  get size() {
    return this.slots.size;
  }

  /** The chain's slot, created (number 0, genesis hash) the first time the chain is met. */
  slot(chainId: string): number {
    let slot = this.slots.get(chainId);
    if (slot === undefined) {
      slot = this.slots.size;
      if (slot === this.seqs.length) this.grow();
      ChainStates.genesis.copy(this.hashes, slot * HASH_BYTES);
      this.slots.set(chainId, slot);
    }
    return slot;
  }

  find(chainId: string): number | undefined {
    return this.slots.get(chainId);
  }

  lastSeq(slot: number) {
    return this.seqs[slot]!;
  }

  /** Whether `hex` is the chain's last hash (a malformed hex string never is). */
  isLastHash(slot: number, hex: string) {
    if (hex.length !== HASH_BYTES * 2 || this.scratch.write(hex, 'hex') !== HASH_BYTES) return false;
    return this.scratch.compare(this.hashes, slot * HASH_BYTES, (slot + 1) * HASH_BYTES) === 0;
  }

  advance(slot: number, seq: number, hex: string) {
    this.seqs[slot] = seq;
    // A malformed hash (hand-written row) is stored as zeros: the row itself is already reported as altered.
    const at = slot * HASH_BYTES;
    if (hex.length !== HASH_BYTES * 2 || this.hashes.write(hex, at, 'hex') !== HASH_BYTES) {
      this.hashes.fill(0, at, at + HASH_BYTES);
    }
  }

  markHeadSeen(slot: number) {
    this.seen[slot] = 1;
  }

  /** Chains met among the events but with no head. */
  *withoutHead(): Generator<string> {
    for (const [chainId, slot] of this.slots) if (!this.seen[slot]) yield chainId;
  }

  private grow() {
    const capacity = this.seqs.length * 2;
    const seqs = new Float64Array(capacity);
    seqs.set(this.seqs);
    this.seqs = seqs;
    const hashes = Buffer.alloc(capacity * HASH_BYTES);
    this.hashes.copy(hashes);
    this.hashes = hashes;
    const seen = new Uint8Array(capacity);
    seen.set(this.seen);
    this.seen = seen;
  }
}
