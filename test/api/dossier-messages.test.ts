import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifications } from '../../src/db/schema.ts';
import { as, createTestApp, type Session, type TestApp } from '../support/test-app.ts';
import { demoDossiers, expectFrenchError, loginAll, type Who } from './dossier-support.ts';

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
    url: `/api/v1/dossiers/${dossierId}/messages`,
    headers: as(s[who]),
    payload,
  });
const get = (who: Who, dossierId: string) =>
  t.app.inject({ method: 'GET', url: `/api/v1/dossiers/${dossierId}/messages`, headers: as(s[who]) });

describe('messages between the member and the organisation', () => {
  it('carries a message each way and notifies the other side', async () => {
    const fromMember = await post('member', ids.crown, { body: 'Bonjour, où en est mon dossier ?' });
    expect(fromMember.statusCode).toBe(201);
    expect(fromMember.json().message).toMatchObject({
      internal: false,
      kind: 'message',
      author: { role: 'member' },
    });
    const fromHandler = await post('handler', ids.crown, {
      body: 'Merci de joindre la facture.',
      kind: 'document_request',
    });
    expect(fromHandler.statusCode).toBe(201);
    const rows = await t.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, s.member.userId), eq(notifications.dossierId, ids.crown)));
    expect(rows.map((r) => r.body)).toEqual([expect.stringContaining('vous demande une pièce')]);
  });

  it('never shows an internal note to the member, in the thread or the timeline', async () => {
    const note = await post('handler', ids.crown, {
      body: 'NOTE-INTERNE : adhérent à rappeler',
      internal: true,
    });
    expect(note.statusCode).toBe(201);
    const member = await get('member', ids.crown);
    expect(member.statusCode).toBe(200);
    expect(member.body).not.toContain('NOTE-INTERNE');
    expect(member.json().messages.every((m: { internal: boolean }) => !m.internal)).toBe(true);
    const timeline = await t.app.inject({
      method: 'GET',
      url: `/api/v1/dossiers/${ids.crown}/timeline`,
      headers: as(s.member),
    });
    expect(timeline.statusCode).toBe(200);
    expect(timeline.body).not.toContain('NOTE-INTERNE');
    expect(timeline.body).not.toContain('Note interne');
    // Staff see it, in both.
    for (const who of ['handler', 'supervisor', 'auditor'] as const) {
      expect([who, (await get(who, ids.crown)).body.includes('NOTE-INTERNE')]).toEqual([who, true]);
    }
    const staffTimeline = await t.app.inject({
      method: 'GET',
      url: `/api/v1/dossiers/${ids.crown}/timeline`,
      headers: as(s.handler),
    });
    expect(staffTimeline.body).toContain('NOTE-INTERNE');
  });

  it('keeps the organisation’s internal notes from the mediator too', async () => {
    await post('handler', ids.glasses, { body: 'NOTE-MEDIATION : position interne', internal: true });
    await post('member2', ids.glasses, { body: 'Je maintiens ma demande.' });
    const res = await get('mediator', ids.glasses);
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('NOTE-MEDIATION');
    expect(res.json().messages.length).toBe(1);
  });

  it('lets only handling staff write internal notes; others get 403 or 404', async () => {
    expectFrenchError(await post('member', ids.crown, { body: 'secret', internal: true }), 403, 'internal');
    expect((await post('auditor', ids.crown, { body: 'Vu' })).statusCode).toBe(403);
    expect((await post('mediator', ids.glasses, { body: 'Bonjour' })).statusCode).toBe(403);
    for (const who of ['member2', 'otherHandler', 'mediator'] as const) {
      expect([who, (await get(who, ids.crown)).statusCode]).toEqual([who, 404]);
      expect([who, (await post(who, ids.crown, { body: 'Bonjour' })).statusCode]).toEqual([who, 404]);
    }
  });

  it('names the field at fault', async () => {
    expectFrenchError(await post('member', ids.crown, { body: '   ' }), 400, 'body');
    expectFrenchError(await post('member', ids.crown, { body: 'x'.repeat(10_001) }), 400, 'body');
  });

  it('answers 409 in French when the organisation is not on Recours', async () => {
    const error = expectFrenchError(await post('member', ids.cpam, { body: 'Bonjour' }), 409);
    expect(error.message).toContain('CPAM du Rhône ne traite pas ses réclamations sur Recours');
    expect((await get('member', ids.cpam)).statusCode).toBe(409);
  });
});
