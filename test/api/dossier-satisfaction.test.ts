import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dossiers } from '../../src/db/schema.ts';
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

const answer = (who: Who, dossierId: string, payload: Record<string, unknown>) =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/dossiers/${dossierId}/satisfaction`,
    headers: as(s[who]),
    payload,
  });

describe('the satisfaction survey', () => {
  it('waits for the file to be closed', async () => {
    const error = expectFrenchError(await answer('member', ids.crown, { score: 4 }), 409);
    expect(error.message).toContain('quand le dossier est clos');
  });

  it('takes one answer from the member once the file is closed, audited, and refuses a second', async () => {
    // Closing belongs to the back office; the test closes the file directly.
    await t.database.db.update(dossiers).set({ status: 'closed' }).where(eq(dossiers.id, ids.crown));
    const first = await answer('member', ids.crown, { score: 4, comment: 'Réponse claire, un peu lente.' });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toEqual({ score: 4, comment: 'Réponse claire, un peu lente.' });
    const event = (await auditTypes(t, ids.crown)).find((e) => e.type === 'dossier.satisfaction_recorded');
    expect(event?.payload).toEqual({ after: { score: 4, withComment: true } });
    const second = expectFrenchError(await answer('member', ids.crown, { score: 1 }), 409, 'score');
    expect(second.message).toContain('déjà donné votre avis');
    const [row] = await t.database.db.select().from(dossiers).where(eq(dossiers.id, ids.crown));
    expect(row?.satisfactionScore).toBe(4);
  });

  it('names the field at fault', async () => {
    expectFrenchError(await answer('member', ids.crown, { score: 6 }), 400, 'score');
    expectFrenchError(await answer('member', ids.crown, { score: 2.5 }), 400, 'score');
    expectFrenchError(await answer('member', ids.crown, {}), 400, 'score');
  });

  it('is the member’s alone: staff 403, strangers 404', async () => {
    await t.database.db.update(dossiers).set({ status: 'closed' }).where(eq(dossiers.id, ids.doubleDebit));
    expect((await answer('handler', ids.doubleDebit, { score: 5 })).statusCode).toBe(403);
    for (const who of ['member', 'otherHandler', 'mediator'] as const) {
      expect([who, (await answer(who, ids.doubleDebit, { score: 5 })).statusCode]).toEqual([who, 404]);
    }
    expect((await answer('member2', ids.doubleDebit, { score: 5 })).statusCode).toBe(201);
  });
});
