import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findDossier, insertDossier } from '../../src/db/repositories/dossiers.ts';
import { dossiers, messages } from '../../src/db/schema.ts';
import { as, createTestApp, type Session, type TestApp } from '../support/test-app.ts';

// The clock is moved forward after the seed: files submitted around the seed day are then past both ACPR
// periods (10 jours ouvrables, 2 months: ACPR 2024-R-02).
let now = new Date('2026-11-23T10:00:00Z');
let t: TestApp;
const s: Record<string, Session> = {};
type Clock = { label: string; outcome: string | null; doneOn: string | null; dueDate: string | null };
type Entry = {
  id: string;
  reference: string;
  status: string;
  decision: string | null;
  decisionLabel: string | null;
  sla: { acknowledgment: Clock; answer: Clock };
};

beforeAll(async () => {
  t = await createTestApp({ now: () => now });
  for (const [who, email] of Object.entries({
    handler: 'conseiller@demo.recours.fr',
    supervisor: 'superviseur@demo.recours.fr',
    member: 'adherent@demo.recours.fr',
    otherHandler: 'conseiller@assurances-exemple.fr',
  })) {
    s[who] = await t.login(email);
  }
});
afterAll(() => t.close());

const get = (who: string, url: string) => t.app.inject({ method: 'GET', url, headers: as(s[who]!) });
const post = (who: string, url: string, payload: object = {}) =>
  t.app.inject({ method: 'POST', url, headers: as(s[who]!), payload });
const list = async (query: string) =>
  (await get('supervisor', `/api/v1/register${query}`)).json().items as Entry[];

describe('register filters', () => {
  it('« du » after « au » is a French 400 on the start date, not an empty list', async () => {
    const res = await get('supervisor', '/api/v1/register?from=2026-12-02&to=2026-11-15');
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ field: 'from' });
    expect(res.json().error.message).toContain('02/12/2026');
    expect(res.json().error.message).toContain('corrigez');
  });

  it('the same day on both ends is a valid range', async () => {
    const res = await get('supervisor', '/api/v1/register?from=2026-11-15&to=2026-11-15');
    expect(res.statusCode, res.body).toBe(200);
  });
});

describe('after a decision: « Répondu le … », the outcome, met or late', () => {
  it('every answered file of the register says when it was answered and in which sense', async () => {
    const answered = await list('?status=answered&limit=50');
    expect(answered.length).toBeGreaterThan(0);
    for (const e of answered) {
      expect(e.sla.answer.label).toMatch(/^Répondu le \d\d\/\d\d\/\d{4} — /);
      expect(['met', 'late']).toContain(e.sla.answer.outcome);
      expect(e.sla.answer.label).not.toContain('Dépassé');
      if (e.decision) expect(e.decisionLabel).toBeTruthy();
    }
  });
});

describe('GET /api/v1/register/dossiers/:id/summary', () => {
  it('gives staff the member’s contact details, the clocks and the next action by whom', async () => {
    const [file] = await list('?status=submitted&handlerId=none&limit=1');
    const res = await get('supervisor', `/api/v1/register/dossiers/${file!.id}/summary`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.reference).toBe(file!.reference);
    expect(body.member.name).not.toBe('');
    expect(body.member.email).toContain('@');
    expect(body.nextAction).toMatchObject({
      what: 'Accuser réception',
      by: 'À attribuer (aucun conseiller)',
    });
    expect(body.clocks.acknowledgment.label).toBeTruthy();
    expect(body.acknowledgment.text).toContain(file!.reference);
  });

  it('is refused to the member (403) and hidden from another organisation (404)', async () => {
    const mine = (await get('member', '/api/v1/dossiers')).json();
    const id = (mine.dossiers ?? mine.items ?? mine)[0].id;
    expect((await get('member', `/api/v1/register/dossiers/${id}/summary`)).statusCode).toBe(403);
    const [file] = await list('?limit=1');
    expect((await get('otherHandler', `/api/v1/register/dossiers/${file!.id}/summary`)).statusCode).toBe(404);
  });
});

