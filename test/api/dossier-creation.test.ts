// A member's creation is one statement that checks the session and the organisation itself (issue 12,
// docs/decisions/0010-creation-one-statement-and-read-your-writes.md): what the server remembers of them between
// requests never lets a revoked session write, nor a changed organisation be recorded as it was.
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/server/seed/demo.ts';
import { as, createTestApp, type Session, sessionCookie, type TestApp } from '../support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const newFile = (extra: Record<string, unknown> = {}) => ({
  category: 'reimbursement_contested',
  title: 'Lunettes non remboursées',
  description: 'Monture et verres : rien remboursé malgré l’ordonnance.',
  organisationName: 'Mutuelle Lointaine',
  organisationKind: 'mutuelle',
  ...extra,
});

const create = (
  session: Session,
  payload: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<LightMyRequestResponse> =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/dossiers',
    headers: { ...as(session), ...headers },
    payload,
  });

async function signIn(userAgent: string): Promise<Session> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    headers: { 'user-agent': userAgent },
    payload: { email: 'adherent2@demo.recours.fr', password: DEMO_PASSWORD },
  });
  return { cookie: sessionCookie(res), csrfToken: res.json().csrfToken, userId: res.json().user.id };
}

async function query(text: string, params: unknown[] = []) {
  return t.database.rawTransaction((q) => q(text, params));
}

describe('creating a file', () => {
  it('refuses a session revoked after it created a file, and writes nothing (401)', async () => {
    const phone = await signIn('Téléphone');
    const laptop = await signIn('Ordinateur portable');
    expect((await create(phone, newFile())).statusCode).toBe(201);
    const list = await t.app.inject({ method: 'GET', url: '/api/auth/sessions', headers: as(laptop) });
    const phoneSession = list.json().sessions.find((x: { userAgent: string }) => x.userAgent === 'Téléphone');
    const revoked = await t.app.inject({
      method: 'DELETE',
      url: `/api/auth/sessions/${phoneSession.id}`,
      headers: as(laptop),
    });
    expect(revoked.statusCode).toBe(204);
    const count = async () =>
      Number(
        (await query('select count(*) as n from dossiers where member_id = $1', [phone.userId])).rows[0]!.n,
      );
    const before = await count();
    const refused = await create(phone, newFile({ title: 'Après la révocation' }));
    expect(refused.statusCode).toBe(401);
    expect(refused.json().error.message).toContain('reconnectez-vous');
    expect(await count()).toBe(before);
    expect((await create(laptop, newFile())).statusCode).toBe(201);
  });

  it('records the organisation as the table has it now, though its kind changed since the last creation', async () => {
    const member = await signIn('Navigateur');
    const org = (await query(`select id, name from organisations where kind = 'mutuelle' limit 1`)).rows[0]!;
    const chosen = { organisationId: org.id, organisationName: undefined, organisationKind: undefined };
    const first = await create(member, newFile({ ...chosen, complaintSentOn: '2026-11-02' }));
    expect(first.json().dossier).toMatchObject({ organisationKind: 'mutuelle', organisationName: org.name });
    await query(`update organisations set kind = 'insurer', name = 'Assureur Renommé' where id = $1`, [
      org.id,
    ]);
    const second = await create(member, newFile({ ...chosen, complaintSentOn: '2026-11-02' }));
    expect(second.statusCode).toBe(201);
    expect(second.json().dossier).toMatchObject({
      organisationKind: 'insurer',
      organisationName: 'Assureur Renommé',
    });
    // The projection was computed for the kind recorded (the register reads it).
    const stored = await query('select organisation_kind, sla_ack_due_on from dossiers where id = $1', [
      second.json().dossier.id,
    ]);
    expect(stored.rows[0]!.organisation_kind).toBe('insurer');
  });

  it('answers an unknown organisation with the field to fix (422)', async () => {
    const member = await signIn('Navigateur');
    const res = await create(
      member,
      newFile({
        organisationId: '00000000-0000-4000-8000-000000000000',
        organisationName: undefined,
        organisationKind: undefined,
      }),
    );
    expect(res.statusCode).toBe(422);
    expect(res.json().error.field).toBe('organisationId');
  });

  it('creates one file for retries sent at once with the same Idempotency-Key, each with its first event', async () => {
    const member = await signIn('Navigateur');
    const headers = { 'idempotency-key': 'envoi-simultane-0001' };
    const answers = await Promise.all(Array.from({ length: 5 }, () => create(member, newFile(), headers)));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 200, 200, 200, 201]);
    expect(new Set(answers.map((a) => a.json().dossier.id)).size).toBe(1);
    const id = answers[0]!.json().dossier.id;
    const files = await query('select count(*) as n from dossiers where idempotency_key = $1', [
      'envoi-simultane-0001',
    ]);
    expect(Number(files.rows[0]!.n)).toBe(1);
    const events = await query(
      `select type, chain_seq::int as chain_seq from audit_events where dossier_id = $1`,
      [id],
    );
    expect(events.rows).toEqual([{ type: 'dossier.created', chain_seq: 1 }]);
  });
});
