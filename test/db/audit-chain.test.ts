import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { appendAuditEvent } from '../../src/db/repositories/audit.ts';
import { keyIdOf, signCheckpoint } from '../../src/domain/audit/checkpoint.ts';
import { proofProblems } from '../../src/domain/audit/proof.ts';
import { proveEvent, takeCheckpoint } from '../../src/server/audit/checkpoints.ts';
import type { AuditKeys } from '../../src/server/audit/signing-key.ts';
import { verifyAuditHistory } from '../../src/server/audit/verify.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

function newKeys(): AuditKeys {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const keyId = keyIdOf(publicKey);
  return { privateKey, keyId, trustedKeyIds: new Set([keyId]) };
}

let database: TestDatabase | undefined;
afterEach(async () => {
  await database?.dispose();
  database = undefined;
});

const A = randomUUID();
const B = randomUUID();
const C = randomUUID();

/** Three chains (events without a file, one chain per organisation id): A and B of 5 events, C of 3. */
async function history(counts: Record<string, number> = { [A]: 5, [B]: 5, [C]: 3 }) {
  database = await createTestDatabase();
  const db = database.db;
  let minute = 0;
  for (let i = 0; i < 5; i += 1) {
    for (const [chain, count] of Object.entries(counts)) {
      if (i >= count) continue;
      minute += 1;
      await db.transaction((tx) =>
        appendAuditEvent(tx, {
          dossierId: null,
          organisationId: chain,
          actorId: null,
          type: 'dossier.note_added',
          payload: { i, nested: { b: 2, a: 1 }, label: 'Réclamation n° 1 — « urgent »' },
          // Microseconds survive: 123 ms here, and a shift of 400 µs must show (test below).
          occurredAt: new Date(Date.UTC(2026, 10, 23, 10, minute, 0, 123)),
        }),
      );
    }
  }
  return db;
}

const verify = (keys?: AuditKeys, extra: Partial<Parameters<typeof verifyAuditHistory>[1]> = {}) =>
  verifyAuditHistory(database!, { trustedKeyIds: keys?.trustedKeyIds ?? new Set(), ...extra });

const exec = (text: string) => database!.db.execute(sql.raw(text));

