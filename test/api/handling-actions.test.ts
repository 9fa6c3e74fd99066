import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEventsOf } from '../../src/db/repositories/audit.ts';
import { findDossier } from '../../src/db/repositories/dossiers.ts';
import { messages } from '../../src/db/schema.ts';
import { verifyHistory } from '../support/audit.ts';
import { as, createTestApp, type Session, type TestApp } from '../support/test-app.ts';
import { demoDossiers } from './dossier-support.ts';

let t: TestApp;
const s: Record<string, Session> = {};
const ACCOUNTS = {
  handler: 'conseiller@demo.recours.fr',
  handler2: 'conseiller2@demo.recours.fr',
  supervisor: 'superviseur@demo.recours.fr',
  auditor: 'auditeur@demo.recours.fr',
  admin: 'admin@demo.recours.fr',
  member: 'adherent@demo.recours.fr',
  member2: 'adherent2@demo.recours.fr',
  mediator: 'mediateur@demo.recours.fr',
  otherHandler: 'conseiller@assurances-exemple.fr',
};
let dental: string; // Mutuelle Démo, submitted, sent 15/09/2026, unassigned
let otherOrgFile: string; // Assurances Exemple

beforeAll(async () => {
  t = await createTestApp();
  for (const [who, email] of Object.entries(ACCOUNTS)) s[who] = await t.login(email);
  ({ crown: dental, termination: otherOrgFile } = demoDossiers(t));
});
afterAll(() => t.close());

