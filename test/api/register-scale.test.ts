import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findUserByEmail } from '../../src/db/repositories/users.ts';
import { as, createTestApp, type Session, type TestApp } from '../support/test-app.ts';

/** Issue 12: projection kept by every change and by the calendar, cursor pages, search, workload. */
let t: TestApp;
let now = new Date('2026-11-23T10:00:00Z');
const s: Record<string, Session> = {};
let organisationId: string;

beforeAll(async () => {
  t = await createTestApp({ now: () => now });
  s.handler = await t.login('conseiller@demo.recours.fr');
  s.supervisor = await t.login('superviseur@demo.recours.fr');
  s.member = await t.login('adherent@demo.recours.fr');
  organisationId = (await findUserByEmail(t.ctx.database.db, 'conseiller@demo.recours.fr'))!.organisationId!;
});
afterAll(() => t.close());

type Page = {
  total: number;
  totalCapped: boolean;
  nextCursor: string | null;
  sort: string;
  items: {
    id: string;
    reference: string;
    sla: {
      colour: string;
      acknowledgment: { colour: string; daysLeft: number | null; dueDate: string | null };
    };
  }[];
};
async function page(query: string, who = 'handler') {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/register${query}`, headers: as(s[who]!) });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Page;
}
async function create(title: string, description: string, transmit = true) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/dossiers',
    headers: as(s.member!),
    payload: { category: 'reimbursement_contested', title, description, organisationId },
  });
  expect(res.statusCode, res.body).toBe(201);
  const dossier = res.json().dossier as { id: string; reference: string };
  if (!transmit) return dossier;
  // A draft is the member's until he transmits it (issue 16): the register sees it from then on.
  const sent = await t.app.inject({
    method: 'POST',
    url: `/api/v1/dossiers/${dossier.id}/transmit`,
    headers: as(s.member!),
  });
  expect(sent.statusCode, sent.body).toBe(200);
  return dossier;
}
const entryOf = async (reference: string) =>
  (await page(`?q=${reference}`)).items.find((i) => i.reference === reference)!;

describe('the deadline projection follows facts and days', () => {
  it('a fact recorded through the API moves the clocks; the passing of days turns them amber then red', async () => {
    const file = await create('Lunettes refusées', 'Monture non remboursée', false);
    // A private draft is not in the register (issue 16).
    expect(await entryOf(file.reference)).toBeUndefined();
    const patch = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/dossiers/${file.id}/facts`,
      headers: as(s.member!),
      payload: { facts: { complaintSentOn: '2026-11-23' } },
    });
    expect(patch.statusCode, patch.body).toBe(200);
    const sent = await t.app.inject({
      method: 'POST',
      url: `/api/v1/dossiers/${file.id}/transmit`,
      headers: as(s.member!),
    });
    expect(sent.statusCode, sent.body).toBe(200);
    const fresh = await entryOf(file.reference);
    // 10 jours ouvrables from Monday 23/11/2026, the day itself not counted: Friday 04/12/2026 (ACPR 2024-R-02).
    expect(fresh.sla.acknowledgment).toMatchObject({ colour: 'green', dueDate: '2026-12-04', daysLeft: 11 });
    // Sessions expire with the clock: sign in again on each later day.
    const on = async (instant: string) => {
      now = new Date(instant);
      s.handler = await t.login('conseiller@demo.recours.fr');
    };
    await on('2026-12-02T10:00:00Z');
    expect((await entryOf(file.reference)).sla.acknowledgment).toMatchObject({
      colour: 'amber',
      daysLeft: 2,
    });
    await on('2026-12-07T10:00:00Z');
    const late = await entryOf(file.reference);
    expect(late.sla.acknowledgment).toMatchObject({ colour: 'red', daysLeft: -3 });
    // The colour filter, computed in SQL from the stored dates and today, agrees.
    const reds = await page(`?sla=red&q=${file.reference}`);
    expect(reds.items.map((i) => i.reference)).toContain(file.reference);
    const greens = await page(`?sla=green&q=${file.reference}`);
    expect(greens.items.map((i) => i.reference)).not.toContain(file.reference);
    await on('2026-11-23T10:00:00Z');
  });
});

