import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/db/snapshot.ts';
import { as, createTestApp, type Session, type TestApp } from '../support/test-app.ts';

let t: TestApp;
const s: Record<string, Session> = {};

beforeAll(async () => {
  t = await createTestApp();
  for (const [who, email] of Object.entries({
    admin: 'admin@demo.recours.fr',
    supervisor: 'superviseur@demo.recours.fr',
    handler: 'conseiller2@demo.recours.fr',
  })) {
    s[who] = await t.login(email);
  }
});
afterAll(() => t.close());

const call = (
  who: string,
  method: 'GET' | 'POST' | 'PATCH',
  url: string,
  payload?: Record<string, unknown>,
) => t.app.inject({ method, url, headers: as(s[who]!), ...(payload === undefined ? {} : { payload }) });

/** After the concurrent demotions, either of the two sessions may be the admin's. */
async function adminSession(): Promise<string> {
  for (const who of ['admin', 'supervisor']) {
    const me = (await call(who, 'GET', '/api/auth/me')).json().user;
    if (me.role === 'admin') return who;
  }
  throw new Error('no admin left');
}

async function staffByEmail(email: string) {
  const res = await call(await adminSession(), 'GET', '/api/v1/admin/staff');
  return res.json().staff.find((m: { email: string }) => m.email === email);
}

async function events(type: string): Promise<Record<string, unknown>[]> {
  const result = await t.database.db.execute(
    sql`select payload from audit_events where type = ${type} order by occurred_at`,
  );
  return rowsOf<{ payload: Record<string, unknown> }>(result).map((r) => r.payload);
}

describe('administration of the staff (issue 14)', () => {
  it('lists the organisation’s staff only, to admins only', async () => {
    const res = await call('admin', 'GET', '/api/v1/admin/staff');
    expect(res.statusCode, res.body).toBe(200);
    const emails = res.json().staff.map((m: { email: string }) => m.email);
    expect(emails).toContain('conseiller@demo.recours.fr');
    expect(emails).not.toContain('conseiller@assurances-exemple.fr'); // another organisation
    expect(emails).not.toContain('adherent@demo.recours.fr'); // a member
    expect((await call('supervisor', 'GET', '/api/v1/admin/staff')).statusCode).toBe(403);
  });

  it('the last admin can be neither demoted nor deactivated; the refusal is in French', async () => {
    const admin = await staffByEmail('admin@demo.recours.fr');
    const demote = await call('admin', 'PATCH', `/api/v1/admin/staff/${admin.id}`, { role: 'supervisor' });
    expect(demote.statusCode).toBe(422);
    expect(demote.json().error).toMatchObject({ code: 'LAST_ADMIN', field: 'role' });
    expect(demote.json().error.message).toContain('dernier administrateur');
    expect((await staffByEmail('admin@demo.recours.fr')).role).toBe('admin');
  });

  it('invites a member of staff: without SMTP the link is given, and it opens the account', async () => {
    const res = await call('admin', 'POST', '/api/v1/admin/staff', {
      email: 'Nouvelle.Conseillere@demo.recours.fr',
      displayName: 'Inès Garnier',
      role: 'handler',
    });
    expect(res.statusCode, res.body).toBe(201);
    const { member, invitation } = res.json();
    expect(member).toMatchObject({
      email: 'nouvelle.conseillere@demo.recours.fr',
      active: true,
      invitationPending: true,
    });
    expect(invitation.emailSent).toBe(false);
    const token = new URL(invitation.link).hash.replace('#jeton=', '');

    const check = await t.app.inject({
      method: 'POST',
      url: '/api/auth/invitation/check',
      payload: { token },
    });
    expect(check.json()).toMatchObject({ displayName: 'Inès Garnier' });
    const accept = await t.app.inject({
      method: 'POST',
      url: '/api/auth/invitation/accept',
      payload: { token, password: 'Un-mot-de-passe-2026' },
    });
    expect(accept.statusCode, accept.body).toBe(204);
    const session = await t.login('nouvelle.conseillere@demo.recours.fr', 'Un-mot-de-passe-2026');
    expect(session.userId).toBe(member.id);
    // The link is spent.
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/auth/invitation/accept',
      payload: { token, password: 'Un-autre-mot-de-passe' },
    });
    expect(again.statusCode).toBe(404);

    const duplicate = await call('admin', 'POST', '/api/v1/admin/staff', {
      email: 'conseiller@demo.recours.fr',
      displayName: 'Doublon',
      role: 'handler',
    });
    expect(duplicate.statusCode).toBe(409);
    expect(await events('staff.invited')).toContainEqual({ userId: member.id, role: 'handler' });
  });

  it('promotes a second admin, then the first may be demoted; never twice the last', async () => {
    const supervisor = await staffByEmail('superviseur@demo.recours.fr');
    const admin = await staffByEmail('admin@demo.recours.fr');
    const promote = await call('admin', 'PATCH', `/api/v1/admin/staff/${supervisor.id}`, { role: 'admin' });
    expect(promote.json()).toMatchObject({ role: 'admin' });

    // Both admins now try to demote each other at once: the lock lets one through. The other is refused either as
    // the last admin (422) or, when the first change committed before his request was read, as no longer an admin
    // (403): which one depends on timing, never both through.
    const [a, b] = await Promise.all([
      call('admin', 'PATCH', `/api/v1/admin/staff/${supervisor.id}`, { role: 'supervisor' }),
      call('supervisor', 'PATCH', `/api/v1/admin/staff/${admin.id}`, { role: 'supervisor' }),
    ]);
    const codes = [a.statusCode, b.statusCode].sort();
    expect(codes[0], `${a.body} ${b.body}`).toBe(200);
    expect([403, 422]).toContain(codes[1]);
    const result = await t.database.db.execute(
      sql`select count(*)::int as n from users where organisation_id = (select organisation_id from users where email = 'admin@demo.recours.fr') and role = 'admin' and deactivated_at is null`,
    );
    expect(rowsOf<{ n: number }>(result)[0]!.n).toBe(1);
    expect((await events('staff.changed')).length).toBeGreaterThanOrEqual(2);
  });

  it('deactivates an account: its sessions end and it cannot sign in; reactivation restores it', async () => {
    const handler = await staffByEmail('conseiller2@demo.recours.fr');
    const actor = await adminSession();
    const off = await call(actor, 'PATCH', `/api/v1/admin/staff/${handler.id}`, { active: false });
    expect(off.json()).toMatchObject({ active: false });
    expect((await call('handler', 'GET', '/api/v1/register')).statusCode).toBe(401);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'conseiller2@demo.recours.fr', password: 'Recours-Demo-2026' },
    });
    expect(login.statusCode).toBe(403);
    expect(login.json().error.message).toContain('désactivé');

    await call(actor, 'PATCH', `/api/v1/admin/staff/${handler.id}`, { active: true });
    await expect(t.login('conseiller2@demo.recours.fr')).resolves.toBeTruthy();
  });

  it('refuses an admin’s own deactivation, an unknown account (404) and an empty change (400)', async () => {
    const actor = await adminSession();
    const me = (await call(actor, 'GET', '/api/auth/me')).json().user;
    const self = await call(actor, 'PATCH', `/api/v1/admin/staff/${me.id}`, { active: false });
    expect(self.json().error.code).toBe('SELF_DEACTIVATION');
    const unknown = await call(actor, 'PATCH', '/api/v1/admin/staff/00000000-0000-4000-8000-000000000000', {
      active: false,
    });
    expect(unknown.statusCode).toBe(404);
    expect((await call(actor, 'PATCH', `/api/v1/admin/staff/${me.id}`, {})).statusCode).toBe(400);
  });
});

