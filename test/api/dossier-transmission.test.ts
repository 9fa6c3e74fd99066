import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, type Session, type TestApp } from '../support/test-app.ts';

// Issue 16: a draft is private to the member until he transmits it (« Transmettre à l'organisme »).
let t: TestApp;
const s: Record<string, Session> = {};

beforeAll(async () => {
  t = await createTestApp();
  s.member = await t.login('adherent@demo.recours.fr');
  s.handler = await t.login('conseiller@demo.recours.fr');
  s.supervisor = await t.login('superviseur@demo.recours.fr');
}, 120_000);
afterAll(() => t.close());

async function organisationId() {
  const res = await t.app.inject({ method: 'GET', url: '/api/v1/organisations', headers: as(s.member!) });
  return res.json().organisations.find((o: { name: string }) => o.name === 'Mutuelle Démo').id as string;
}

async function newDraft(title: string) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/dossiers',
    headers: as(s.member!),
    payload: {
      organisationId: await organisationId(),
      category: 'reimbursement_contested',
      title,
      description: 'Lunettes remboursées 50 € au lieu de 150 € selon le tableau de garanties.',
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().dossier as { id: string; status: string; transmittedAt: string | null };
}

const get = (who: string, url: string) => t.app.inject({ method: 'GET', url, headers: as(s[who]!) });

describe('a draft is private until « Transmettre à l’organisme »', () => {
  it('staff neither list nor open a draft, nor its messages, and are not told of them', async () => {
    const draft = await newDraft('Brouillon privé : lunettes');
    expect(draft.status).toBe('draft');
    expect(draft.transmittedAt).toBeNull();
    const message = await t.app.inject({
      method: 'POST',
      url: `/api/v1/dossiers/${draft.id}/messages`,
      headers: as(s.member!),
      payload: { body: 'Une note que je prépare avant d’envoyer.' },
    });
    expect(message.statusCode, message.body).toBe(201);
    for (const who of ['handler', 'supervisor']) {
      expect((await get(who, `/api/v1/dossiers/${draft.id}`)).statusCode).toBe(404);
      expect((await get(who, `/api/v1/dossiers/${draft.id}/messages`)).statusCode).toBe(404);
      const list = (await get(who, '/api/v1/dossiers')).json().dossiers as { id: string }[];
      expect(list.some((d) => d.id === draft.id)).toBe(false);
      const register = (await get(who, '/api/v1/register?limit=200')).json().items as { id: string }[];
      expect(register.some((d) => d.id === draft.id)).toBe(false);
      const notes = (await get(who, '/api/v1/notifications')).json();
      expect(JSON.stringify(notes)).not.toContain(draft.id);
    }
  });

  it('after transmission the organisation sees it, its complaint date is today and a retry changes nothing', async () => {
    const draft = await newDraft('Brouillon à transmettre : lunettes');
    const sent = await t.app.inject({
      method: 'POST',
      url: `/api/v1/dossiers/${draft.id}/transmit`,
      headers: as(s.member!),
    });
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json().status).toBe('submitted');
    const seen = await get('handler', `/api/v1/dossiers/${draft.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().dossier.complaintSentOn).toBe('2026-11-23');
    const retry = await t.app.inject({
      method: 'POST',
      url: `/api/v1/dossiers/${draft.id}/transmit`,
      headers: as(s.member!),
    });
    expect(retry.statusCode).toBe(409);
    expect(retry.json().error.message).toContain('déjà été transmis');
    const history = (await get('member', `/api/v1/dossiers/${draft.id}/timeline`)).json();
    expect(JSON.stringify(history)).toMatch(/transmis/i);
  });
});