describe('POST /api/v1/register/bulk in « eligible » mode', () => {
  it('applies to the files it can and reports the others with their reason', async () => {
    const [a, b] = await list('?status=submitted&limit=2');
    const [closed] = await list('?status=closed&limit=1');
    const res = await post('supervisor', '/api/v1/register/bulk', {
      action: 'priority',
      mode: 'eligible',
      dossierIds: [a!.id, closed!.id, b!.id],
      priority: 'urgent',
    });
    expect(res.statusCode, res.body).toBe(200);
    const results = res.json().results as { outcome: string; message: string; reference: string }[];
    expect(results.map((r) => r.outcome)).toEqual(['done', 'refused', 'done']);
    expect(results[1]!.message).toContain('Dossier clos');
    expect(results[0]!.message).toBe('Priorité : urgente.');
    expect((await findDossier(t.ctx.database.db, a!.id))!.priority).toBe('urgent');
  });

  it('all or nothing still changes nothing, and says why each possible file was left alone', async () => {
    const [a] = await list('?status=submitted&limit=1');
    const [closed] = await list('?status=closed&limit=1');
    const res = await post('supervisor', '/api/v1/register/bulk', {
      action: 'priority',
      mode: 'all_or_nothing',
      dossierIds: [a!.id, closed!.id],
      priority: 'high',
    });
    expect(res.statusCode).toBe(409);
    const [first] = res.json().results;
    expect(first.outcome).toBe('not_applied');
    expect(first.message).not.toMatch(/^Non appliqué/);
  });
});

describe('a late acknowledgment never promises a date already past', () => {
  it('warns the handler first, then apologises without promising a past date', async () => {
    const [file] = await list('?status=submitted&handlerId=none&limit=1');
    now = new Date(now.getTime() + 120 * 86_400_000);
    s.supervisor = await t.login('superviseur@demo.recours.fr'); // the old session expired meanwhile
    const got = await get('supervisor', `/api/v1/register/dossiers/${file!.id}/summary`);
    expect(got.statusCode, got.body).toBe(200);
    const summary = got.json();
    expect(summary.acknowledgment.warning).toContain('déjà dépassé');
    const res = await post('supervisor', `/api/v1/dossiers/${file!.id}/actions/acknowledge`);
    expect(res.statusCode, res.body).toBe(200);
    const [message] = await t.ctx.database.db
      .select({ body: messages.body })
      .from(messages)
      .where(eq(messages.id, res.json().messageId));
    expect(message!.body).not.toContain('au plus tard le');
    expect(message!.body).toContain('a expiré le');
    expect(message!.body).toBe(summary.acknowledgment.text);
  });
});

describe('GET /api/v1/register/mediations', () => {
  it('gives the mediator the 90-day clock of each referral, and nobody else', async () => {
    s.mediator = await t.login('mediateur@demo.recours.fr');
    const res = await get('mediator', '/api/v1/register/mediations');
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as { clock: { label: string; colour: string } }[];
    expect(items.length).toBeGreaterThan(0);
    for (const i of items) expect(i.clock.label).not.toBe('');
    s.supervisor = await t.login('superviseur@demo.recours.fr');
    expect((await get('supervisor', '/api/v1/register/mediations')).statusCode).toBe(403);
  });

  it('pages a large caseload in reference order: every referral once, the engine on one page only', async () => {
    const mediatorId = s.mediator!.userId;
    const [model] = await t.ctx.database.db
      .select()
      .from(dossiers)
      .where(eq(dossiers.mediatorId, mediatorId));
    // A copy of a referred file, without its id and the columns the database generates.
    const generated = new Set([
      'id',
      'searchVector',
      'receivedOn',
      'acknowledgedOn',
      'answeredOn',
      'mediationReferredOn',
    ]);
    const copy = Object.fromEntries(Object.entries(model!).filter(([key]) => !generated.has(key)));
    for (let i = 0; i < 60; i += 1) {
      await insertDossier(t.ctx.database.db, {
        ...(copy as Parameters<typeof insertDossier>[1]),
        reference: `REC-2026-M${String(i).padStart(5, '0')}`,
        idempotencyKey: null,
      });
    }
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    let total = 0;
    do {
      const res = await get('mediator', `/api/v1/register/mediations${after ? `?after=${after}` : ''}`);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json() as { items: { reference: string }[]; total: number; nextAfter: string | null };
      expect(body.items.length).toBeLessThanOrEqual(50);
      seen.push(...body.items.map((i) => i.reference));
      total = body.total;
      after = body.nextAfter;
      pages += 1;
    } while (after && pages < 10);
    expect(pages).toBe(2);
    expect(seen.length).toBe(total);
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort()).toEqual(seen);
  });
});
