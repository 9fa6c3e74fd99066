import { hash } from 'node:crypto';
import {
  type CopyRow,
  int64,
  int64IsSafe,
  PG_EPOCH_MICROS,
  writeDecimal,
  writeUuid,
} from '../../db/copy-binary.ts';
import { EVENT_TEXT_PREFIX } from '../../domain/audit/event-hash.ts';

/**
 * The events in event order, native columns in binary COPY: PostgreSQL sends each as it stores it (no text
 * conversion of uuids, numbers and instants, 35 % cheaper for it than the text query it replaces), and the verifier
 * writes the hashed text itself.
 */
export const EVENTS_SQL = `select seq, chain_id, chain_seq, dossier_id, actor_id, type, occurred_at, prev_hash, hash,
  payload from audit_events e order by e.seq`;
export const EVENT_FIELDS = 10;
export const F_SEQ = 0;
export const F_CHAIN = 1;
export const F_CHAIN_SEQ = 2;
export const F_DOSSIER = 3;
export const F_ACTOR = 4;
export const F_TYPE = 5;
export const F_OCCURRED = 6;
export const F_PREV = 7;
export const F_HASH = 8;
export const F_PAYLOAD = 9;

const PREFIX = Buffer.from(`${EVENT_TEXT_PREFIX}\n`, 'utf8');
const NEWLINE = 0x0a;
/** `jsonb_send` writes a version byte, then the text `jsonb::text` prints. */
const JSONB_VERSION = 1;
const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/**
 * Computes an event's hash from its binary COPY row, byte for byte the text of `eventHash` (event-hash.ts) and of the
 * SQL function `audit_event_hash`, written into one reused buffer: no string and no object per event.
 */
export class EventHasher {
  /** Starts with the prefix, written once. */
  private out = Buffer.alloc(4096);

  constructor() {
    PREFIX.copy(this.out);
  }

  /** SHA-256 of the event's text (the RFC 9162 leaf hash). */
  digest(row: CopyRow): Buffer {
    const { buf, start, length } = row;
    const needed =
      PREFIX.length + 4 * 37 + 2 * 21 + length[F_TYPE]! + length[F_PREV]! + length[F_PAYLOAD]! + 8;
    if (needed > this.out.length) {
      this.out = Buffer.alloc(needed * 2);
      PREFIX.copy(this.out);
    }
    const out = this.out;
    let o = PREFIX.length;
    o = writeUuid(buf, start[F_CHAIN]!, out, o);
    out[o++] = NEWLINE;
    o = writeInt64(buf, start[F_CHAIN_SEQ]!, 0, out, o);
    out[o++] = NEWLINE;
    if (length[F_DOSSIER]! === 16) o = writeUuid(buf, start[F_DOSSIER]!, out, o);
    out[o++] = NEWLINE;
    if (length[F_ACTOR]! === 16) o = writeUuid(buf, start[F_ACTOR]!, out, o);
    out[o++] = NEWLINE;
    o = copyField(buf, start[F_TYPE]!, length[F_TYPE]!, out, o);
    out[o++] = NEWLINE;
    o = writeInt64(buf, start[F_OCCURRED]!, PG_EPOCH_MICROS, out, o);
    out[o++] = NEWLINE;
    o = copyField(buf, start[F_PREV]!, length[F_PREV]!, out, o);
    out[o++] = NEWLINE;
    const payload = start[F_PAYLOAD]!;
    if (buf[payload] !== JSONB_VERSION) throw new Error('jsonb : format binaire inconnu');
    o = copyField(buf, payload + 1, length[F_PAYLOAD]! - 1, out, o);
    return hash('sha256', out.subarray(0, o), 'buffer') as unknown as Buffer;
  }
}

/**
 * Copies a field into `out`; returns the end. A loop for the short fields of an event (a type, a hash, most
 * payloads): `Buffer.copy` costs more in its own checks than in copying so few bytes.
 */
function copyField(buf: Buffer, at: number, length: number, out: Buffer, to: number): number {
  if (length > 256) return to + buf.copy(out, to, at, at + length);
  for (let i = 0; i < length; i += 1) out[to + i] = buf[at + i]!;
  return to + Math.max(length, 0);
}

/** The int8 at `at`, plus `offset`, in decimal: exact at any value (a number when it can, else a bigint). */
function writeInt64(buf: Buffer, at: number, offset: number, out: Buffer, to: number): number {
  if (int64IsSafe(buf, at)) {
    const n = int64(buf, at) + offset;
    if (n <= MAX_SAFE && n >= -MAX_SAFE) return writeDecimal(n, out, to);
  }
  return to + out.write((buf.readBigInt64BE(at) + BigInt(offset)).toString(), to, 'latin1');
}
