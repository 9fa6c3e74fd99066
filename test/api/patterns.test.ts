import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeSpikes } from '../../src/db/repositories/pattern-spikes.ts';
import { weeklyCounts } from '../../src/db/repositories/patterns.ts';
import { notifications, organisations } from '../../src/db/schema.ts';
import { runWeeklyPatterns } from '../../src/server/jobs/weekly-patterns.ts';
import { notifyInTransaction } from '../../src/server/shared/notify.ts';
import { as, createTestApp, type Session, type TestApp } from '../support/test-app.ts';
import { seedThemeTexts } from '../support/theme-texts.ts';

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
  // Seven contested reimbursements of glasses: linked to the optical line by their words (one cursor read).
  await t.database.db.execute(sql`
    insert into dossiers (reference, member_id, organisation_id, organisation_name, organisation_kind, category,
                          title, description, channel, product, region, facts, status, transmitted_at)
    select 'PAT-O-' || g, ${member!.id}, ${organisationId}, 'Mutuelle Démo', 'mutuelle', 'reimbursement_contested',
           'Remboursement refusé', 'Mes lunettes ne sont remboursées qu’en partie.', 'web', 'Santé Plus', '35',
           jsonb_build_object('complaintReceivedOn', to_char(date '2025-10-06' + g, 'YYYY-MM-DD')),
           'submitted', now()
      from generate_series(1, 7) g`);
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
    const optical = (
      res.json().ranking.withoutMembership as { product: string; clauseId: string; complaints: number }[]
    ).filter((c) => c.clauseId === 'garantie:optique' && c.product === 'Santé Plus');
    expect(optical.map((c) => c.complaints)).toEqual([7]);
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

  it('edits a clause: re-read at once, its topic follows its words, the change is in the history', async () => {
    const list = await t.app.inject({
      method: 'GET',
      url: `/api/v1/patterns/clauses?${period}`,
      headers: as(s.supervisor!),
    });
    const exclusions = (list.json().clauses as { id: string; title: string; text: string }[]).find(
      (c) => c.title === 'Article 3 – Exclusions',
    )!;
    expect(exclusions.text).toMatch(/^Coverage excludes/);
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/patterns/clauses/${exclusions.id}`,
      headers: as(s.supervisor!),
      payload: {
        title: 'Article 3 – Lunettes',
        text: 'Nous remboursons une paire de lunettes tous les deux ans. Le montant figure dans le tableau des garanties.',
        product: null,
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    const clause = res.json().clause as { topic: string; product: null; review: { status: string } };
    expect([clause.topic, clause.product, clause.review.status]).toEqual([
      'garantie:optique',
      null,
      'scored',
    ]);
    const after = await t.app.inject({
      method: 'GET',
      url: `/api/v1/patterns/clauses?${period}`,
      headers: as(s.auditor!),
    });
    const labels = (after.json().toRewrite as { label: string }[]).map((c) => c.label);
    expect(labels).not.toContain('Article 3 – Exclusions (Santé Plus)');
    const history = await t.database.db.execute<{ payload: { clauseId: string; changed: string[] } }>(
      sql`select payload from audit_events where type = 'patterns.clause_edited'`,
    );
    const rows = Array.isArray(history) ? history : (history as { rows: { payload: unknown }[] }).rows;
    expect(rows.map((r) => r.payload)).toEqual([
      { clauseId: exclusions.id, title: 'Article 3 – Lunettes', changed: ['title', 'text', 'product'] },
    ]);
  });

  it('refuses an empty clause text in French and keeps the clause as it was', async () => {
    const list = await t.app.inject({
      method: 'GET',
      url: `/api/v1/patterns/clauses?${period}`,
      headers: as(s.supervisor!),
    });
    const first = (list.json().clauses as { id: string; text: string }[])[0]!;
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/patterns/clauses/${first.id}`,
      headers: as(s.supervisor!),
      payload: { text: '   ' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/texte de la clause est vide/);
    const again = await t.app.inject({
      method: 'GET',
      url: `/api/v1/patterns/clauses?${period}`,
      headers: as(s.supervisor!),
    });
    expect((again.json().clauses as { id: string; text: string }[])[0]).toMatchObject(first);
  });

  it('deletes a clause once: recorded in the history; a clause that is no longer there is a 422', async () => {
    const list = await t.app.inject({
      method: 'GET',
      url: `/api/v1/patterns/clauses?${period}`,
      headers: as(s.supervisor!),
    });
    const empty = (list.json().clauses as { id: string; title: string }[]).find(
      (c) => c.title === 'Article 4 – Vide',
    )!;
    const url = `/api/v1/patterns/clauses/${empty.id}`;
    const res = await t.app.inject({ method: 'DELETE', url, headers: as(s.supervisor!) });
    expect(res.statusCode, res.body).toBe(200);
    const twice = await t.app.inject({ method: 'DELETE', url, headers: as(s.supervisor!) });
    expect(twice.statusCode).toBe(422);
    expect(twice.json().error.message).toMatch(/n’existe pas ou plus/);
    const after = await t.app.inject({
      method: 'GET',
      url: `/api/v1/patterns/clauses?${period}`,
      headers: as(s.supervisor!),
    });
    expect((after.json().clauses as { id: string }[]).map((c) => c.id)).not.toContain(empty.id);
    const history = await t.database.db.execute<{ payload: { clauseId: string } }>(
      sql`select payload from audit_events where type = 'patterns.clause_deleted'`,
    );
    const rows = Array.isArray(history) ? history : (history as { rows: { payload: unknown }[] }).rows;
    expect(rows.map((r) => r.payload)).toEqual([
      { clauseId: empty.id, title: 'Article 4 – Vide', product: 'Santé Plus' },
    ]);
  });

  it('memberships: refused in French when wrong, then stored and used for the rates per 1 000 members', async () => {
    for (const [products, message] of [
      [[{ product: 'Santé Plus', members: -3 }], /ne peut pas être négatif/],
      [[{ product: 'Santé Plus', members: 12.5 }], /sans décimales/],
      [[{ product: ' ', members: 10 }], /Nom du produit manquant/],
      [[], /au moins un produit/],
      [
        [
          { product: 'Santé Plus', members: 10 },
          { product: 'santé plus', members: 20 },
        ],
        /figure deux fois/,
      ],
    ] as const) {
      const res = await t.app.inject({
        method: 'PUT',
        url: '/api/v1/patterns/memberships',
        headers: as(s.supervisor!),
        payload: { countedOn: '2026-01-01', products },
      });
      expect([res.statusCode, res.json().error.message]).toEqual([400, expect.stringMatching(message)]);
    }
    const saved = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/patterns/memberships',
      headers: as(s.supervisor!),
      payload: {
        countedOn: '2026-01-01',
        products: [
          { product: 'Santé Plus', members: 4000 },
          { product: 'Santé Essentiel', members: 2000 },
        ],
      },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const listed = await t.app.inject({
      method: 'GET',
      url: '/api/v1/patterns/memberships',
      headers: as(s.auditor!),
    });
    expect(listed.json().memberships).toEqual([
      { product: 'Santé Essentiel', countedOn: '2026-01-01', members: 2000 },
      { product: 'Santé Plus', countedOn: '2026-01-01', members: 4000 },
    ]);
    const report = await t.app.inject({
      method: 'GET',
      url: `/api/v1/patterns/clauses?${period}`,
      headers: as(s.auditor!),
    });
    const ranked = report.json().products.ranked as { product: string; perThousand: number }[];
    expect(ranked.map((p) => p.product).sort()).toEqual(['Santé Essentiel', 'Santé Plus']);
    const auditor = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/patterns/memberships',
      headers: as(s.auditor!),
      payload: { countedOn: '2026-01-01', products: [{ product: 'Santé Plus', members: 1 }] },
    });
    expect(auditor.statusCode).toBe(403);
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
      '/api/v1/patterns/themes/latest',
      `/api/v1/patterns/clauses?${period}`,
    ]) {
      const member = await t.app.inject({ method: 'GET', url, headers: as(s.member!) });
      expect([url, member.statusCode]).toEqual([url, 404]);
      const handler = await t.app.inject({ method: 'GET', url, headers: as(s.handler!) });
      expect([url, handler.statusCode]).toEqual([url, 403]);
    }
  });
});

