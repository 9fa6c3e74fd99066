import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateFiles } from '../../src/bench/generate.ts';
import type { DossierStatus } from '../../src/contracts/dossier-status.ts';
import { projectionOf } from '../../src/db/repositories/deadline-projection.ts';
import { verifyHistory } from '../support/audit.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

/** Issue 12: the load generator writes what the application writes (projection, history chains, transmission). */
let database: TestDatabase;
const now = new Date('2026-11-23T10:00:00Z');

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.dispose());

const rows = (sql: string, params: unknown[] = []) =>
  database.rawTransaction(async (q) => (await q(sql, params)).rows);

describe('recours bench generate', () => {
  it('writes files, members, messages, contacts and about ten chained events per file', async () => {
    const result = await generateFiles(database, {
      files: 60,
      organisation: 'Mutuelle Charge',
      force: false,
      now,
    });
    expect(result.files).toBe(60);
    const [counts] = await rows(`select
      (select count(*)::int from dossiers) as files,
      (select count(*)::int from messages) as messages,
      (select count(*)::int from contacts) as contacts,
      (select count(*)::int from audit_events) as events,
      (select count(*)::int from audit_chain_heads) as chains,
      (select count(*)::int from audit_log_pending) as pending,
      (select count(distinct organisation_id)::int from dossiers) as organisations`);
    expect(counts).toMatchObject({ files: 60, messages: 180, contacts: 120, chains: 60 });
    expect(counts!.events).toBe(result.events);
    expect(counts!.events).toBeGreaterThanOrEqual(60 * 9);
    expect(counts!.pending).toBe(counts!.events);
    expect(counts!.organisations).toBeGreaterThan(1);
  });

  it('leaves a history that verifies', async () => {
    const report = await verifyHistory(database);
    expect(report.breaks).toEqual([]);
    expect(report.ok).toBe(true);
  });

  it('stores the projection the engine computes, and transmits every file but the drafts', async () => {
    const files = await rows(
      `select facts, organisation_kind, zone, status, created_at, transmitted_at, complaint_on::text,
         sla_ack_due_on::text, sla_answer_due_on::text, next_due_on::text, sla_ack_status, sla_answer_status
       from dossiers`,
    );
    for (const f of files) {
      const p = projectionOf(
        {
          facts: f.facts as Record<string, string>,
          organisationKind: 'mutuelle',
          zone: 'metropole',
          status: f.status as DossierStatus,
          createdAt: new Date(f.created_at as string),
        },
        now,
      );
      expect([f.complaint_on, f.sla_ack_due_on, f.sla_answer_due_on, f.next_due_on]).toEqual([
        p.complaintOn ?? null,
        p.slaAckDueOn ?? null,
        p.slaAnswerDueOn ?? null,
        p.nextDueOn ?? null,
      ]);
      expect([f.sla_ack_status, f.sla_answer_status]).toEqual([
        p.slaAckStatus ?? null,
        p.slaAnswerStatus ?? null,
      ]);
      expect(f.transmitted_at === null).toBe(f.status === 'draft');
    }
  });

  it('adds to the same organisations on a second run, with new references', async () => {
    await generateFiles(database, { files: 10, organisation: 'Mutuelle Charge', force: false, now });
    const [n] = await rows('select count(*)::int as n, count(distinct reference)::int as refs from dossiers');
    expect(n).toEqual({ n: 70, refs: 70 });
    expect((await verifyHistory(database)).ok).toBe(true);
  });

  it('refuses, in French, a database holding other organisations’ files unless forced', async () => {
    await expect(
      generateFiles(database, { files: 5, organisation: 'Mutuelle Autre', force: false, now }),
    ).rejects.toThrow(/Refusé : cette base contient déjà 70 dossiers d’autres organismes/);
  });
});
