/**
 * A reader of PostgreSQL's binary COPY format (`COPY (…) TO STDOUT (FORMAT binary)`, PostgreSQL docs, "COPY",
 * "Binary Format"): 11-byte signature, flags, header extension, then per row a 16-bit field count and per field a
 * 32-bit length (-1: null) and the bytes as the type's `send` function writes them; -1 as field count ends the data.
 *
 * Used to stream millions of rows with no object per row: the binary format has no escapes (text columns arrive as
 * their UTF-8 bytes, a timestamptz as one 64-bit integer), and each row is handed to the callback as byte ranges of
 * the chunk it lies in. A row cut between two network chunks is reassembled.
 */

const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');
const HEADER_BYTES = SIGNATURE.length + 8;

/** One row: field `i` is `buf[start[i], start[i] + length[i])`, or null when `length[i]` is -1. Valid only during the callback. */
export interface CopyRow {
  buf: Buffer;
  readonly start: Int32Array;
  readonly length: Int32Array;
}

export class BinaryCopyParser {
  private readonly row: CopyRow;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  /** Bytes needed (from the start of `pending`) before the next row can be read. */
  private need = HEADER_BYTES;
  private headerRead = false;
  private ended = false;
  rows = 0;

  constructor(
    private readonly fieldCount: number,
    private readonly onRow: (row: CopyRow) => void,
  ) {
    this.row = {
      buf: Buffer.alloc(0),
      start: new Int32Array(fieldCount),
      length: new Int32Array(fieldCount),
    };
  }

  push(chunk: Buffer) {
    if (this.ended) {
      if (chunk.length > 0) throw new Error('COPY binaire : données après la fin');
      return;
    }
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    // A row longer than a chunk: wait for all of it rather than joining the pieces again at every chunk.
    if (this.pendingBytes < this.need) return;
    const buf = this.pending.length === 1 ? chunk : Buffer.concat(this.pending, this.pendingBytes);
    const end = buf.length;
    let pos = 0;
    if (!this.headerRead) {
      if (end < HEADER_BYTES) return this.keep(buf, 0, HEADER_BYTES);
      if (!buf.subarray(0, SIGNATURE.length).equals(SIGNATURE)) {
        throw new Error('COPY binaire : signature inattendue');
      }
      const headerEnd = HEADER_BYTES + buf.readUInt32BE(SIGNATURE.length + 4);
      if (end < headerEnd) return this.keep(buf, 0, headerEnd);
      this.headerRead = true;
      pos = headerEnd;
    }
    const row = this.row;
    row.buf = buf;
    const { start, length } = row;
    const fields = this.fieldCount;
    while (pos + 2 <= end) {
      const count = buf.readInt16BE(pos);
      if (count === -1) {
        this.ended = true;
        if (pos + 2 !== end) throw new Error('COPY binaire : données après la fin');
        pos = end;
        break;
      }
      if (count !== fields) throw new Error(`COPY binaire : ${count} colonnes au lieu de ${fields}`);
      let p = pos + 2;
      let missing = 0;
      for (let i = 0; i < fields; i += 1) {
        if (p + 4 > end) {
          missing = p + 4;
          break;
        }
        const n = buf.readInt32BE(p);
        p += 4;
        start[i] = p;
        length[i] = n;
        if (n > 0) p += n;
        if (p > end) {
          missing = p;
          break;
        }
      }
      if (missing > 0) return this.keep(buf, pos, missing - pos);
      this.rows += 1;
      this.onRow(row);
      pos = p;
    }
    this.keep(buf, pos, 2);
  }

  /** Checks that the data ended where the format says it does (a cut stream is an error, not a shorter history). */
  end() {
    if (!this.ended) throw new Error('COPY binaire : données tronquées');
  }

  private keep(buf: Buffer, from: number, need: number) {
    const rest = buf.subarray(from);
    this.pending = rest.length > 0 ? [rest] : [];
    this.pendingBytes = rest.length;
    this.need = need;
  }
}

const TWO_32 = 2 ** 32;

/** An int8 field as a number: exact up to 2^53, which covers every sequence number and instant we store. */
export function int64(buf: Buffer, at: number): number {
  return buf.readInt32BE(at) * TWO_32 + buf.readUInt32BE(at + 4);
}

/** Whether the int8 at `at` is exactly representable as a number. */
export function int64IsSafe(buf: Buffer, at: number): boolean {
  const high = buf.readInt32BE(at);
  return high < 0x200000 && high >= -0x200000;
}

/** Microseconds between the Unix epoch and PostgreSQL's (2000-01-01), where a binary timestamptz counts from. */
export const PG_EPOCH_MICROS = 946_684_800_000_000;

const HEX = Buffer.from('0123456789abcdef', 'latin1');

/** Writes a binary uuid (16 bytes at `at`) as PostgreSQL prints it (lower case, dashes) into `out`; returns the end. */
export function writeUuid(buf: Buffer, at: number, out: Buffer, to: number): number {
  let o = to;
  for (let i = 0; i < 16; i += 1) {
    if (i === 4 || i === 6 || i === 8 || i === 10) out[o++] = 0x2d;
    const byte = buf[at + i]!;
    out[o++] = HEX[byte >> 4]!;
    out[o++] = HEX[byte & 15]!;
  }
  return o;
}

/** A binary uuid as text. */
export function uuidText(buf: Buffer, at: number): string {
  const out = Buffer.allocUnsafe(36);
  writeUuid(buf, at, out, 0);
  return out.toString('latin1');
}

/** Writes the integer `n` (exact, |n| < 2^53) in decimal into `out`; returns the end. */
export function writeDecimal(n: number, out: Buffer, to: number): number {
  let o = to;
  let v = n;
  if (v < 0) {
    out[o++] = 0x2d;
    v = -v;
  }
  let digits = 1;
  for (let p = 10; p <= v; p *= 10) digits += 1;
  o += digits;
  for (let i = o - 1; i >= o - digits; i -= 1) {
    const q = Math.floor(v / 10);
    out[i] = 0x30 + (v - q * 10);
    v = q;
  }
  return o;
}