describe('themes stored by the weekly job (issue 15 §2 and §5)', () => {
  it('stores the themes, notifies the supervisors once per alert, and the pages read what was stored', async () => {
    const [member] = await t.database.db
      .execute<{ id: string }>(sql`select id from users where email = 'adherent@demo.recours.fr'`)
      .then((r) => (Array.isArray(r) ? r : (r as { rows: { id: string }[] }).rows));
    await seedThemeTexts(t.database.db, {
      organisationId,
      organisationName: 'Mutuelle Démo',
      memberId: member!.id,
      prefix: 'PAT-T',
    });
    const first = await runWeeklyPatterns(t.ctx, organisationId, notifyInTransaction);
    expect(first.themeAlerts).toBe(1);
    await runWeeklyPatterns(t.ctx, organisationId, notifyInTransaction);

    const notices = await t.database.db
      .select({ title: notifications.title, body: notifications.body })
      .from(notifications)
      .where(and(eq(notifications.userId, s.supervisor!.userId), eq(notifications.kind, 'patterns.theme')));
    expect(notices).toHaveLength(1);
    expect(['Nouveau thème de réclamations', 'Thème de réclamations en forte hausse']).toContain(
      notices[0]!.title,
    );
    expect(notices[0]!.body).toMatch(/payant|tiers|pharmac/);
    expect(notices[0]!.body).toMatch(/\d+ réclamations depuis le 26\/10\/2026/);

    const latest = await t.app.inject({
      method: 'GET',
      url: '/api/v1/patterns/themes/latest',
      headers: as(s.auditor!),
    });
    expect(latest.statusCode, latest.body).toBe(200);
    const body = latest.json() as {
      weekStart: string;
      weeks: { texts: number }[];
      themes: { complaints: number; examples: string[]; terms: string[]; alert: { kind: string } | null }[];
    };
    expect(body.weekStart).toBe('2026-11-16');
    expect(body.weeks).toHaveLength(16);
    expect(body.themes.length).toBeGreaterThanOrEqual(3);
    // §5: no theme of fewer than five complaints; no name, number or contact in what a theme shows.
    for (const theme of body.themes) {
      expect(theme.complaints).toBeGreaterThanOrEqual(5);
      for (const example of theme.examples) expect(example).not.toMatch(/\d|@/);
    }
    expect(body.themes.filter((th) => th.alert !== null)).toHaveLength(1);

    const patterns = await t.app.inject({
      method: 'GET',
      url: '/api/v1/patterns',
      headers: as(s.supervisor!),
    });
    const themeAlerts = patterns.json().themeAlerts as { kind: string; weekStart: string; label: string }[];
    expect(themeAlerts).toHaveLength(1);
    expect(themeAlerts[0]).toMatchObject({ weekStart: '2026-11-16' });
    expect(themeAlerts[0]!.label).toMatch(/payant|tiers|pharmac/);

    // Reading the members' words is kept in the organisation's history.
    const reads = await t.database.db.execute(
      sql`select payload from audit_events where type = 'patterns.themes_read'`,
    );
    const rows = (Array.isArray(reads) ? reads : (reads as { rows: unknown[] }).rows) as {
      payload: { weekStart: string | null };
    }[];
    expect(rows.map((r) => r.payload.weekStart)).toContain('2026-11-16');
  });
});
