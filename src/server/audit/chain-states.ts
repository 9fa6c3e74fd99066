import { uuidText } from '../../db/copy-binary.ts';

const KEY_BYTES = 16;
const HASH_BYTES = 32;

const HEX_VALUE = new Int8Array(256).fill(-1);
for (let i = 0; i < 16; i += 1) HEX_VALUE['0123456789abcdef'.charCodeAt(i)] = i;

/**
 * Decodes the 64 lower-case hex characters of `buf[at, at + length)` into `out` at `to`; false (and `out` left
 * partly written) when they are anything else, as PostgreSQL's `encode(…, 'hex')` writes nothing else.
 */
export function decodeHash(buf: Buffer, at: number, length: number, out: Buffer, to: number): boolean {
  if (length !== HASH_BYTES * 2) return false;
  for (let i = 0; i < HASH_BYTES; i += 1) {
    const high = HEX_VALUE[buf[at + 2 * i]!]!;
    const low = HEX_VALUE[buf[at + 2 * i + 1]!]!;
    if ((high | low) < 0) return false;
    out[to + i] = (high << 4) | low;
  }
  return true;
}

/**
 * Each chain's last verified number and hash, while the events are read in event order (a file's events are spread
 * over the whole table). It grows with the number of files, so it is compact: an open-addressing hash table keyed
 * by the chain's uuid as its 16 bytes, over typed arrays — 16 bytes of key, 8 for the number, 32 for the hash, 1 for
 * "head seen", 4 to 8 of index: about 65 MiB for a million files, where a `Map` from the uuid text took 123 MiB.
 */
export class ChainStates {
  size = 0;
  private capacity = 1024;
  private keys = Buffer.alloc(this.capacity * KEY_BYTES);
  private seqs = new Float64Array(this.capacity);
  private hashes = Buffer.alloc(this.capacity * HASH_BYTES);
  private seen = new Uint8Array(this.capacity);
  /** Slot + 1 of each key by its hash, 0 for none; twice the capacity, so probes stay short. */
  private index = new Int32Array(this.capacity * 2);
  private readonly scratch = Buffer.alloc(HASH_BYTES);

  /** The chain's slot (`key`: its uuid's 16 bytes at `at`), created (number 0, genesis hash) when first met. */
  slot(key: Buffer, at: number): number {
    const mask = this.index.length - 1;
    for (let i = this.bucket(key, at) & mask; ; i = (i + 1) & mask) {
      const found = this.index[i]!;
      if (found === 0) {
        if (this.size === this.capacity) {
          this.grow();
          return this.slot(key, at);
        }
        const slot = this.size;
        this.size += 1;
        key.copy(this.keys, slot * KEY_BYTES, at, at + KEY_BYTES);
        // The genesis hash is 32 zero bytes, as the arrays are created.
        this.index[i] = slot + 1;
        return slot;
      }
      if (this.sameKey(found - 1, key, at)) return found - 1;
    }
  }

  find(key: Buffer, at: number): number | undefined {
    const mask = this.index.length - 1;
    for (let i = this.bucket(key, at) & mask; ; i = (i + 1) & mask) {
      const found = this.index[i]!;
      if (found === 0) return undefined;
      if (this.sameKey(found - 1, key, at)) return found - 1;
    }
  }

  chainId(slot: number): string {
    return uuidText(this.keys, slot * KEY_BYTES);
  }

  lastSeq(slot: number) {
    return this.seqs[slot]!;
  }

  /** Whether the hex hash `buf[at, at + length)` is the chain's last hash (a malformed one never is). */
  isLastHash(slot: number, buf: Buffer, at: number, length: number) {
    if (!decodeHash(buf, at, length, this.scratch, 0)) return false;
    return this.scratch.compare(this.hashes, slot * HASH_BYTES, (slot + 1) * HASH_BYTES) === 0;
  }

  advance(slot: number, seq: number, buf: Buffer, at: number, length: number) {
    this.seqs[slot] = seq;
    // A malformed hash (hand-written row) is stored as ones, never a real hash's bytes in practice: the row itself
    // is already reported as altered.
    const to = slot * HASH_BYTES;
    if (!decodeHash(buf, at, length, this.hashes, to)) this.hashes.fill(0xff, to, to + HASH_BYTES);
  }

  markHeadSeen(slot: number) {
    this.seen[slot] = 1;
  }

  /** Chains met among the events but with no head. */
  *withoutHead(): Generator<string> {
    for (let slot = 0; slot < this.size; slot += 1) if (!this.seen[slot]) yield this.chainId(slot);
  }

  /** Uuids are random in their last 8 bytes (versions 4 and 7); mixed anyway, for ids made otherwise. */
  private bucket(key: Buffer, at: number) {
    const h = Math.imul(key.readInt32LE(at + 8) ^ key.readInt32LE(at + 12) ^ key.readInt32LE(at), 0x9e3779b1);
    return h ^ (h >>> 15);
  }

  private sameKey(slot: number, key: Buffer, at: number) {
    const keys = this.keys;
    const from = slot * KEY_BYTES;
    for (let i = 0; i < KEY_BYTES; i += 1) if (keys[from + i] !== key[at + i]) return false;
    return true;
  }

  private grow() {
    const capacity = this.capacity * 2;
    const keys = Buffer.alloc(capacity * KEY_BYTES);
    this.keys.copy(keys);
    this.keys = keys;
    const seqs = new Float64Array(capacity);
    seqs.set(this.seqs);
    this.seqs = seqs;
    const hashes = Buffer.alloc(capacity * HASH_BYTES);
    this.hashes.copy(hashes);
    this.hashes = hashes;
    const seen = new Uint8Array(capacity);
    seen.set(this.seen);
    this.seen = seen;
    this.capacity = capacity;
    this.index = new Int32Array(capacity * 2);
    const mask = this.index.length - 1;
    for (let slot = 0; slot < this.size; slot += 1) {
      let i = this.bucket(this.keys, slot * KEY_BYTES) & mask;
      while (this.index[i] !== 0) i = (i + 1) & mask;
      this.index[i] = slot + 1;
    }
  }
}
