import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeSpikes } from '../../src/db/repositories/pattern-spikes.ts';
import { weeklyCounts } from '../../src/db/repositories/patterns.ts';
import { notifications, organisations } from '../../src/db/schema.ts';
import { runWeeklyPatterns } from '../../src/server/jobs/weekly-patterns.ts';
import { notifyInTransaction } from '../../src/server/shared/notify.ts';
import { as, createTestApp, type Session, type TestApp } from '../support/test-app.ts';

let t: TestApp;
let organisationId: string;
const s: Record<string, Session> = {};

/**
 * Bulk rows straight in SQL: only the columns the weekly counts read (the received day comes from the facts, as
 * `received_on` is generated from them); the deadline projection is not read here.
 * 60 weeks of 24 complaints a week (3 categories × 2 products × 2 regions, 2 each), then a spike the last week. */
async function seedRegister() {
  const [member] = await t.database.db
    .execute<{ id: string }>(sql`select id from users where email = 'adherent@demo.recours.fr'`)
    .then((r) => (Array.isArray(r) ? r : (r as { rows: { id: string }[] }).rows));
  await t.database.db.execute(sql`
    insert into dossiers (reference, member_id, organisation_id, organisation_name, organisation_kind, category,
                          title, channel, product, region, facts, status, transmitted_at)
    select 'PAT-' || g, ${member!.id}, ${organisationId}, 'Mutuelle Démo', 'mutuelle',
           (array['termination','contributions','reimbursement_contested'])[1 + (g / 4) % 3],
           'Réclamation', 'web',
           (array['Santé Plus','Santé Essentiel'])[1 + (g / 2) % 2],
           (array['35','14'])[1 + g % 2],
           jsonb_build_object('complaintReceivedOn', to_char(date '2025-09-22' + ((g / 24) * 7 + g % 7), 'YYYY-MM-DD')),
           'submitted', now()
      from generate_series(0, 24 * 60 - 1) g`);
  // The week of 16/11/2026: 30 terminations on Santé Plus (2 expected per region).
  await t.database.db.execute(sql`
    insert into dossiers (reference, member_id, organisation_id, organisation_name, organisation_kind, category,
                          title, channel, product, region, facts, status, transmitted_at)
    select 'PAT-S-' || g, ${member!.id}, ${organisationId}, 'Mutuelle Démo', 'mutuelle', 'termination',
           'Résiliation ignorée', 'web', 'Santé Plus', (array['35','14'])[1 + g % 2],
           jsonb_build_object('complaintReceivedOn', to_char(date '2026-11-16' + g % 5, 'YYYY-MM-DD')),
           'submitted', now()
      from generate_series(1, 30) g`);
}

beforeAll(async () => {
  t = await createTestApp();
  const [org] = await t.database.db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.name, 'Mutuelle Démo'));
  organisationId = org!.id;
  await seedRegister();
  s.supervisor = await t.login('superviseur@demo.recours.fr');
  s.handler = await t.login('conseiller@demo.recours.fr');
  s.auditor = await t.login('auditeur@demo.recours.fr');
  s.member = await t.login('adherent@demo.recours.fr');
});
afterAll(() => t.close());

describe('weekly spikes of an organisation (issue 15)', () => {
  it('counts by week (Monday) and dimension in SQL', async () => {
    const rows = await weeklyCounts(t.database.db, organisationId, '2026-11-16', '2026-11-22');
    const spike = rows.filter((r) => r.category === 'termination' && r.product === 'Santé Plus');
    expect(new Set(rows.map((r) => r.weekStart))).toEqual(new Set(['2026-11-16']));
    expect(spike.reduce((n, r) => n + r.count, 0)).toBeGreaterThanOrEqual(30);
  });

  it('the weekly job stores the alert, notifies the supervisors once, and the dashboard reads it', async () => {
    const first = await runWeeklyPatterns(t.ctx, organisationId, notifyInTransaction);
    expect(first.alerts).toBeGreaterThanOrEqual(1);
    await runWeeklyPatterns(t.ctx, organisationId, notifyInTransaction);
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/patterns', headers: as(s.supervisor!) });
    expect(res.statusCode).toBe(200);
    const body = res.json() as {
      period: { from: string };
      alerts: { dimensions: object; explanation: string }[];
    };
    expect(body.period.from).toBe('2026-11-16');
    expect(body.alerts.map((a) => a.dimensions)).toContainEqual({
      category: 'termination',
      product: 'Santé Plus',
    });
    const notices = await t.database.db
      .select({ id: notifications.id })
      .from(notifications)
      .where(and(eq(notifications.userId, s.supervisor!.userId), eq(notifications.kind, 'patterns.spike')));
    expect(notices).toHaveLength(body.alerts.length);
  });

  it('is for supervisors: a handler is refused with a French message', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/patterns', headers: as(s.handler!) });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toMatch(/réservées aux superviseurs/);
  });

  it('without enough history, says what is needed', async () => {
    const result = await computeSpikes(t.database, organisationId, {
      from: '2025-10-06',
      to: '2025-11-30',
      asOf: '2026-11-23',
    });
    expect(!result.ok && result.error.message).toMatch(/au moins 26 semaines/);
  });
});