describe('pages', () => {
  it('walks the whole register by cursor, in both orders, without gaps or repeats', async () => {
    for (const sort of ['urgency', 'date']) {
      const all = await page(`?sort=${sort}&limit=200`);
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const p: Page = await page(`?sort=${sort}&limit=7${cursor ? `&cursor=${cursor}` : ''}`);
        seen.push(...p.items.map((i) => i.reference));
        cursor = p.nextCursor;
      } while (cursor);
      expect([sort, seen]).toEqual([sort, all.items.map((i) => i.reference)]);
      expect(seen.length).toBe(all.total);
    }
  });

  it('a page past the end is empty; limit is capped; a malformed cursor is a French 400 naming the field', async () => {
    const past = await page('?offset=9000');
    expect(past.items).toEqual([]);
    expect(past.nextCursor).toBeNull();
    const big = await t.app.inject({
      method: 'GET',
      url: '/api/v1/register?limit=5000',
      headers: as(s.handler!),
    });
    expect(big.statusCode).toBe(400);
    expect(big.json().error.message).toContain('200 au plus');
    for (const cursor of [
      '%%%',
      'bm9uLWpzb24',
      Buffer.from('{"s":"date","d":"x","r":"y"}').toString('base64url'),
    ]) {
      const res = await t.app.inject({
        method: 'GET',
        url: `/api/v1/register?cursor=${cursor}`,
        headers: as(s.handler!),
      });
      expect([cursor, res.statusCode]).toEqual([cursor, 400]);
      expect(res.json().error).toMatchObject({ field: 'cursor' });
      expect(res.json().error.message).toContain('Curseur de page invalide');
    }
  });
});

describe('search finds what people type', () => {
  it('accents and case aside, stems, part of a reference, the member’s name, ranked', async () => {
    const file = await create('Résiliation refusée par la mutuelle', 'Demande de résiliation infra-annuelle');
    for (const q of ['résiliation', 'resiliation', 'RESILIATION', 'résilier']) {
      const found = await page(`?q=${encodeURIComponent(q)}`);
      expect([q, found.items.map((i) => i.reference)]).toEqual([q, expect.arrayContaining([file.reference])]);
      expect(found.sort).toBe('relevance');
    }
    const part = file.reference.slice(-5).toLowerCase();
    expect((await page(`?q=${part}`)).items.map((i) => i.reference)).toContain(file.reference);
    const member = await findUserByEmail(t.ctx.database.db, 'adherent@demo.recours.fr');
    const name = member!.displayName.split(' ').at(-1)!;
    const byName = await page(
      `?q=${encodeURIComponent(name.normalize('NFD').replace(/\p{M}/gu, '').toUpperCase())}`,
    );
    expect(byName.items.map((i) => i.reference)).toContain(file.reference);
    // The title weighs more than the description: the file titled with the word ranks first.
    const described = await create('Devis refusé', 'Appareil d’orthodontie non pris en charge');
    const titled = await create('Orthodontie non remboursée', 'Devis accepté puis refusé');
    const ranked = await page('?q=ORTHODONTIE');
    expect(ranked.items.map((i) => i.reference)).toEqual([titled.reference, described.reference]);
  });
});

describe('workload', () => {
  it('counts each handler’s open files in SQL', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/register/handlers',
      headers: as(s.supervisor!),
    });
    const handlers = res.json().handlers as { id: string; openFiles: number }[];
    for (const h of handlers) {
      const mine = await page(
        `?handlerId=${h.id}&status=submitted&status=acknowledged&status=awaiting_member&status=answered&status=mediation&limit=200`,
      );
      expect([h.id, h.openFiles]).toEqual([h.id, mine.total]);
    }
    expect(handlers.some((h) => h.openFiles > 0)).toBe(true);
  });
});
