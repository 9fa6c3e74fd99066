import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertUser } from '../../src/db/repositories/users.ts';
import { auditEvents } from '../../src/db/schema.ts';
import { hashPassword } from '../../src/server/auth/passwords.ts';
import { as, createTestApp, type Session, type TestApp } from '../support/test-app.ts';

// The test clock: 2026-11-23 (see createTestApp).
let t: TestApp;
const s: Record<string, Session> = {};

beforeAll(async () => {
  t = await createTestApp();
  for (const [who, email] of Object.entries({
    handler: 'conseiller@demo.recours.fr',
    supervisor: 'superviseur@demo.recours.fr',
    auditor: 'auditeur@demo.recours.fr',
    otherHandler: 'conseiller@assurances-exemple.fr',
    member: 'adherent@demo.recours.fr',
  })) {
    s[who] = await t.login(email);
  }
});
afterAll(() => t.close());

const post = (who: string, url: string, payload: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url, payload: payload as object, headers: { ...as(s[who]!), ...headers } });
const get = (who: string, url: string) => t.app.inject({ method: 'GET', url, headers: as(s[who]!) });

const letter = {
  member: {
    new: { displayName: 'Jeanne Martin', memberNumber: '7788 9900', email: 'jeanne.martin@exemple.fr' },
  },
  channel: 'letter',
  receivedOn: '2026-11-20',
  writtenOn: '2026-11-16',
  title: 'Refus de remboursement de lunettes',
  description:
    'Madame, Monsieur, vous avez refusé le remboursement de mes lunettes (facture de 420 euros du 2 octobre). Mon contrat prévoit pourtant un forfait optique. Je vous demande de réexaminer ma demande.',
  amountCents: 42_000,
};

