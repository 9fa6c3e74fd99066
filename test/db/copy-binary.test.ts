import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BinaryCopyParser, int64, int64IsSafe, uuidText, writeDecimal } from '../../src/db/copy-binary.ts';
import { withSnapshot } from '../../src/db/snapshot.ts';
import { eventHash } from '../../src/domain/audit/event-hash.ts';
import { EVENT_FIELDS, EventHasher, F_HASH } from '../../src/server/audit/event-rows.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.dispose());

/** The binary COPY output of `query`, whole, as the database sends it. */
async function copyBytes(query: string): Promise<Buffer> {
  return withSnapshot(database, async (s) => {
    const chunks: Buffer[] = [];
    for await (const chunk of s.copy(query)) chunks.push(chunk);
    return Buffer.concat(chunks);
  });
}

/** Every field of every row, as bytes (null for null), read from `chunks`. */
function parse(fields: number, chunks: Buffer[]) {
  const rows: (Buffer | null)[][] = [];
  const parser = new BinaryCopyParser(fields, ({ buf, start, length }) => {
    const row: (Buffer | null)[] = [];
    for (let i = 0; i < fields; i += 1) {
      row.push(length[i] === -1 ? null : Buffer.from(buf.subarray(start[i]!, start[i]! + length[i]!)));
    }
    rows.push(row);
  });
  for (const chunk of chunks) parser.push(chunk);
  parser.end();
  return rows;
}

/** Cuts `bytes` in pieces of `size` bytes, as a network would. */
const pieces = (bytes: Buffer, size: number) =>
  Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) => bytes.subarray(i * size, (i + 1) * size));

// Texts that the COPY text format would escape (backslash, tab, line feed, carriage return), a NUL-free control
// character, non-ASCII letters, an empty string and a null: the binary format carries them all as they are.
const TEXTS_SQL = `select * from (values
  (1::bigint, E'back\\\\slash \\\\N', 'Réclamation « urgente » — n° 1'),
  (2::bigint, E'tab\\there\\nline\\rreturn', ''),
  (3::bigint, null, E'\\x01 bell'),
  (-9007199254740991::bigint, '\\.', null)
) t(n, a, b) order by n`;

describe('binary COPY reader', () => {
  it('reads texts with backslashes, control characters and accents, empty strings and nulls, byte for byte', async () => {
    const bytes = await copyBytes(TEXTS_SQL);
    const text = (b: Buffer | null) => (b === null ? null : b.toString('utf8'));
    const rows = parse(3, [bytes]).map(([n, a, b]) => [int64(n!, 0), text(a!), text(b!)]);
    expect(rows).toEqual([
      [-9007199254740991, '\\.', null],
      [1, 'back\\slash \\N', 'Réclamation « urgente » — n° 1'],
      [2, 'tab\there\nline\rreturn', ''],
      [3, null, '\x01 bell'],
    ]);
  });

  it('gives the same rows whatever the cuts between network chunks (inside the header, a length, a field)', async () => {
    const bytes = await copyBytes(TEXTS_SQL);
    const whole = parse(3, [bytes]);
    for (let size = 1; size <= bytes.length; size += 1) expect(parse(3, pieces(bytes, size))).toEqual(whole);
    for (let cut = 1; cut < bytes.length; cut += 1) {
      expect(parse(3, [bytes.subarray(0, cut), bytes.subarray(cut)])).toEqual(whole);
    }
  });

  it('refuses a cut stream, a wrong column count and a foreign signature instead of reading a shorter history', async () => {
    const bytes = await copyBytes(TEXTS_SQL);
    expect(() => parse(3, [bytes.subarray(0, bytes.length - 2)])).toThrow(/tronquées/);
    expect(() => parse(3, [bytes.subarray(0, bytes.length - 30)])).toThrow(/tronquées/);
    expect(() => parse(2, [bytes])).toThrow(/3 colonnes au lieu de 2/);
    expect(() => parse(3, [Buffer.from('n\ta\tb\n1\tx\ty\n2\tz\tw\n3\tu\tv\n')])).toThrow(/signature/);
  });

  it('reads uuids as PostgreSQL prints them, and 64-bit integers exactly', async () => {
    const bytes = await copyBytes(`select 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11'::uuid,
      '00000000-0000-0000-0000-000000000000'::uuid, 9007199254740991::bigint, (-(2::numeric ^ 62))::bigint`);
    const [a, nil, max, huge] = parse(4, [bytes])[0] as Buffer[];
    expect([uuidText(a!, 0), uuidText(nil!, 0)]).toEqual([
      'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11',
      '00000000-0000-0000-0000-000000000000',
    ]);
    expect([int64(max!, 0), int64IsSafe(max!, 0), int64IsSafe(huge!, 0)]).toEqual([
      9007199254740991,
      true,
      false,
    ]);
  });

  it('writes integers in decimal as PostgreSQL does', () => {
    const out = Buffer.alloc(32);
    for (const n of [
      0,
      7,
      10,
      99,
      100,
      -1,
      -1000,
      1_700_000_000_123_456,
      -946_684_800_000_001,
      2 ** 53 - 1,
    ]) {
      expect(out.toString('latin1', 0, writeDecimal(n, out, 0))).toBe(String(n));
    }
  });
});

