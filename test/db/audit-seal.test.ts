import { generateKeyPairSync } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/db/snapshot.ts';
import { keyIdOf } from '../../src/domain/audit/checkpoint.ts';
import { GENESIS_HASH } from '../../src/domain/audit/event-hash.ts';
import { nodeHash, StreamingMerkle, splitPoint } from '../../src/domain/audit/merkle.ts';
import { takeCheckpoint } from '../../src/server/audit/checkpoints.ts';
import { logRootsInWorker } from '../../src/server/audit/merkle-in-worker.ts';
import { integratePending, rangeHash, STORED_LEVEL } from '../../src/server/audit/merkle-log.ts';
import type { AuditKeys } from '../../src/server/audit/signing-key.ts';
import { type VerifyReport, verifyAuditHistory } from '../../src/server/audit/verify.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

let database: TestDatabase | undefined;
afterEach(async () => {
  await database?.dispose();
  database = undefined;
});

const exec = async <T>(text: string) => rowsOf<T>(await database!.db.execute(sql.raw(text)));

/** `count` events, each the first of a chain of its own, queued for the log as the application does. */
async function pendingEvents(count: number) {
  database ??= await createTestDatabase();
  await exec(`with ev as (
      insert into audit_events (chain_id, chain_seq, type, occurred_at, payload, prev_hash, hash)
      select c, 1, 'dossier.viewed', ts, p, '${GENESIS_HASH}',
        audit_event_hash(c, 1, null, null, 'dossier.viewed', ts, '${GENESIS_HASH}', p)
      from (select gen_random_uuid() as c, timestamptz '2026-01-01' + i * interval '1.000007 second' as ts,
        jsonb_build_object('i', i) as p from generate_series(1, ${count}) i) x
      returning seq, chain_id, hash, prev_hash
    ), heads as (
      insert into audit_chain_heads (chain_id, last_seq, last_hash, prev_hash)
      select chain_id, 1, hash, prev_hash from ev
    )
    insert into audit_log_pending (event_seq) select seq from ev`);
  return database.db;
}

/** RFC 9162 MTH straight from its definition: the reference both sealers must match. */
function mth(leaves: readonly string[]): string {
  if (leaves.length === 1) return leaves[0]!;
  const k = splitPoint(leaves.length);
  return nodeHash(mth(leaves.slice(0, k)), mth(leaves.slice(k)));
}

async function leafHashes() {
  return (
    await exec<{ hash: string }>(
      'select e.hash from audit_log_leaves l join audit_events e on e.seq = l.event_seq order by l.leaf_index',
    )
  ).map((r) => r.hash);
}

describe('sealing a batch from its own rows', () => {
  // 2 100 leaves: 8 tiles of 256, nodes up to level 11, and batches that start and end inside tiles.
  const schedules = [
    [2100],
    [1, 255, 1, 300, 700, 2, 841],
    [97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 97, 63],
  ];

  it.each(schedules.map((s) => [s.length, s]))(
    'stores exactly the complete subtrees of level ≥ 8, each the MTH of its leaves, in %i batch(es)',
    async (_n, schedule) => {
      const db = await pendingEvents(2100);
      for (const batch of schedule) await integratePending(db, batch, batch);
      const leaves = await leafHashes();
      expect(leaves).toHaveLength(2100);
      const expected: string[] = [];
      for (let level = STORED_LEVEL; 2 ** level <= leaves.length; level += 1) {
        const width = 2 ** level;
        for (let idx = 0; (idx + 1) * width <= leaves.length; idx += 1) {
          expected.push(`${level}:${idx}:${mth(leaves.slice(idx * width, (idx + 1) * width))}`);
        }
      }
      const stored = await exec<{ node: string }>(
        `select level || ':' || idx || ':' || hash as node from audit_log_nodes order by level, idx`,
      );
      expect(stored.map((r) => r.node)).toEqual(expected);
      const streamed = new StreamingMerkle();
      for (const h of leaves) streamed.push(Buffer.from(h, 'hex'));
      expect(await rangeHash(db, 0, leaves.length)).toBe(streamed.root());
      expect(await rangeHash(db, 0, leaves.length)).toBe(mth(leaves));
      for (const size of [1, 255, 256, 257, 1000, 2048, 2099]) {
        expect(await rangeHash(db, 0, size)).toBe(mth(leaves.slice(0, size)));
      }
    },
  );
});

