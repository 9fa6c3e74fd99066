import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEventsOf } from '../../src/db/repositories/audit.ts';
import { findDossier } from '../../src/db/repositories/dossiers.ts';
import { as, createTestApp, type Session, type TestApp } from '../support/test-app.ts';

let t: TestApp;
const s: Record<string, Session> = {};
type Entry = { id: string; reference: string; status: string; assignedHandler: { id: string } | null };
let unassigned: Entry[];
let closedFile: Entry;
let otherOrgFile: string;

beforeAll(async () => {
  t = await createTestApp();
  for (const [who, email] of Object.entries({
    handler: 'conseiller@demo.recours.fr',
    handler2: 'conseiller2@demo.recours.fr',
    supervisor: 'superviseur@demo.recours.fr',
    auditor: 'auditeur@demo.recours.fr',
    admin: 'admin@demo.recours.fr',
    member: 'adherent@demo.recours.fr',
    otherHandler: 'conseiller@assurances-exemple.fr',
  })) {
    s[who] = await t.login(email);
  }
  const list = async (query: string) =>
    (
      await t.app.inject({ method: 'GET', url: `/api/v1/register${query}`, headers: as(s.supervisor!) })
    ).json().items as Entry[];
  unassigned = await list('?handlerId=none&status=submitted&limit=200');
  closedFile = (await list('?status=closed'))[0]!;
  otherOrgFile = (
    await t.app.inject({ method: 'GET', url: '/api/v1/register', headers: as(s.otherHandler!) })
  ).json().items[0].id;
});
afterAll(() => t.close());

function post(who: string, url: string, payload: object) {
  return t.app.inject({ method: 'POST', url, headers: as(s[who]!), payload });
}
const assign = (who: string, dossierIds: string[], handlerId: string | null) =>
  post(who, '/api/v1/register/assign', { dossierIds, handlerId });
const handlerOf = async (id: string) => (await findDossier(t.ctx.database.db, id))!.assignedHandlerId;

describe('POST /api/v1/register/assign', () => {
  it('a supervisor assigns several files to a handler; each change is audited with before/after', async () => {
    const [a, b] = unassigned;
    const res = await assign('supervisor', [a!.id, b!.id], s.handler2!.userId);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().results).toEqual([
      expect.objectContaining({ dossierId: a!.id, outcome: 'done', message: 'Attribué à Karim Benali.' }),
      expect.objectContaining({ dossierId: b!.id, outcome: 'done' }),
    ]);
    expect(await handlerOf(a!.id)).toBe(s.handler2!.userId);
    const event = (await auditEventsOf(t.ctx.database.db, a!.id)).at(-1)!;
    expect(event).toMatchObject({
      type: 'dossier.assigned',
      actorId: s.supervisor!.userId,
      payload: { before: { assignedHandlerId: null }, after: { assignedHandlerId: s.handler2!.userId } },
    });
  });

  it('the assigned handler is notified', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/notifications', headers: as(s.handler2!) });
    expect(res.json().notifications.some((n: { kind: string }) => n.kind === 'dossier.assigned')).toBe(true);
  });

  it('assigning again to the same handler changes nothing', async () => {
    const res = await assign('supervisor', [unassigned[0]!.id], s.handler2!.userId);
    expect(res.json().results[0].outcome).toBe('unchanged');
  });

  it('a handler takes an unassigned file for himself, but not a colleague’s', async () => {
    const free = unassigned[2]!;
    const take = await assign('handler', [free.id], s.handler!.userId);
    expect(take.statusCode, take.body).toBe(200);
    expect(await handlerOf(free.id)).toBe(s.handler!.userId);
    const steal = await assign('handler', [unassigned[0]!.id], s.handler!.userId);
    expect(steal.statusCode).toBe(403);
    expect(steal.json().error.message).toContain('seul un superviseur peut le réattribuer');
    const give = await assign('handler', [unassigned[3]!.id], s.handler2!.userId);
    expect(give.statusCode).toBe(403);
    expect(give.json().error.message).toContain('qu’à lui-même');
  });

  it('refuses a target outside the organisation, naming the field', async () => {
    const res = await assign('supervisor', [unassigned[3]!.id], s.otherHandler!.userId);
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      field: 'handlerId',
      message: expect.stringContaining('Choisissez un conseiller ou un superviseur de votre organisme.'),
    });
    expect(res.json().results[0].message).toBe(
      'Choisissez un conseiller ou un superviseur de votre organisme.',
    );
    const member = await assign('supervisor', [unassigned[3]!.id], s.member!.userId);
    expect(member.statusCode).toBe(400);
  });

  it('an auditor and a member are refused; another organisation’s file is not found', async () => {
    expect((await assign('auditor', [unassigned[3]!.id], s.handler!.userId)).statusCode).toBe(403);
    // A member cannot see another member's file: not found, as everywhere.
    expect((await assign('member', [unassigned[3]!.id], s.handler!.userId)).statusCode).toBe(404);
    const foreign = await assign('supervisor', [otherOrgFile], s.handler!.userId);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().results[0]).toMatchObject({ reference: null, outcome: 'refused' });
  });

  it('an admin unassigns', async () => {
    const res = await assign('admin', [unassigned[2]!.id], null);
    expect(res.statusCode).toBe(200);
    expect(await handlerOf(unassigned[2]!.id)).toBeNull();
  });
});