function act(who: string, id: string, action: string, payload?: object) {
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/dossiers/${id}/actions/${action}`,
    headers: as(s[who]!),
    ...(payload ? { payload } : {}),
  });
}
const messagesOf = (id: string) =>
  t.ctx.database.db.select().from(messages).where(eq(messages.dossierId, id)).orderBy(messages.createdAt);

describe('refusals: roles and organisations', () => {
  it.each([
    [
      'a handler of another organisation (the file is not his to see)',
      'otherHandler',
      404,
      'Dossier introuvable',
    ],
    ['the member who brought it', 'member', 403, 'réservée aux conseillers et superviseurs'],
    ['an auditor (read-only)', 'auditor', 403, 'lecture seule'],
    ['an admin (administration, not handling)', 'admin', 403, 'réservée aux conseillers et superviseurs'],
    ['another member', 'member2', 404, 'Dossier introuvable'],
    ['a mediator the file was not referred to', 'mediator', 404, 'Dossier introuvable'],
  ])('%s → %s', async (_name, who, status, message) => {
    const res = await act(who, dental, 'acknowledge');
    expect(res.statusCode).toBe(status);
    expect(res.json().error.message).toContain(message);
  });

  it('a handler of Mutuelle Démo cannot act on another organisation’s file (404)', async () => {
    const res = await act('handler', otherOrgFile, 'note', { text: 'Essai' });
    expect(res.statusCode).toBe(404);
  });

  it('an unknown file is 404 and a malformed id 400', async () => {
    expect((await act('handler', '00000000-0000-4000-8000-000000000000', 'acknowledge')).statusCode).toBe(
      404,
    );
    expect((await act('handler', 'pas-un-id', 'acknowledge')).statusCode).toBe(400);
  });
});

describe('the life of a complaint, step by step', () => {
  it('acknowledge: today’s date (Paris), status, a message to the member, an audit event', async () => {
    const res = await act('handler', dental, 'acknowledge');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().dossier).toMatchObject({
      status: 'acknowledged',
      facts: { acknowledgedOn: '2026-11-23' },
    });
    const sent = await messagesOf(dental);
    expect(sent.at(-1)).toMatchObject({ internal: false, kind: 'message' });
    expect(sent.at(-1)!.body).toContain('Nous accusons réception de votre réclamation du 15/09/2026');
    const events = await auditEventsOf(t.ctx.database.db, dental);
    expect(events.at(-1)).toMatchObject({
      type: 'dossier.acknowledged',
      actorId: s.handler!.userId,
      payload: {
        before: { status: 'submitted' },
        after: { status: 'acknowledged', acknowledgedOn: '2026-11-23' },
      },
    });
  });

  it('acknowledging twice is refused in French (409)', async () => {
    const res = await act('handler', dental, 'acknowledge');
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toBe('Réception déjà accusée le 23/11/2026 : rien à refaire.');
  });

  it('request-document: a “document_request” message listing the documents, status awaiting_member', async () => {
    const bad = await act('handler', dental, 'request-document', { documents: [] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({
      field: 'documents',
      message: expect.stringContaining('au moins une pièce'),
    });
    const res = await act('handler', dental, 'request-document', {
      documents: ['Facture du chirurgien-dentiste', 'Décompte de l’Assurance maladie'],
      message: 'Merci de les déposer dans votre espace.',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().dossier.status).toBe('awaiting_member');
    const request = (await messagesOf(dental)).find((m) => m.kind === 'document_request')!;
    expect(request.internal).toBe(false);
    expect(request.body).toContain('- Facture du chirurgien-dentiste');
    expect(request.body).toContain('- Décompte de l’Assurance maladie');
  });

  it('note: internal, never for the member; any handler of the organisation may add one', async () => {
    const res = await act('handler2', dental, 'note', {
      text: 'Vérifier le plafond dentaire 2026 avec le service prestations.',
    });
    expect(res.statusCode, res.body).toBe(200);
    const note = (await messagesOf(dental)).find((m) => m.id === res.json().messageId)!;
    expect(note).toMatchObject({ internal: true, kind: 'note' });
    const empty = await act('handler', dental, 'note', { text: ' ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.field).toBe('text');
  });

  it('decide: reasons are required (with the field), closing before the answer is refused', async () => {
    const short = await act('handler', dental, 'decide', { outcome: 'partial', reasons: 'Trop court' });
    expect(short.statusCode).toBe(400);
    expect(short.json().error).toMatchObject({
      field: 'reasons',
      message: expect.stringContaining('Motivez la décision'),
    });
    const badOutcome = await act('handler', dental, 'decide', {
      outcome: 'peut-être',
      reasons: 'x'.repeat(40),
    });
    expect(badOutcome.json().error.field).toBe('outcome');
    const close = await act('handler', dental, 'close', {});
    expect(close.statusCode).toBe(409);
    expect(close.json().error.message).toContain('Rendez d’abord une réponse motivée');
  });

  it('decide: the answer names the competent mediator and how to seize him (ACPR 2024-R-02, L616-1)', async () => {
    const reasons =
      'Le tableau de garanties prévoit 300 % BR : un complément de 111 € vous est versé, le reste dépasse le plafond.';
    const res = await act('handler', dental, 'decide', { outcome: 'partial', reasons });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.dossier).toMatchObject({
      status: 'answered',
      decision: 'partial',
      facts: { answerReceivedOn: '2026-11-23', answerOutcome: 'partial' },
    });
    expect(body.answerText).toContain('Médiateur de la Mutualité Française');
    expect(body.answerText).toContain('255 rue de Vaugirard');
    expect(body.answerText).toContain(reasons);
    const answer = (await messagesOf(dental)).find((m) => m.kind === 'answer')!;
    expect(answer).toMatchObject({ internal: false, body: body.answerText });
    const row = (await findDossier(t.ctx.database.db, dental))!;
    expect(row.decisionReason).toBe(reasons);
  });

  it('deciding twice is refused; only a supervisor reopens, with a reason', async () => {
    const twice = await act('handler', dental, 'decide', { outcome: 'accepted', reasons: 'x'.repeat(40) });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.message).toContain('un superviseur peut rouvrir');
    const byHandler = await act('handler', dental, 'reopen', {
      reason: 'Pièce nouvelle reçue par courrier.',
    });
    expect(byHandler.statusCode).toBe(403);
    const noReason = await act('supervisor', dental, 'reopen', { reason: 'court' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.field).toBe('reason');
    const reopened = await act('supervisor', dental, 'reopen', {
      reason: 'Pièce nouvelle reçue par courrier.',
    });
    expect(reopened.statusCode, reopened.body).toBe(200);
    expect(reopened.json().dossier.status).toBe('acknowledged');
    const again = await act('supervisor', dental, 'reopen', { reason: 'Pièce nouvelle reçue par courrier.' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain('seul un dossier répondu ou clos peut être rouvert');
  });

  it('close after a new answer; a closed file can no longer be decided', async () => {
    const answered = await act('supervisor', dental, 'decide', {
      outcome: 'accepted',
      reasons: 'La facture transmise justifie le remboursement intégral au titre du 100 % Santé.',
    });
    expect(answered.statusCode, answered.body).toBe(200);
    const closed = await act('handler', dental, 'close', { reason: 'Remboursement effectué.' });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json().dossier.status).toBe('closed');
    expect(closed.json().dossier.closedAt).toBeTruthy();
    const decide = await act('supervisor', dental, 'decide', {
      outcome: 'rejected',
      reasons: 'x'.repeat(40),
    });
    expect(decide.statusCode).toBe(409);
    expect(decide.json().error.message).toContain('Clos');
  });

  it('every step is in the tamper-evident history, and the chain still verifies', async () => {
    const types = (await auditEventsOf(t.ctx.database.db, dental)).map((e) => e.type);
    expect(types).toEqual(
      expect.arrayContaining([
        'dossier.acknowledged',
        'dossier.documents_requested',
        'dossier.note_added',
        'dossier.decided',
        'dossier.reopened',
        'dossier.closed',
      ]),
    );
    expect((await verifyHistory(t.ctx.database)).ok).toBe(true);
  });

  it('the member was notified of the acknowledgment, the document request and the answer', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/notifications', headers: as(s.member!) });
    expect(res.statusCode).toBe(200);
    const kinds = res.json().notifications.map((n: { kind: string }) => n.kind);
    expect(kinds).toEqual(
      expect.arrayContaining(['dossier.acknowledged', 'dossier.documents_requested', 'dossier.answered']),
    );
  });
});

describe('a handler works his own and the unassigned files', () => {
  it('refuses a file assigned to a colleague, naming what to do', async () => {
    const page = (
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/register?handlerId=${s.handler2!.userId}&status=submitted`,
        headers: as(s.handler!),
      })
    ).json();
    const colleagues = page.items[0];
    expect(colleagues).toBeDefined();
    const res = await act('handler', colleagues.id, 'acknowledge');
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toContain('demandez à un superviseur');
    const bySupervisor = await act('supervisor', colleagues.id, 'acknowledge');
    expect(bySupervisor.statusCode).toBe(200);
  });
});