function newKeys(): AuditKeys {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const keyId = keyIdOf(publicKey);
  return { privateKey, keyId, trustedKeyIds: new Set([keyId]) };
}

/** The report without its duration, for comparing two runs. */
const comparable = ({ durationMs: _d, ...rest }: VerifyReport) => rest;

describe('the log’s tree in a worker thread or in this one', () => {
  async function both(keys: AuditKeys, maxBreaks?: number) {
    const options = { trustedKeyIds: keys.trustedKeyIds, ...(maxBreaks ? { maxBreaks } : {}) };
    const here = await verifyAuditHistory(database!, { ...options, merkleInWorker: false });
    const inWorker = await verifyAuditHistory(database!, { ...options, merkleInWorker: true });
    expect(comparable(inWorker)).toEqual(comparable(here));
    return here;
  }

  it('finds the same breaks, whatever is tampered with', async () => {
    const db = await pendingEvents(300);
    const keys = newKeys();
    await takeCheckpoint(db, keys, new Date('2026-12-01T10:00:00Z'));
    await pendingEvents(400);
    await takeCheckpoint(db, keys, new Date('2026-12-01T10:01:00Z'));
    expect(await both(keys)).toMatchObject({ ok: true, leaves: 700, checkpointsChecked: 2 });

    // A sealed event deleted (its chain's head remains), a leaf deleted, the newest leaves deleted.
    await exec(
      'delete from audit_events where seq = (select event_seq from audit_log_leaves where leaf_index = 10)',
    );
    await exec('delete from audit_log_leaves where leaf_index = 20');
    await exec('delete from audit_log_leaves where leaf_index >= 650');
    const report = await both(keys);
    expect(report.ok).toBe(false);
    expect(report.leaves).toBe(650);
    const reasons = report.breaks.map((b) => b.reason).join('\n');
    expect(reasons).toMatch(/scellé dans le journal \(feuille 10\), a été supprimé/);
    expect(reasons).toMatch(/des feuilles du journal \(n° 20\) ont été supprimées/);
    expect(reasons).toMatch(/scellait 700 événements, le journal n’en compte plus que 650/);
    expect(reasons).toMatch(/ne correspond plus au point de contrôle .* \(300 événements scellés\)/);

    // Only the first break listed, every one counted, the same in both.
    const first = await both(keys, 1);
    expect(first.breaks).toHaveLength(1);
    expect(first.breakCount).toBe(report.breakCount);
  });

  it('catches a sealed event rewritten with its chain recomputed, in both', async () => {
    const db = await pendingEvents(300);
    const keys = newKeys();
    await takeCheckpoint(db, keys, new Date('2026-12-01T10:00:00Z'));
    // The event and its head rewritten consistently: only the signed root can tell.
    await exec(`with e as (select seq, chain_id, occurred_at, prev_hash from audit_events order by seq limit 1 offset 42),
        h as (select e.seq, e.chain_id, audit_event_hash(e.chain_id, 1, null, null, 'dossier.viewed', e.occurred_at,
          e.prev_hash, '{"i": -1}'::jsonb) as hash from e),
        u as (update audit_events a set payload = '{"i": -1}', hash = h.hash from h where a.seq = h.seq returning a.seq)
      update audit_chain_heads c set last_hash = h.hash from h where c.chain_id = h.chain_id`);
    const report = await both(keys);
    expect(report.ok).toBe(false);
    expect(report.breaks).toEqual([
      expect.objectContaining({
        kind: 'checkpoint',
        reason: expect.stringMatching(/300 événements scellés/),
      }),
    ]);
  });
});

describe('the worker thread', () => {
  it('passes on the error of a stream it cannot read, and the verification fails rather than passing', async () => {
    async function* garbage() {
      yield Buffer.from('pas un COPY binaire');
    }
    await expect(logRootsInWorker(garbage(), [0], 10)).rejects.toThrow(/signature inattendue/);
  });
});
