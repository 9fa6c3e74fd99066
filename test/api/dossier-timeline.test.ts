import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, type Session, type TestApp } from '../support/test-app.ts';
import {
  auditTypes,
  demoDossiers,
  expectFrenchError,
  loginAll,
  PDF_BYTES,
  upload,
  type Who,
} from './dossier-support.ts';

let t: TestApp;
let s: Record<Who, Session>;
let ids: Awaited<ReturnType<typeof demoDossiers>>;

beforeAll(async () => {
  t = await createTestApp();
  s = await loginAll(t);
  ids = demoDossiers(t);
});
afterAll(() => t.close());

type Entry = {
  kind: string;
  at: string;
  text: string;
  detail: string | null;
  ref: string;
  upcoming: boolean;
};
const timeline = (who: Who, dossierId: string) =>
  t.app.inject({ method: 'GET', url: `/api/v1/dossiers/${dossierId}/timeline`, headers: as(s[who]) });
const patchFacts = (who: Who, dossierId: string, facts: Record<string, unknown>) =>
  t.app.inject({
    method: 'PATCH',
    url: `/api/v1/dossiers/${dossierId}/facts`,
    headers: as(s[who]),
    payload: { facts },
  });

describe('the timeline', () => {
  it('tells the whole story in order, in French, with the deadlines and what to do next', async () => {
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/dossiers/${ids.crown}/contacts`,
      headers: as(s.member),
      payload: { channel: 'phone', summary: 'Le conseiller promet un rappel.', agentName: 'M. Roux' },
    });
    await upload(
      t,
      s.member,
      ids.crown,
      { kind: 'invoice', documentDate: '2026-09-02' },
      { name: 'f.pdf', bytes: PDF_BYTES },
    );
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/dossiers/${ids.crown}/messages`,
      headers: as(s.handler),
      payload: { body: 'Nous étudions votre demande.' },
    });
    const res = await timeline('member', ids.crown);
    expect(res.statusCode).toBe(200);
    const body = res.json() as { entries: Entry[]; next: unknown; waitingFor: { text: string } | null };
    const texts = body.entries.map((e) => e.text);
    expect(texts).toContain('Vous avez ouvert le dossier.');
    expect(texts).toContain('Vous avez ajouté un document : Facture daté du 02/09/2026.');
    expect(texts).toContain('Contact par téléphone avec M. Roux, noté par vous.');
    expect(texts).toContain('Message de Sophie Leroy (Conseiller).');
    expect(texts).toContain("Date d'envoi de la réclamation écrite : 15/09/2026.");
    // In order: the dated invoice (02/09) comes before the complaint deadlines it led to; instants sort too.
    const keys = body.entries.map((e) => (e.at.length === 10 ? `${e.at}T00` : e.at));
    expect(keys).toEqual([...keys].sort());
    const deadlines = body.entries.filter((e) => e.kind === 'deadline');
    expect(deadlines.map((e) => e.ref)).toContain('deadline:complaint.answer');
    // Complaint sent 15/09/2026: the answer was due two months later; the member can now go to the mediator.
    expect(body.entries.find((e) => e.ref === 'deadline:complaint.answer')?.text).toContain('15/11/2026');
    expect(body.next).toMatchObject({ text: expect.stringMatching(/^À faire avant le \d{2}\/\d{2}\/\d{4}/) });
    // Access events are the RGPD log, not the story.
    expect(texts.some((x) => x.includes('consulté'))).toBe(false);
  });

  it('reads differently for staff: names the member, shows the file was opened by him', async () => {
    const res = await timeline('handler', ids.crown);
    expect(res.statusCode).toBe(200);
    const texts = (res.json().entries as Entry[]).map((e) => e.text);
    expect(texts).toContain('Camille Martin (Adhérent) a ouvert le dossier.');
  });

  it('is refused with 404 to anyone who may not see the file', async () => {
    for (const who of ['member2', 'otherHandler', 'mediator'] as const) {
      expect([who, (await timeline(who, ids.crown)).statusCode]).toEqual([who, 404]);
    }
    expect((await timeline('mediator', ids.glasses)).statusCode).toBe(200);
  });
});

