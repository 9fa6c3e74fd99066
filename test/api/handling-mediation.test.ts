import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEventsOf } from '../../src/db/repositories/audit.ts';
import { as, createTestApp, type Session, type TestApp } from '../support/test-app.ts';

// A clock the test moves: the referral window opens 2 months after the written complaint (C. consom. L612-2).
let clock = new Date('2026-11-23T10:00:00Z');
let t: TestApp;
const s: Record<string, Session> = {};
const ACCOUNTS = {
  member: 'adherent@demo.recours.fr',
  member2: 'adherent2@demo.recours.fr',
  handler: 'conseiller@demo.recours.fr',
  supervisor: 'superviseur@demo.recours.fr',
  mediator: 'mediateur@demo.recours.fr',
  otherHandler: 'conseiller@assurances-exemple.fr',
};
let fileId: string;
let rejectedId: string;

async function loginAll() {
  for (const [who, email] of Object.entries(ACCOUNTS)) s[who] = await t.login(email);
}

beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
  await loginAll();
  const create = async (title: string, complaintSentOn: string) => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/dossiers',
      headers: as(s.member!),
      payload: {
        organisationId: (await t.app.inject({ method: 'GET', url: '/api/v1/organisations' }))
          .json()
          .organisations.find((o: { name: string }) => o.name === 'Mutuelle Démo').id,
        category: 'reimbursement_contested',
        title,
        complaintSentOn,
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().dossier.id as string;
    // A new file is the member's private draft until he transmits it (issue 16).
    const sent = await t.app.inject({
      method: 'POST',
      url: `/api/v1/dossiers/${id}/transmit`,
      headers: as(s.member!),
    });
    expect(sent.statusCode, sent.body).toBe(200);
    return id;
  };
  fileId = await create('Séances d’orthoptie non remboursées', '2026-10-02');
  rejectedId = await create('Semelles orthopédiques refusées', '2026-10-20');
});
afterAll(() => t.close());

const refer = (who: string, id: string) =>
  t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${id}/refer-to-mediator`, headers: as(s[who]!) });

describe('referral to the mediator (C. consom. L612-2)', () => {
  it('is refused before 2 months without answer, with the deadline engine’s explanation', async () => {
    const res = await refer('member', fileId);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('CONFLICT');
    // Complaint sent 02/10/2026: the window opens on 03/12/2026.
    expect(res.json().error.message).toContain('03/12/2026');
    expect(res.json().error.message).toContain('Médiateur de la Mutualité Française');
  });

  it('only the member refers his own file: staff are refused, another member does not see it', async () => {
    expect((await refer('handler', fileId)).statusCode).toBe(403);
    expect((await refer('member2', fileId)).statusCode).toBe(404);
    expect((await refer('otherHandler', fileId)).statusCode).toBe(404);
  });

  it('opens at once after a rejection', async () => {
    const decided = await t.app.inject({
      method: 'POST',
      url: `/api/v1/dossiers/${rejectedId}/actions/decide`,
      headers: as(s.handler!),
      payload: {
        outcome: 'rejected',
        reasons: 'Les semelles ne figurent pas au tableau de garanties du contrat souscrit.',
      },
    });
    expect(decided.statusCode, decided.body).toBe(200);
    const res = await refer('member', rejectedId);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().dossier).toMatchObject({
      status: 'mediation',
      mediatorId: s.mediator!.userId,
      facts: { mediatorSeizedOn: '2026-11-23' },
    });
  });

  it('is allowed the day after 2 months without answer; the mediator is notified', async () => {
    clock = new Date('2026-12-03T09:00:00Z');
    await loginAll(); // the sessions of 23/11 have expired
    const res = await refer('member', fileId);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().dossier).toMatchObject({
      status: 'mediation',
      facts: { mediatorSeizedOn: '2026-12-03' },
    });
    expect(res.json().mediator.name).toContain('Médiateur de la Mutualité Française');
    const again = await refer('member', fileId);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain('déjà été saisi le 03/12/2026');
    const notes = await t.app.inject({
      method: 'GET',
      url: '/api/v1/notifications',
      headers: as(s.mediator!),
    });
    expect(notes.json().notifications.map((n: { kind: string }) => n.kind)).toContain('mediation.referred');
    const events = await auditEventsOf(t.ctx.database.db, fileId);
    expect(events.at(-1)).toMatchObject({ type: 'dossier.referred_to_mediator', actorId: s.member!.userId });
  });

  it('the mediator now sees the file', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/dossiers/${fileId}`,
      headers: as(s.mediator!),
    });
    expect(res.statusCode).toBe(200);
  });
});

describe('the mediator records the notification (R612-2) and the outcome (R612-5)', () => {
  const step = (who: string, id: string, name: string, payload: object) =>
    t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${id}/${name}`, headers: as(s[who]!), payload });

  it('refuses the handler and anyone outside the file', async () => {
    expect((await step('handler', fileId, 'mediation-notified', {})).statusCode).toBe(403);
    expect((await step('otherHandler', fileId, 'mediation-notified', {})).statusCode).toBe(404);
    expect(
      (await step('member2', fileId, 'mediation-outcome', { proposal: 'x'.repeat(30) })).statusCode,
    ).toBe(404);
  });

  it('notification: the 90 days of R612-5 start', async () => {
    const res = await step('mediator', fileId, 'mediation-notified', { notifiedOn: '2026-12-03' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().dossier.facts.mediationNotifiedOn).toBe('2026-12-03');
    expect(res.json().outcomeDue).toBe('2027-03-03');
    expect((await step('mediator', fileId, 'mediation-notified', {})).statusCode).toBe(409);
  });

  it('a date in the future is refused with the field', async () => {
    const res = await step('mediator', rejectedId, 'mediation-notified', { notifiedOn: '2027-01-10' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.field).toBe('facts.mediationNotifiedOn');
  });

  it('outcome: the proposal reaches the member, the mediation ends; the handler may then close the file', async () => {
    const short = await step('mediator', fileId, 'mediation-outcome', { proposal: 'Trop court' });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.field).toBe('proposal');
    const res = await step('mediator', fileId, 'mediation-outcome', {
      proposal:
        'Je propose que la mutuelle rembourse les séances d’orthoptie sur la base du tableau de garanties.',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().dossier.facts.mediationEndedOn).toBe('2026-12-03');
    const notes = await t.app.inject({ method: 'GET', url: '/api/v1/notifications', headers: as(s.member!) });
    expect(notes.json().notifications.map((n: { kind: string }) => n.kind)).toContain('mediation.outcome');
    const close = await t.app.inject({
      method: 'POST',
      url: `/api/v1/dossiers/${fileId}/actions/close`,
      headers: as(s.handler!),
      payload: {},
    });
    expect(close.statusCode, close.body).toBe(200);
  });
});