const CONTRACT = [
  'Article 1 – Résiliation',
  'Conformément aux dispositions de l’article L221-10-3 du Code de la mutualité, la dénonciation de l’adhésion par le membre participant, qui peut intervenir à tout moment à l’expiration d’un délai d’un an à compter de la première souscription, prend effet un mois après que la mutuelle en a reçu notification, sous réserve des dispositions relatives à la subrogation et au tiers payant.',
  'Article 2 – Optique',
  'Nous remboursons vos lunettes une fois tous les deux ans. Le montant figure dans le tableau des garanties.',
  'Article 3 – Exclusions',
  'Coverage excludes any treatment performed abroad without prior approval of the insurer.',
  'Article 4 – Vide',
].join('\n');

describe('themes, clauses à réécrire and rule changes (issue 15)', () => {
  const period = 'from=2025-09-22&to=2026-11-22';

  it('imports a contract from text: each article is a clause; empty and non-French ones are reported, not scored', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/patterns/clauses',
      headers: as(s.supervisor!),
      payload: { text: CONTRACT, product: 'Santé Plus' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const clauses = res.json().clauses as {
      title: string;
      topic: string | null;
      review: { status: string };
    }[];
    expect(clauses.map((c) => [c.title, c.topic, c.review.status])).toEqual([
      ['Article 1 – Résiliation', 'conditions:resiliation', 'scored'],
      ['Article 2 – Optique', 'garantie:optique', 'scored'],
      ['Article 3 – Exclusions', null, 'not_french'],
      ['Article 4 – Vide', null, 'empty'],
    ]);
  });

  it('crosses clarity with the complaints disputing each clause (terminations of Santé Plus)', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/patterns/clauses?${period}`,
      headers: as(s.auditor!),
    });
    expect(res.statusCode, res.body).toBe(200);
    const first = res.json().toRewrite[0] as { label: string; complaints: number; reasons: string[] };
    expect(first.label).toBe('Article 1 – Résiliation (Santé Plus)');
    expect(first.complaints).toBeGreaterThanOrEqual(240);
    expect(first.reasons.join(' ')).toMatch(/Lisibilité .* \(Kandel–Moles\)/);
    const labels = (res.json().toRewrite as { label: string; reasons: string[] }[]).map((c) => c.label);
    expect(labels).toContain('Article 3 – Exclusions (Santé Plus)');
  });

  it('an empty contract is a French error, and auditors only read', async () => {
    const empty = await t.app.inject({
      method: 'POST',
      url: '/api/v1/patterns/clauses',
      headers: as(s.supervisor!),
      payload: { text: '   ' },
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.message).toMatch(/texte du contrat est vide/);
    const auditor = await t.app.inject({
      method: 'POST',
      url: '/api/v1/patterns/clauses',
      headers: as(s.auditor!),
      payload: { text: CONTRACT },
    });
    expect(auditor.statusCode).toBe(403);
  });

  it('themes: never one of fewer than five complaints; too few texts get a French explanation', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/patterns/themes?${period}`,
      headers: as(s.supervisor!),
    });
    expect(res.statusCode, res.body).toBe(200);
    for (const theme of res.json().themes as { complaints: number }[]) {
      expect(theme.complaints).toBeGreaterThanOrEqual(5);
    }
    // The seeded register's files have no description: a period holding only them has nothing to read.
    const early = await t.app.inject({
      method: 'GET',
      url: '/api/v1/patterns/themes?from=2025-09-22&to=2025-11-23',
      headers: as(s.supervisor!),
    });
    expect(early.json().themes).toEqual([]);
    expect(early.json().message).toMatch(/il en faut au moins 20 pour dégager des thèmes/);
  });

  it('lists the rules changed in a period with the letters, deadlines and checks they touch', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/patterns/rule-changes?from=2026-03-01&to=2026-03-31',
      headers: as(s.supervisor!),
    });
    expect(res.statusCode, res.body).toBe(200);
    const forfait = (
      res.json().changes as { parameter: string; after: string; letters: { label: string }[] }[]
    ).find((c) => c.parameter === 'forfaitJournalier');
    expect(forfait?.after).toBe('23,00\u00a0€');
    expect(forfait?.letters.length).toBeGreaterThan(0);
    const reversed = await t.app.inject({
      method: 'GET',
      url: '/api/v1/patterns/rule-changes?from=2026-03-31&to=2026-03-01',
      headers: as(s.supervisor!),
    });
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().error.message).toMatch(/inversez les deux dates/);
  });

  it('outside every organisation the pages do not exist (404); a handler is refused (403)', async () => {
    for (const url of [
      '/api/v1/patterns',
      `/api/v1/patterns/themes?${period}`,
      `/api/v1/patterns/clauses?${period}`,
    ]) {
      const member = await t.app.inject({ method: 'GET', url, headers: as(s.member!) });
      expect([url, member.statusCode]).toEqual([url, 404]);
      const handler = await t.app.inject({ method: 'GET', url, headers: as(s.handler!) });
      expect([url, handler.statusCode]).toEqual([url, 403]);
    }
  });
});