describe('tamper-evident history: chains', () => {
  it('verifies an intact history (jsonb key order and timestamps survive the round trip)', async () => {
    await history();
    const report = await verify();
    expect(report).toMatchObject({ ok: true, events: 13, chains: 3, breakCount: 0, breaks: [] });
  });

  it('detects an altered payload, names the chain and the event, and goes on to the next break', async () => {
    await history();
    await exec(`update audit_events set payload = '{"i": 99}' where chain_id = '${A}' and chain_seq = 2`);
    await exec(
      `update audit_events set actor_id = null, type = 'autre' where chain_id = '${B}' and chain_seq = 4`,
    );
    const report = await verify();
    expect(report.ok).toBe(false);
    expect(report.breakCount).toBe(2);
    expect(report.breaks).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'altered',
          chainId: A,
          chainSeq: 2,
          reason: expect.stringMatching(/modifié/),
        }),
        expect.objectContaining({ kind: 'altered', chainId: B, chainSeq: 4 }),
      ]),
    );
  });

  it('detects a timestamp shifted by 400 microseconds', async () => {
    await history();
    await exec(
      `update audit_events set occurred_at = occurred_at + interval '400 microseconds' where chain_id = '${C}' and chain_seq = 1`,
    );
    const report = await verify();
    expect(report.breaks).toEqual([expect.objectContaining({ kind: 'altered', chainId: C, chainSeq: 1 })]);
    expect(report.breaks[0]!.reason).toMatch(/microseconde/);
  });

  it('detects a deleted row in the middle', async () => {
    await history();
    await exec(`delete from audit_events where chain_id = '${A}' and chain_seq = 3`);
    const report = await verify();
    expect(report.breaks).toEqual([
      expect.objectContaining({
        kind: 'deleted',
        chainId: A,
        chainSeq: 3,
        reason: expect.stringMatching(/n° 3/),
      }),
    ]);
  });

  it('detects the deletion of the newest row, of the newest rows and of a whole chain', async () => {
    await history();
    await exec(`delete from audit_events where chain_id = '${A}' and chain_seq = 5`);
    await exec(`delete from audit_events where chain_id = '${B}' and chain_seq >= 3`);
    await exec(`delete from audit_events where chain_id = '${C}'`);
    const report = await verify();
    const byChain = (id: string) => report.breaks.filter((b) => b.chainId === id);
    expect(byChain(A)).toEqual([
      expect.objectContaining({ kind: 'deleted', reason: expect.stringMatching(/plus récents \(n° 5\)/) }),
    ]);
    expect(byChain(B)).toEqual([
      expect.objectContaining({ kind: 'deleted', reason: expect.stringMatching(/n° 3 à 5/) }),
    ]);
    expect(byChain(C)).toEqual([
      expect.objectContaining({ kind: 'deleted', reason: expect.stringMatching(/tous les événements/) }),
    ]);
  });

  it('detects a row inserted with a valid hash, in the middle or after the head', async () => {
    await history();
    // A forger who knows the formula: the row hashes correctly but the numbering and the head betray it.
    await exec(`insert into audit_events (chain_id, chain_seq, type, occurred_at, payload, prev_hash, hash)
      select chain_id, 6, type, occurred_at, payload, hash,
        audit_event_hash(chain_id, 6, null, null, type, occurred_at, hash, payload)
      from audit_events where chain_id = '${A}' and chain_seq = 5`);
    await exec(
      `update audit_events set chain_seq = chain_seq + 10 where chain_id = '${B}' and chain_seq >= 3`,
    );
    const report = await verify();
    expect(report.breaks).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'inserted', chainId: A, reason: expect.stringMatching(/ajoutés/) }),
        expect.objectContaining({ chainId: B }),
      ]),
    );
  });

  it('detects two rows swapped (reordered)', async () => {
    await history();
    await exec(
      `update audit_events set chain_seq = -chain_seq where chain_id = '${A}' and chain_seq in (2, 3)`,
    );
    await exec(
      `update audit_events set chain_seq = case chain_seq when -2 then 3 else 2 end where chain_id = '${A}' and chain_seq < 0`,
    );
    const report = await verify();
    expect(report.breaks.filter((b) => b.chainId === A).map((b) => b.chainSeq)).toEqual(
      expect.arrayContaining([2, 3]),
    );
    expect(report.breaks.every((b) => b.chainId === A)).toBe(true);
  });
  it('reads events in event order: a chain stored out of its own order verifies, and a gap is still found', async () => {
    await history();
    // Event ids of A's n° 2 and 3 swapped (ids are not hashed): the events pass meets n° 3 before n° 2.
    await exec(`update audit_events set seq = -seq where chain_id = '${A}' and chain_seq in (2, 3)`);
    await exec(`update audit_events e set seq = o.seq from (select chain_id, chain_seq, -seq as seq from audit_events
      where chain_id = '${A}' and seq < 0) o where e.chain_id = o.chain_id and e.seq < 0 and e.chain_seq = 5 - o.chain_seq`);
    expect((await verify()).breaks).toEqual([]);
    await exec(`delete from audit_events where chain_id = '${A}' and chain_seq = 4`);
    const report = await verify();
    expect(report.breaks).toEqual([
      expect.objectContaining({
        kind: 'deleted',
        chainId: A,
        chainSeq: 4,
        reason: expect.stringMatching(/n° 4/),
      }),
    ]);
  });
});

