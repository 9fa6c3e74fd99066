import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { proofProblems } from '../../src/domain/audit/proof.ts';
import { verifyHistory } from '../support/audit.ts';
import { as, createTestApp, type Session, type TestApp } from '../support/test-app.ts';
import { ACCOUNTS, demoDossiers, loginAll, type Who } from './dossier-support.ts';

let t: TestApp;
let s: Record<Who, Session>;
let ids: Awaited<ReturnType<typeof demoDossiers>>;
beforeAll(async () => {
  t = await createTestApp();
  s = await loginAll(t);
  ids = await demoDossiers(t, s);
});
afterAll(() => t.close());

describe('the auditor’s API', () => {
  it('eight parallel readers of files and their parts, then the history verifies', async () => {
    const parts = ['', '/documents', '/messages', '/timeline'];
    const readers = (
      ['member', 'handler', 'supervisor', 'auditor', 'admin', 'member', 'handler', 'auditor'] as Who[]
    ).map(async (who, i) => {
      for (let round = 0; round < 6; round += 1) {
        const file =
          who === 'member' ? ids.crown : [ids.crown, ids.glasses, ids.doubleDebit][(i + round) % 3]!;
        const res = await t.app.inject({
          method: 'GET',
          url: `/api/v1/dossiers/${file}${parts[(i + round) % parts.length]}`,
          headers: as(s[who]),
        });
        expect(res.statusCode).toBe(200);
      }
    });
    await Promise.all(readers);
    expect((await verifyHistory(t.database)).breaks).toEqual([]);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/audit/verifications',
      headers: as(s.auditor),
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ ok: true, breakCount: 0 });
  });

  it('is refused to the other roles', async () => {
    for (const who of ['member', 'handler', 'supervisor', 'mediator'] as Who[]) {
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/audit/events', headers: as(s[who]) });
      expect(res.statusCode, ACCOUNTS[who]).toBe(403);
    }
  });

  it('browses the organisation’s history by keyset pages and filters, and exports it as CSV', async () => {
    const first = await t.app.inject({
      method: 'GET',
      url: `/api/v1/audit/events?limit=3&dossierId=${ids.crown}`,
      headers: as(s.auditor),
    });
    const body = first.json() as { events: { id: number; dossierId: string }[]; nextBefore: number };
    expect(body.events).toHaveLength(3);
    expect(body.events.every((e) => e.dossierId === ids.crown)).toBe(true);
    const second = await t.app.inject({
      method: 'GET',
      url: `/api/v1/audit/events?limit=3&dossierId=${ids.crown}&before=${body.nextBefore}`,
      headers: as(s.auditor),
    });
    expect(second.json().events[0].id).toBeLessThan(body.events[2]!.id);
    // Another organisation's file is not in this auditor's history.
    const other = await t.app.inject({
      method: 'GET',
      url: `/api/v1/audit/events?dossierId=${ids.termination}`,
      headers: as(s.auditor),
    });
    expect(other.json().events).toEqual([]);
    const csv = await t.app.inject({
      method: 'GET',
      url: `/api/v1/audit/events.csv?type=dossier.viewed`,
      headers: as(s.auditor),
    });
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.trim().split('\n');
    expect(lines[0]).toContain('numéro;dossier;auteur;type;date;rang;empreinte');
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.slice(1).every((l) => l.includes(';dossier.viewed;'))).toBe(true);
  });

  it('gives a proof that checks offline and lists the signed checkpoints', async () => {
    const page = await t.app.inject({
      method: 'GET',
      url: '/api/v1/audit/events?limit=1',
      headers: as(s.admin),
    });
    const eventId = page.json().events[0].id as number;
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/audit/events/${eventId}/proof`,
      headers: as(s.admin),
    });
    expect(res.statusCode).toBe(200);
    const proof = res.json();
    expect(proofProblems(proof, new Set([proof.checkpoint.keyId]))).toEqual([]);
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/v1/audit/checkpoints',
      headers: as(s.auditor),
    });
    expect(list.json().checkpoints[0]).toMatchObject({
      keyId: proof.checkpoint.keyId,
      treeSize: proof.checkpoint.treeSize,
    });
  });
});
