import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEventsOf } from '../../src/db/repositories/audit.ts';
import { as, createTestApp, type Session, type TestApp } from '../support/test-app.ts';

let t: TestApp;
const s: Record<string, Session> = {};
let fileId: string;
let otherOrgFile: string;
let reviewId: string;

beforeAll(async () => {
  t = await createTestApp();
  for (const [who, email] of Object.entries({
    handler: 'conseiller@demo.recours.fr',
    supervisor: 'superviseur@demo.recours.fr',
    auditor: 'auditeur@demo.recours.fr',
    admin: 'admin@demo.recours.fr',
    member: 'adherent@demo.recours.fr',
    otherHandler: 'conseiller@assurances-exemple.fr',
  })) {
    s[who] = await t.login(email);
  }
  const list = (who: string, q = '') =>
    t.app.inject({ method: 'GET', url: `/api/v1/register${q}`, headers: as(s[who]!) });
  fileId = (await list('supervisor', '?q=couronne')).json().items[0].id;
  otherOrgFile = (await list('otherHandler')).json().items[0].id;
});
afterAll(() => t.close());

const post = (who: string, url: string, payload: object) =>
  t.app.inject({ method: 'POST', url, headers: as(s[who]!), payload });
const request = {
  question:
    'La prise en charge à titre exceptionnel d’une couronne hors nomenclature est-elle équitable ici ?',
  committeeMembers: ['Dr Hélène Lemoine', 'Me Jacques Roux', 'Mme Fatou Diallo'],
};

describe('ethics committee', () => {
  it('only a supervisor of the organisation sends a file', async () => {
    expect((await post('handler', `/api/v1/dossiers/${fileId}/ethics-review`, request)).statusCode).toBe(403);
    expect((await post('auditor', `/api/v1/dossiers/${fileId}/ethics-review`, request)).statusCode).toBe(403);
    expect((await post('member', `/api/v1/dossiers/${fileId}/ethics-review`, request)).statusCode).toBe(404);
    expect(
      (await post('supervisor', `/api/v1/dossiers/${otherOrgFile}/ethics-review`, request)).statusCode,
    ).toBe(404);
    const short = await post('supervisor', `/api/v1/dossiers/${fileId}/ethics-review`, {
      ...request,
      question: 'Oui ?',
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.field).toBe('question');
  });

  it('sends the file with the question and the members; a second open review is refused', async () => {
    const res = await post('supervisor', `/api/v1/dossiers/${fileId}/ethics-review`, request);
    expect(res.statusCode, res.body).toBe(201);
    reviewId = res.json().review.id;
    expect(res.json().review).toMatchObject({
      status: 'open',
      committeeMembers: request.committeeMembers,
      opinion: null,
    });
    const twice = await post('supervisor', `/api/v1/dossiers/${fileId}/ethics-review`, request);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.message).toContain('déjà saisi');
  });

  it('votes wait for the opinion; the opinion is recorded', async () => {
    const early = await post('supervisor', `/api/v1/ethics-reviews/${reviewId}/votes`, {
      member: 'Me Jacques Roux',
      vote: 'for',
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toContain('Enregistrez d’abord l’avis');
    const byAuditor = await post('auditor', `/api/v1/ethics-reviews/${reviewId}/opinion`, {
      opinion: 'x'.repeat(30),
    });
    expect(byAuditor.statusCode).toBe(403);
    const foreign = await post('otherHandler', `/api/v1/ethics-reviews/${reviewId}/opinion`, {
      opinion: 'x'.repeat(30),
    });
    expect(foreign.statusCode).toBe(404);
    const res = await post('supervisor', `/api/v1/ethics-reviews/${reviewId}/opinion`, {
      opinion: 'Le comité estime la prise en charge équitable, compte tenu du devis accepté par la mutuelle.',
    });
    expect(res.statusCode, res.body).toBe(200);
  });

  it('each member votes once (a new vote replaces the old); a stranger cannot vote', async () => {
    const stranger = await post('supervisor', `/api/v1/ethics-reviews/${reviewId}/votes`, {
      member: 'M. Inconnu',
      vote: 'for',
    });
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json().error.field).toBe('member');
    for (const [member, vote] of [
      ['Dr Hélène Lemoine', 'for'],
      ['Me Jacques Roux', 'against'],
      ['Me Jacques Roux', 'for'],
    ] as const) {
      const res = await post('admin', `/api/v1/ethics-reviews/${reviewId}/votes`, { member, vote });
      expect(res.statusCode, res.body).toBe(200);
    }
    const missing = await post('supervisor', `/api/v1/ethics-reviews/${reviewId}/decision`, {
      decision: 'Prise en charge exceptionnelle accordée.',
    });
    expect(missing.statusCode).toBe(409);
    expect(missing.json().error.message).toContain('manque : Mme Fatou Diallo');
    const last = await post('supervisor', `/api/v1/ethics-reviews/${reviewId}/votes`, {
      member: 'Mme Fatou Diallo',
      vote: 'abstain',
    });
    expect(last.json().review.tally).toEqual({ for: 2, against: 0, abstain: 1 });
  });

  it('records the final decision, then nothing more', async () => {
    const res = await post('supervisor', `/api/v1/ethics-reviews/${reviewId}/decision`, {
      decision: 'Prise en charge exceptionnelle accordée, sans valeur de précédent.',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().review).toMatchObject({ status: 'decided', decidedAt: expect.any(String) });
    const late = await post('supervisor', `/api/v1/ethics-reviews/${reviewId}/votes`, {
      member: 'Me Jacques Roux',
      vote: 'against',
    });
    expect(late.statusCode).toBe(409);
  });

  it('lists the reviews for supervisors, admins and auditors of the organisation only', async () => {
    for (const who of ['supervisor', 'admin', 'auditor']) {
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/ethics-reviews', headers: as(s[who]!) });
      expect(res.statusCode).toBe(200);
      expect(res.json().reviews.map((r: { id: string }) => r.id)).toEqual([reviewId]);
    }
    const decided = await t.app.inject({
      method: 'GET',
      url: '/api/v1/ethics-reviews?status=open',
      headers: as(s.auditor!),
    });
    expect(decided.json().reviews).toEqual([]);
    for (const who of ['handler', 'member']) {
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/ethics-reviews', headers: as(s[who]!) });
      expect(res.statusCode).toBe(403);
    }
    const other = await t.app.inject({
      method: 'GET',
      url: '/api/v1/ethics-reviews',
      headers: as(s.otherHandler!),
    });
    expect(other.statusCode).toBe(403);
  });

  it('every step is audited on the file', async () => {
    const types = (await auditEventsOf(t.ctx.database.db, fileId)).map((e) => e.type);
    expect(types.filter((x) => x.startsWith('ethics.'))).toEqual([
      'ethics.requested',
      'ethics.opinion_recorded',
      'ethics.vote_recorded',
      'ethics.vote_recorded',
      'ethics.vote_recorded',
      'ethics.vote_recorded',
      'ethics.decided',
    ]);
  });
});