describe('tamper-evident history: Merkle log and signed checkpoints', () => {
  it('a chain rewritten whole, head included, is caught by the signed checkpoint', async () => {
    const db = await history();
    const keys = newKeys();
    await takeCheckpoint(db, keys, new Date('2026-11-23T11:00:00Z'));
    expect((await verify(keys)).ok).toBe(true);
    // The database administrator rewrites chain A consistently: every hash recomputed, the head too.
    await exec(`do $$ declare r record; prev text := repeat('0', 64); h text; begin
      for r in select * from audit_events where chain_id = '${A}' order by chain_seq loop
        h := audit_event_hash(r.chain_id, r.chain_seq, r.dossier_id, r.actor_id, r.type, r.occurred_at, prev, '{"i": 0}'::jsonb);
        update audit_events set payload = '{"i": 0}', prev_hash = prev, hash = h where seq = r.seq;
        prev := h;
      end loop;
      update audit_chain_heads set last_hash = prev where chain_id = '${A}';
    end $$`);
    const report = await verify(keys);
    expect(report.ok).toBe(false);
    expect(report.breaks).toEqual([
      expect.objectContaining({
        kind: 'checkpoint',
        reason: expect.stringMatching(/ne correspond plus au point de contrôle/),
      }),
    ]);
  });

  it('an auditor’s checkpoint still catches a history wiped with its checkpoints', async () => {
    const db = await history();
    const keys = newKeys();
    const { checkpoint } = await takeCheckpoint(db, keys, new Date('2026-11-23T11:00:00Z'));
    const { id: _id, ...held } = checkpoint;
    for (const table of [
      'audit_events',
      'audit_chain_heads',
      'audit_log_leaves',
      'audit_log_nodes',
      'audit_checkpoints',
    ]) {
      await exec(`delete from ${table}`);
    }
    expect((await verify(keys)).ok).toBe(true);
    const report = await verify(keys, { externalCheckpoint: held });
    expect(report.ok).toBe(false);
    expect(report.breaks[0]!.reason).toMatch(/scellait 13 événements, le journal n’en compte plus que 0/);
  });

  it('a checkpoint signed by an unknown key is refused', async () => {
    const db = await history();
    await takeCheckpoint(db, newKeys(), new Date('2026-11-23T11:00:00Z'));
    const report = await verify(newKeys());
    expect(report.breaks).toEqual([
      expect.objectContaining({ kind: 'checkpoint', reason: expect.stringMatching(/clé inconnue/) }),
    ]);
  });

  it('a forged root, even signed by a trusted key, does not match the log', async () => {
    const db = await history();
    const keys = newKeys();
    await takeCheckpoint(db, keys, new Date('2026-11-23T11:00:00Z'));
    const forged = signCheckpoint(
      { treeSize: 13, rootHash: 'ab'.repeat(32), issuedAt: '2026-11-23T12:00:00.000Z' },
      keys.privateKey,
    );
    const report = await verify(keys, { externalCheckpoint: forged });
    expect(report.breaks).toEqual([expect.objectContaining({ kind: 'checkpoint' })]);
  });

  it('deleting a sealed event is caught by the log even when its chain is repaired', async () => {
    const db = await history();
    const keys = newKeys();
    await takeCheckpoint(db, keys, new Date('2026-11-23T11:00:00Z'));
    await exec(`delete from audit_events where chain_id = '${C}' and chain_seq = 3`);
    await exec(`update audit_chain_heads h set last_seq = 2, last_hash = e.hash from audit_events e
      where h.chain_id = '${C}' and e.chain_id = h.chain_id and e.chain_seq = 2`);
    const report = await verify(keys);
    expect(report.breaks.map((b) => b.kind)).toEqual(expect.arrayContaining(['deleted', 'checkpoint']));
    expect(report.breaks.some((b) => /scellé dans le journal/.test(b.reason))).toBe(true);
  });

  it('proves an event’s inclusion, the proof checks offline and fails once altered (stored subtrees too)', async () => {
    // 600 events: more than two stored subtrees of 256 leaves, and a right edge that is not.
    const db = await history({ [A]: 5 });
    const keys = newKeys();
    await db.execute(sql`select 1`);
    for (let i = 0; i < 595; i += 1) {
      await db.transaction((tx) =>
        appendAuditEvent(tx, {
          dossierId: null,
          organisationId: B,
          actorId: null,
          type: 'dossier.note_added',
          payload: { i },
          occurredAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)),
        }),
      );
    }
    await takeCheckpoint(db, keys, new Date('2026-11-23T11:00:00Z'));
    const stored = await db.execute(sql`select count(*)::int as n from audit_log_nodes`);
    expect((stored as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(3);
    expect((await verify(keys)).breaks).toEqual([]);
    for (const eventId of [1, 257, 300, 600]) {
      const proof = await proveEvent(db, keys, eventId, new Date());
      expect(proof).not.toBeNull();
      expect(proofProblems(proof!, new Set([keys.keyId]))).toEqual([]);
    }
    const proof = (await proveEvent(db, keys, 300, new Date()))!;
    const altered = { ...proof, event: { ...proof.event, payloadText: '{"i": 1}' } };
    expect(proofProblems(altered, new Set([keys.keyId]))).toEqual([
      expect.stringMatching(/chemin de preuve/),
    ]);
    expect(proofProblems(proof, new Set(['autre']))).toEqual([expect.stringMatching(/clé inconnue/)]);
  });
});
