import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { weeklyCounts } from '../../src/db/repositories/patterns.ts';
import { notifications, organisations } from '../../src/db/schema.ts';
import { computeSpikes, runWeeklyPatterns } from '../../src/server/patterns/use-cases.ts';
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
    const first = await runWeeklyPatterns(t.ctx, organisationId);
    expect(first.alerts).toBeGreaterThanOrEqual(1);
    await runWeeklyPatterns(t.ctx, organisationId);
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