describe('a complaint received by post, recorded by a handler', () => {
  let id: string;
  let claimCode: string;

  it('opens a file of the register whose ACPR clocks start from the date on the letter', async () => {
    const res = await post('handler', '/api/v1/intake/complaints', letter, {
      'idempotency-key': 'courrier-jeanne-0001',
    });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    id = body.dossier.id;
    claimCode = body.claimCode;
    expect(body.dossier.status).toBe('submitted');
    expect(claimCode).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    const timeline = (await get('handler', `/api/v1/dossiers/${id}/timeline`)).json();
    const ack = timeline.deadlines.find((d: { id: string }) => d.id === 'complaint.acknowledgment');
    // 10 jours ouvrables (Monday to Saturday) after Monday 16/11/2026 (ACPR 2024-R-02): Friday 27/11/2026.
    expect(ack.dueDate).toBe('2026-11-27');
    const answer = timeline.deadlines.find((d: { id: string }) => d.id === 'complaint.answer');
    expect(answer.dueDate).toBe('2027-01-16');
  });

  it('a retried request with the same key gives the same file and no second member record', async () => {
    const res = await post('handler', '/api/v1/intake/complaints', letter, {
      'idempotency-key': 'courrier-jeanne-0001',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().dossier.id).toBe(id);
    const found = (await get('handler', '/api/v1/intake/members?q=Jeanne%20Martin')).json().members;
    expect(found).toHaveLength(1);
  });

  it('finds the member by name, member number and e-mail; another organisation finds nothing', async () => {
    for (const q of ['jeanne', '77889900', '7788-9900', 'JEANNE.MARTIN@exemple.fr']) {
      const members = (await get('handler', `/api/v1/intake/members?q=${encodeURIComponent(q)}`)).json()
        .members;
      expect(
        members.map((m: { displayName: string }) => m.displayName),
        q,
      ).toEqual(['Jeanne Martin']);
      expect(members[0].hasAccount).toBe(false);
    }
    const other = (await get('otherHandler', '/api/v1/intake/members?q=jeanne')).json().members;
    expect(other).toEqual([]);
  });

  it('shows the staff the channel, who recorded it and the member’s contact details', async () => {
    const intake = (await get('handler', `/api/v1/dossiers/${id}/intake`)).json();
    expect(intake.channel).toBe('letter');
    expect(intake.recordedBy.displayName).toBeTruthy();
    expect(intake.member).toMatchObject({
      displayName: 'Jeanne Martin',
      memberNumber: '77889900',
      hasAccount: false,
    });
    expect((await get('member', `/api/v1/dossiers/${id}/intake`)).statusCode).toBe(404);
  });

  it('the member claims the record once he has an account and sees the file with its history', async () => {
    // A member who signed up (and confirmed his address) later: his account is made here directly.
    await insertUser(t.ctx.database.db, {
      email: 'j.martin@exemple.fr',
      displayName: 'Jeanne Martin',
      passwordHash: await hashPassword('Un-mot-de-passe-2026'),
      role: 'member',
    });
    const jeanne = await t.login('j.martin@exemple.fr', 'Un-mot-de-passe-2026');
    s.jeanne = jeanne;
    expect((await get('jeanne', '/api/v1/dossiers')).json().dossiers).toEqual([]);
    const wrong = await post('jeanne', '/api/v1/me/claim', { code: 'AAAAA-BBBBB', memberNumber: '77889900' });
    expect(wrong.statusCode).toBe(404);
    expect(wrong.json().error.message).toMatch(/Code ou identifiant incorrect/);
    const wrongNumber = await post('jeanne', '/api/v1/me/claim', {
      code: claimCode,
      memberNumber: '11111111',
    });
    expect(wrongNumber.statusCode).toBe(404);
    const ok = await post('jeanne', '/api/v1/me/claim', {
      code: claimCode.toLowerCase(),
      memberNumber: '7788 9900',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().files).toBe(1);
    const files = (await get('jeanne', '/api/v1/dossiers')).json().dossiers;
    expect(files.map((d: { id: string }) => d.id)).toEqual([id]);
    const history = await t.ctx.database.db.select().from(auditEvents).where(eq(auditEvents.dossierId, id));
    expect(history.map((e) => e.type)).toEqual(
      expect.arrayContaining(['dossier.recorded', 'dossier.claimed']),
    );
    // The code works once.
    expect(
      (await post('jeanne', '/api/v1/me/claim', { code: claimCode, memberNumber: '77889900' })).statusCode,
    ).toBe(404);
  });
});

describe('an oral complaint', () => {
  it('counts from the call and invites the member to confirm it in writing', async () => {
    const members = (await get('handler', '/api/v1/intake/members?q=Camille')).json().members;
    const memberId = members[0]?.id as string;
    expect(memberId).toBeTruthy();
    const res = await post('handler', '/api/v1/intake/complaints', {
      member: { id: memberId },
      channel: 'phone',
      receivedOn: '2026-11-23',
      title: 'Prélèvement après résiliation',
      description: 'L’adhérente appelle : sa cotisation est encore prélevée après sa résiliation.',
    });
    expect(res.statusCode, res.body).toBe(201);
    const { dossier, claimCode, notes } = res.json();
    expect(claimCode).toBeNull();
    expect(dossier.writtenConfirmationInvitedOn).toBe('2026-11-23');
    expect(notes.join(' ')).toMatch(/Réclamation orale/);
    const messages = (await get('handler', `/api/v1/dossiers/${dossier.id}/messages`)).json().messages;
    expect(messages[0].body).toMatch(/confirmer votre réclamation par écrit/);
    expect(messages[0].internal).toBe(false);
    const ladder = (await get('handler', `/api/v1/dossiers/${dossier.id}/timeline`)).json();
    const ack = ladder.deadlines.find((d: { id: string }) => d.id === 'complaint.acknowledgment');
    expect(ack.dueDate).toBe('2026-12-04');
  });
});

describe('who may record, and bad input', () => {
  it.each([
    ['auditor', 403],
    ['member', 403],
  ])('%s may not record a complaint', async (who, status) => {
    const res = await post(who, '/api/v1/intake/complaints', letter);
    expect(res.statusCode).toBe(status);
    expect(res.json().error.message).toMatch(/conseillers/);
  });

  it.each([
    [{ receivedOn: '2026-11-24' }, 'receivedOn', /futur/],
    [{ writtenOn: '2026-11-21' }, 'writtenOn', /postérieure/],
    [{ receivedOn: '2026-02-30' }, 'receivedOn', /date/i],
  ])('refuses %o, naming the field, and records nothing', async (change, field, message) => {
    const before = (await get('handler', '/api/v1/intake/members?q=Paul%20Durand')).json().members.length;
    const res = await post('handler', '/api/v1/intake/complaints', {
      ...letter,
      member: { new: { displayName: 'Paul Durand' } },
      ...change,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe(field);
    expect(res.json().error.message).toMatch(message);
    expect((await get('handler', '/api/v1/intake/members?q=Paul%20Durand')).json().members).toHaveLength(
      before,
    );
  });
});

describe('duplicates', () => {
  it('the same complaint by e-mail then by post is offered for merging, and merging keeps both histories', async () => {
    const member = { new: { displayName: 'Lucien Bernardin', memberNumber: 'LB-2024-77' } };
    const byMail = await post('handler', '/api/v1/intake/complaints', {
      ...letter,
      member,
      channel: 'email',
      receivedOn: '2026-11-10',
      writtenOn: undefined,
    });
    expect(byMail.statusCode, byMail.body).toBe(201);
    const memberId = (await get('handler', '/api/v1/intake/members?q=Lucien%20Bernardin')).json().members[0]
      .id;
    const byPost = await post('handler', '/api/v1/intake/complaints', {
      ...letter,
      member: { id: memberId },
      receivedOn: '2026-11-19',
      writtenOn: '2026-11-09',
    });
    const mailId = byMail.json().dossier.id;
    const postId = byPost.json().dossier.id;
    const candidates = (await get('handler', `/api/v1/dossiers/${postId}/duplicates`)).json().candidates;
    expect(candidates.map((c: { id: string }) => c.id)).toEqual([mailId]);
    expect(candidates[0].reasons.join(', ')).toMatch(/même montant/);

    const merged = await post('handler', `/api/v1/dossiers/${postId}/merge`, { intoId: mailId });
    expect(merged.statusCode, merged.body).toBe(200);
    const kept = (await get('handler', `/api/v1/dossiers/${mailId}/timeline`)).json();
    // The clocks run from the earlier date: the letter was written on 09/11, before the e-mail of 10/11.
    expect(kept.facts.complaintSentOn).toBe('2026-11-09');
    const closed = (await get('handler', `/api/v1/dossiers/${postId}/intake`)).json();
    expect(closed.mergedInto.id).toBe(mailId);
    const types = async (dossierId: string) =>
      (await t.ctx.database.db.select().from(auditEvents).where(eq(auditEvents.dossierId, dossierId))).map(
        (e) => e.type,
      );
    expect(await types(postId)).toEqual(expect.arrayContaining(['dossier.recorded', 'dossier.merged']));
    expect(await types(mailId)).toEqual(expect.arrayContaining(['dossier.recorded', 'dossier.merged']));
    expect((await post('handler', `/api/v1/dossiers/${postId}/merge`, { intoId: mailId })).statusCode).toBe(
      409,
    );
  });

  it('refuses to merge the files of two members', async () => {
    const a = await post('handler', '/api/v1/intake/complaints', {
      ...letter,
      member: { new: { displayName: 'Anne A' } },
    });
    const b = await post('handler', '/api/v1/intake/complaints', {
      ...letter,
      member: { new: { displayName: 'Bruno B' } },
    });
    const res = await post('handler', `/api/v1/dossiers/${a.json().dossier.id}/merge`, {
      intoId: b.json().dossier.id,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toMatch(/même adhérent/);
  });
});