describe('recording dated facts', () => {
  it('merges the facts, moves a draft to "submitted", audits before/after, and the deadlines follow', async () => {
    const res = await patchFacts('member', ids.cpam, {
      cpamDecisionNotifiedOn: '2026-11-05',
      complaintSentOn: '2026-11-10',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      facts: { cpamDecisionNotifiedOn: '2026-11-05', complaintSentOn: '2026-11-10' },
      status: 'submitted',
    });
    const events = await auditTypes(t, ids.cpam);
    const updated = events.find((e) => e.type === 'dossier.facts_updated');
    expect(updated?.payload).toMatchObject({
      changes: [
        { field: 'cpamDecisionNotifiedOn', before: null, after: '2026-11-05' },
        { field: 'complaintSentOn', before: null, after: '2026-11-10' },
      ],
      before: { facts: {} },
    });
    expect(events.find((e) => e.type === 'dossier.status_changed')?.payload).toMatchObject({
      before: { status: 'draft' },
      after: { status: 'submitted' },
    });
    const entries = (await timeline('member', ids.cpam)).json().entries as Entry[];
    expect(entries.map((e) => e.ref)).toContain('deadline:cpam.cra_referral');
    expect(entries.find((e) => e.text.startsWith('Vous avez mis à jour les dates'))?.detail).toContain(
      'Date de notification de la décision de la CPAM contestée : 05/11/2026',
    );
  });

  it('removes a fact with null', async () => {
    const res = await patchFacts('member', ids.cpam, { complaintSentOn: null });
    expect(res.json().facts).toEqual({ cpamDecisionNotifiedOn: '2026-11-05' });
  });

  it('returns the deadline engine’s French refusal as 422 with its field, and saves nothing', async () => {
    const before = (await auditTypes(t, ids.crown)).length;
    const future = await patchFacts('member', ids.crown, {
      answerReceivedOn: '2026-12-01',
      answerOutcome: 'rejected',
    });
    const error = expectFrenchError(future, 422, 'facts.answerReceivedOn');
    expect(error.message).toContain('postérieure à la date du jour');
    const incoherent = await patchFacts('member', ids.crown, {
      answerReceivedOn: '2026-09-01',
      answerOutcome: 'rejected',
    });
    expectFrenchError(incoherent, 422, 'facts.answerReceivedOn');
    const unknown = await patchFacts('member', ids.crown, { complaintSentOnn: '2026-09-01' });
    expectFrenchError(unknown, 422, 'facts.complaintSentOnn');
    const badDate = await patchFacts('member', ids.crown, { complaintSentOn: '2026-02-30' });
    expectFrenchError(badDate, 422, 'facts.complaintSentOn');
    expect((await auditTypes(t, ids.crown)).length).toBe(before);
    const list = await t.app.inject({
      method: 'GET',
      url: `/api/v1/dossiers/${ids.crown}`,
      headers: as(s.member),
    });
    expect(list.json().dossier.complaintSentOn).toBe('2026-09-15');
  });

  it('lets handlers record facts; refuses readers who may not write (403) and strangers (404)', async () => {
    const ok = await patchFacts('handler', ids.crown, { acknowledgedOn: '2026-09-20' });
    expect(ok.statusCode).toBe(200);
    expect((await patchFacts('auditor', ids.crown, { acknowledgedOn: '2026-09-21' })).statusCode).toBe(403);
    expect((await patchFacts('mediator', ids.glasses, { mediatorSeizedOn: '2026-11-01' })).statusCode).toBe(
      403,
    );
    for (const who of ['member2', 'otherHandler'] as const) {
      expect([who, (await patchFacts(who, ids.crown, { acknowledgedOn: '2026-09-21' })).statusCode]).toEqual([
        who,
        404,
      ]);
    }
  });
});