describe('organisation settings (issue 14)', () => {
  it('reads and edits the settings, with an audited list of fields; an unknown mediator is 422', async () => {
    const admin = await adminSession();
    const other = admin === 'admin' ? 'supervisor' : 'admin';
    const before = await call(admin, 'GET', '/api/v1/admin/organisation');
    expect(before.statusCode, before.body).toBe(200);
    expect(before.json().competentMediator.name).toContain('Mutualité');
    expect(before.json().mediators.length).toBeGreaterThan(0);

    const edit = await call(admin, 'PATCH', '/api/v1/admin/organisation', {
      name: 'Mutuelle Démo Santé',
      mediatorName: 'La Médiation de l’Assurance',
      mediatorContact: 'TSA 50110, 75441 Paris Cedex 09',
    });
    expect(edit.statusCode, edit.body).toBe(200);
    expect(edit.json()).toMatchObject({ name: 'Mutuelle Démo Santé' });
    expect(edit.json().competentMediator.name).toContain('Assurance');
    expect(await events('organisation.updated')).toContainEqual({
      fields: ['name', 'mediatorName', 'mediatorContact'],
    });

    const unknown = await call(admin, 'PATCH', '/api/v1/admin/organisation', {
      mediatorId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknown.statusCode).toBe(422);
    const clash = await call(admin, 'PATCH', '/api/v1/admin/organisation', { name: 'Assurances Exemple' });
    expect(clash.statusCode).toBe(409);
    expect((await call(other, 'PATCH', '/api/v1/admin/organisation', { name: 'Autre nom' })).statusCode).toBe(
      403,
    );
  });
});
