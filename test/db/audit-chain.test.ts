import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAuditEvent, verifyAuditChain } from '../../src/db/repositories/audit.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  for (let i = 0; i < 5; i += 1) {
    await appendAuditEvent(database.db, {
      dossierId: null,
      actorId: null,
      type: 'test.event',
      payload: { i, nested: { b: 2, a: 1 }, label: 'Réclamation n° 1 — « urgent »' },
      occurredAt: new Date(Date.UTC(2026, 10, 23, 10, i, 0, 123)),
    });
  }
});
afterAll(() => database.dispose());

describe('tamper-evident history', () => {
  it('verifies an intact chain (jsonb key order and timestamps survive the round trip)', async () => {
    expect(await verifyAuditChain(database.db)).toEqual({ ok: true, checked: 5 });
  });

  it('detects a payload altered directly in the database', async () => {
    await database.db.execute(sql`update audit_events set payload = '{"i": 99}' where seq = 3`);
    const report = await verifyAuditChain(database.db);
    expect(report.ok).toBe(false);
    expect(report.firstBreak?.seq).toBe(3);
    expect(report.firstBreak?.reason).toMatch(/modifié/);
  });

  it('detects a deleted row', async () => {
    const fresh = await createTestDatabase();
    try {
      for (const i of [1, 2, 3]) {
        await appendAuditEvent(fresh.db, {
          dossierId: null,
          actorId: null,
          type: 't',
          payload: { i },
          occurredAt: new Date(),
        });
      }
      await fresh.db.execute(sql`delete from audit_events where seq = 2`);
      const report = await verifyAuditChain(fresh.db);
      expect(report).toMatchObject({ ok: false, firstBreak: { seq: 3 } });
    } finally {
      await fresh.dispose();
    }
  });
});
