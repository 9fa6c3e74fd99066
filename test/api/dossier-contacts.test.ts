import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, type Session, type TestApp } from '../support/test-app.ts';
import { auditTypes, demoDossiers, expectFrenchError, loginAll, type Who } from './dossier-support.ts';

let t: TestApp;
let s: Record<Who, Session>;
let ids: Awaited<ReturnType<typeof demoDossiers>>;

beforeAll(async () => {
  t = await createTestApp();
  s = await loginAll(t);
  ids = demoDossiers(t);
});
afterAll(() => t.close());

const post = (who: Who, dossierId: string, payload: Record<string, unknown>) =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/dossiers/${dossierId}/contacts`,
    headers: as(s[who]),
    payload,
  });
const get = (who: Who, dossierId: string) =>
  t.app.inject({ method: 'GET', url: `/api/v1/dossiers/${dossierId}/contacts`, headers: as(s[who]) });

describe('the contact log', () => {
  it('takes a quick entry (channel and summary), dated now, and audits it', async () => {
    const res = await post('member', ids.crown, {
      channel: 'phone',
      summary: 'Appel : on me dit que le dossier est en cours.',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().contact).toMatchObject({
      channel: 'phone',
      occurredAt: t.ctx.now().toISOString(),
      agentName: null,
      promises: null,
    });
    const event = (await auditTypes(t, ids.crown)).find((e) => e.type === 'contact.logged');
    expect(event?.payload).toMatchObject({ contactId: res.json().contact.id, after: { channel: 'phone' } });
    // No free text in the unalterable chain.
    expect(JSON.stringify(event?.payload)).not.toContain('en cours');
  });

  it('keeps the full entry and lists contacts oldest first', async () => {
    const res = await post('handler', ids.crown, {
      channel: 'email',
      occurredAt: '2026-10-01T09:30:00+02:00',
      agentName: 'Mme Durand',
      reference: 'APP-4411',
      summary: 'Le service confirme la réception de la réclamation.',
      promises: 'Réponse sous 15 jours',
    });
    expect(res.statusCode).toBe(201);
    const contacts = (await get('member', ids.crown)).json().contacts;
    expect(contacts.map((c: { reference: string | null }) => c.reference)).toEqual(['APP-4411', null]);
    expect(contacts[0].occurredAt).toBe('2026-10-01T07:30:00.000Z');
  });

  it('names the field at fault', async () => {
    expectFrenchError(await post('member', ids.crown, { channel: 'phone' }), 400, 'summary');
    expectFrenchError(
      await post('member', ids.crown, { channel: 'pigeon', summary: 'Bonjour' }),
      400,
      'channel',
    );
    expectFrenchError(
      await post('member', ids.crown, {
        channel: 'phone',
        summary: 'Bonjour',
        occurredAt: '2026-12-25T10:00:00Z',
      }),
      400,
      'occurredAt',
    );
  });

  it('lets staff and the referred mediator read; only the member and handlers write; others get 404', async () => {
    for (const who of ['handler', 'supervisor', 'auditor', 'admin'] as const) {
      expect([who, (await get(who, ids.crown)).statusCode]).toEqual([who, 200]);
    }
    expect((await get('mediator', ids.glasses)).statusCode).toBe(200);
    for (const who of ['member2', 'otherHandler', 'mediator'] as const) {
      expect([who, (await get(who, ids.crown)).statusCode]).toEqual([who, 404]);
      expect([who, (await post(who, ids.crown, { channel: 'phone', summary: 'Essai' })).statusCode]).toEqual([
        who,
        404,
      ]);
    }
    for (const who of ['auditor', 'admin'] as const) {
      expect([who, (await post(who, ids.crown, { channel: 'phone', summary: 'Essai' })).statusCode]).toEqual([
        who,
        403,
      ]);
    }
    expect((await post('mediator', ids.glasses, { channel: 'phone', summary: 'Essai' })).statusCode).toBe(
      403,
    );
  });

  it('works for a file whose organisation is not on Recours (the member keeps his own log)', async () => {
    const res = await post('member', ids.cpam, {
      channel: 'visit',
      summary: 'Accueil CPAM : refus confirmé oralement.',
    });
    expect(res.statusCode).toBe(201);
  });
});