describe('POST /api/v1/register/bulk: all or nothing', () => {
  it('one closed file among three: nothing is changed, and the answer says which file and why', async () => {
    const ids = [unassigned[3]!.id, closedFile.id, unassigned[4]!.id];
    const before = await Promise.all(ids.map(handlerOf));
    const res = await post('supervisor', '/api/v1/register/bulk', {
      action: 'assign',
      dossierIds: ids,
      handlerId: s.handler!.userId,
    });
    expect(res.statusCode).toBe(409);
    const body = res.json();
    expect(body.error.message).toContain('1 dossier sur 3 ne peut pas être traité : aucune modification');
    expect(body.results.map((r: { outcome: string }) => r.outcome)).toEqual([
      'not_applied',
      'refused',
      'not_applied',
    ]);
    expect(body.results[1].message).toContain('Dossier clos');
    expect(await Promise.all(ids.map(handlerOf))).toEqual(before);
  });

  it('changes the priority of several files, audited one by one', async () => {
    const ids = [unassigned[3]!.id, unassigned[4]!.id];
    const res = await post('supervisor', '/api/v1/register/bulk', {
      action: 'priority',
      dossierIds: ids,
      priority: 'urgent',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().results.every((r: { outcome: string }) => r.outcome === 'done')).toBe(true);
    for (const id of ids) {
      expect((await findDossier(t.ctx.database.db, id))!.priority).toBe('urgent');
      expect((await auditEventsOf(t.ctx.database.db, id)).at(-1)).toMatchObject({
        type: 'dossier.priority_changed',
        payload: { after: { priority: 'urgent' } },
      });
    }
  });

  it('acknowledges several files at once; an already acknowledged one blocks the whole request', async () => {
    const ids = [unassigned[3]!.id, unassigned[4]!.id];
    const res = await post('supervisor', '/api/v1/register/bulk', { action: 'acknowledge', dossierIds: ids });
    expect(res.statusCode, res.body).toBe(200);
    for (const id of ids) {
      const row = (await findDossier(t.ctx.database.db, id))!;
      expect(row.status).toBe('acknowledged');
      expect((row.facts as { acknowledgedOn?: string }).acknowledgedOn).toBe('2026-11-23');
    }
    const submitted = (
      await t.app.inject({
        method: 'GET',
        url: '/api/v1/register?status=submitted',
        headers: as(s.supervisor!),
      })
    ).json().items as Entry[];
    const fresh = submitted[0]!.id;
    const again = await post('supervisor', '/api/v1/register/bulk', {
      action: 'acknowledge',
      dossierIds: [fresh, ids[0]],
    });
    expect(again.statusCode).toBe(409);
    expect((await findDossier(t.ctx.database.db, fresh))!.status).toBe('submitted');
  });

  it('validates the request: an unknown action, no file, a malformed id', async () => {
    const unknown = await post('supervisor', '/api/v1/register/bulk', {
      action: 'delete',
      dossierIds: [unassigned[0]!.id],
    });
    expect(unknown.statusCode).toBe(400);
    const empty = await post('supervisor', '/api/v1/register/bulk', {
      action: 'acknowledge',
      dossierIds: [],
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.message).toContain('Choisissez au moins un dossier');
  });
});