describe('event hash from binary rows', () => {
  // Instants with and without microseconds, before 1970 and before 2000 (negative in PostgreSQL's own epoch), a
  // payload with escapes and accents, the nil uuid chain and null file and author: the hash must be the SQL one.
  const EVENTS = `select seq, chain_id, chain_seq, dossier_id, actor_id, type, occurred_at, prev_hash,
      audit_event_hash(chain_id, chain_seq, dossier_id, actor_id, type, occurred_at, prev_hash, payload) as hash,
      payload
    from (values
      (1::bigint, '6f1c2b9e-3d4a-4c8b-9e0f-1a2b3c4d5e6f'::uuid, 1::bigint, 'dossier.created', timestamptz '2026-11-23 10:01:00.123457+00',
        '{"b": 2, "a": "back\\\\slash \\"quoted\\" é\\n", "n": [1.50, null]}'::jsonb),
      (2::bigint, '00000000-0000-0000-0000-000000000000'::uuid, 12::bigint, 'auth.signed_in',
        timestamptz '1999-12-31 23:59:59.999999+00', '{}'::jsonb),
      (3::bigint, 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid, 9007199254740::bigint, 'dossier.viewed',
        timestamptz '1969-07-20 20:17:40.000001+00', '{"role": "handler"}'::jsonb),
      (4::bigint, 'ffffffff-ffff-4fff-bfff-ffffffffffff'::uuid, 2::bigint, 'message.created', timestamptz '2100-01-01 00:00:00+00', '[]'::jsonb)
    ) v(seq, chain_id, chain_seq, type, occurred_at, payload),
    lateral (select case when seq = 1 then chain_id end as dossier_id,
      case when seq = 3 then '0d8f0ba1-9258-47a5-977a-db4a8a9b15b5'::uuid end as actor_id, repeat(seq::text, 64) as prev_hash) x
    order by seq`;

  it('equals the SQL function audit_event_hash and eventHash of the text columns', async () => {
    const bytes = await copyBytes(EVENTS);
    const hasher = new EventHasher();
    const fromBytes: string[] = [];
    const stored: string[] = [];
    const parser = new BinaryCopyParser(EVENT_FIELDS, (row) => {
      fromBytes.push(hasher.digest(row).toString('hex'));
      const { buf, start, length } = row;
      stored.push(buf.toString('latin1', start[F_HASH]!, start[F_HASH]! + length[F_HASH]!));
    });
    for (const chunk of pieces(bytes, 7)) parser.push(chunk);
    parser.end();
    expect(fromBytes).toHaveLength(4);
    expect(fromBytes).toEqual(stored);

    const texts = await withSnapshot(database, (s) =>
      s.query(`select chain_id::text, chain_seq::text, dossier_id::text, actor_id::text, type,
        ((extract(epoch from occurred_at) * 1000000)::bigint)::text, prev_hash, payload::text, hash
        from (${EVENTS}) e order by seq`),
    );
    expect(
      texts.map(([chainId, chainSeq, dossierId, actorId, type, occurredMicros, prevHash, payloadText]) =>
        eventHash({
          chainId: chainId!,
          chainSeq: chainSeq!,
          dossierId: dossierId ?? null,
          actorId: actorId ?? null,
          type: type!,
          occurredMicros: occurredMicros!,
          prevHash: prevHash!,
          payloadText: payloadText!,
        }),
      ),
    ).toEqual(stored);
  });
});
