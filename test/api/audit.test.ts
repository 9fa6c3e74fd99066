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
  ids = demoDossiers(t);
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
    expect(lines[0]).toContain('numéro;dossier;auteur;identifiant de l’auteur;événement;date;rang;empreinte');
    expect(lines.length).toBeGreaterThan(2);
    // French labels, never the type codes.
    expect(lines.slice(1).every((l) => l.includes(';Consultation du dossier;'))).toBe(true);
    expect(csv.body).not.toContain('dossier.viewed');
  });

  it('filters by a file’s reference and by several types at once, with the actor’s name and the French label', async () => {
    await t.app.inject({ method: 'GET', url: `/api/v1/dossiers/${ids.crown}`, headers: as(s.handler) });
    const one = await t.app.inject({
      method: 'GET',
      url: `/api/v1/audit/events?limit=1&dossierId=${ids.crown}`,
      headers: as(s.auditor),
    });
    const reference = one.json().events[0].reference as string;
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/audit/events?reference=${reference.toLowerCase()}&type=dossier.viewed,dossier.created&limit=200`,
      headers: as(s.auditor),
    });
    expect(res.statusCode).toBe(200);
    const events = res.json().events as {
      reference: string;
      type: string;
      typeLabel: string;
      actorName: string | null;
    }[];
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((e) => e.reference === reference)).toBe(true);
    expect(new Set(events.map((e) => e.type))).toEqual(new Set(['dossier.viewed', 'dossier.created']));
    const viewed = events.find((e) => e.type === 'dossier.viewed')!;
    expect(viewed.typeLabel).toBe('Consultation du dossier');
    expect(viewed.actorName).toBeTruthy();
    const bad = await t.app.inject({
      method: 'GET',
      url: '/api/v1/audit/events?reference=REC%202026',
      headers: as(s.auditor),
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Référence de dossier invalide');
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
