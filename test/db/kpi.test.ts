import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DossierCategory } from '../../src/contracts/categories.ts';
import type { ComplaintChannel } from '../../src/contracts/channels.ts';
import type { DossierStatus } from '../../src/contracts/dossier-status.ts';
import { insertUser } from '../../src/db/repositories/users.ts';
import { dossiers, organisations } from '../../src/db/schema.ts';
import { coreKpis, type KpiComplaint } from '../../src/domain/kpi/rules.ts';
import { addDays } from '../../src/domain/shared/calendar-date.ts';
import { seededRandom } from '../../src/server/register/demo-data.ts';
import { kpiReport } from '../../src/server/shared/kpi-report.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

let database: TestDatabase;
let orgId: string;
let otherOrgId: string;
let memberId: string;
let n = 0;

interface FileSpec {
  receivedOn: string;
  ack?: string;
  answer?: string;
  mediation?: string;
  satisfaction?: number;
  status?: DossierStatus;
  org?: string;
  category?: DossierCategory;
  channel?: ComplaintChannel;
  product?: string;
  region?: string;
}

async function file(spec: FileSpec) {
  n += 1;
  const facts: Record<string, string> = { complaintReceivedOn: spec.receivedOn };
  if (spec.ack) facts.acknowledgedOn = spec.ack;
  if (spec.answer) facts.answerReceivedOn = spec.answer;
  if (spec.mediation) facts.mediatorSeizedOn = spec.mediation;
  await database.db.insert(dossiers).values({
    reference: `KPI-${n}`,
    memberId,
    organisationId: spec.org ?? orgId,
    organisationName: 'Mutuelle KPI',
    organisationKind: 'mutuelle',
    category: spec.category ?? 'reimbursement_contested',
    channel: spec.channel ?? 'email',
    title: 'Réclamation',
    status: spec.status ?? (spec.answer ? 'answered' : 'submitted'),
    facts,
    decision: spec.answer ? 'rejected' : null,
    satisfactionScore: spec.satisfaction ?? null,
    product: spec.product ?? 'Santé Plus',
    region: spec.region ?? '75',
  });
}

beforeAll(async () => {
  database = await createTestDatabase();
  const [org] = await database.db
    .insert(organisations)
    .values({ name: 'Mutuelle KPI', kind: 'mutuelle', slug: 'mutuelle-kpi' })
    .returning();
  const [other] = await database.db
    .insert(organisations)
    .values({ name: 'Autre', kind: 'mutuelle', slug: 'autre' })
    .returning();
  orgId = org!.id;
  otherOrgId = other!.id;
  memberId = (
    await insertUser(database.db, {
      email: 'm@kpi.test',
      displayName: 'M',
      role: 'member',
      passwordHash: null,
    })
  ).id;

  // Worked case, period April–May 2026, as of 25/06/2026 (hand-computed below).
  // 1. Received Thu 30/04; 1 May, 8 May and Ascension (14/05) skipped → acknowledgment due Fri 15/05: on the day.
  await file({
    receivedOn: '2026-04-30',
    ack: '2026-05-15',
    answer: '2026-06-20',
    satisfaction: 5,
    channel: 'letter',
  });
  // 2. Same day, acknowledged 16/05: late. No answer; due 30/06 not past → not counted, open.
  await file({ receivedOn: '2026-04-30', ack: '2026-05-16', category: 'termination', region: '2A' });
  // 3. Received Sun 31/05: acknowledgment due Thu 11/06, nothing → late; answer due 31/07 → not counted; open.
  await file({ receivedOn: '2026-05-31', product: 'Santé Éco', region: '971' });
  // 4. Received 01/04, answered 01/06 = the due date (2 months) → in time; the answer is the first reply, after the
  //    acknowledgment's due date (15/04) → late. Mediation seized; satisfaction 2.
  await file({ receivedOn: '2026-04-01', answer: '2026-06-01', mediation: '2026-06-10', satisfaction: 2 });
  // Outside: received the day before the period, a draft, another organisation's complaint.
  await file({ receivedOn: '2026-03-31', answer: '2026-04-02' });
  await file({ receivedOn: '2026-04-15', status: 'draft' });
  await file({ receivedOn: '2026-04-15', org: otherOrgId });

  // Month ends: 31/12 + 2 months = 28/02 (29/02 in a leap year); the next day is late.
  await file({ receivedOn: '2025-12-31', answer: '2026-02-28', org: otherOrgId });
  await file({ receivedOn: '2025-12-31', answer: '2026-03-01', org: otherOrgId });
  await file({ receivedOn: '2023-12-31', answer: '2024-02-29', org: otherOrgId });
  await file({ receivedOn: '2024-12-31', answer: '2025-03-01', org: otherOrgId });
});
afterAll(() => database.dispose());

describe('KPIs in SQL against hand-computed worked cases (issue 14)', () => {
  it('the core figures of April–May 2026 as of 25/06/2026', async () => {
    const k = await kpiReport(database.db, orgId, {
      from: '2026-04-01',
      to: '2026-05-31',
      asOf: '2026-06-25',
    });
    expect({
      count: k.count,
      openCount: k.openCount,
      acknowledgedInTimeRate: k.acknowledgedInTimeRate,
      answeredInTimeRate: k.answeredInTimeRate,
      medianDaysToAnswer: k.medianDaysToAnswer,
      mediationRate: k.mediationRate,
      satisfactionMean: k.satisfactionMean,
    }).toEqual({
      count: 4,
      openCount: 2,
      acknowledgedInTimeRate: 0.25, // in time: 1; late: 2, 3, 4
      answeredInTimeRate: 1, // in time: 1, 4; not counted: 2, 3
      medianDaysToAnswer: 56, // 51 and 61 days
      mediationRate: 0.5,
      satisfactionMean: 3.5,
    });
    expect(k.byCategory).toMatchObject({ reimbursement_contested: 3, termination: 1, portability: 0 });
    expect(k.byChannel).toEqual({ email: 3, letter: 1 });
    expect(k.byProduct).toEqual({ 'Santé Plus': 3, 'Santé Éco': 1 });
    expect(k.byRegion).toEqual({ '75': 2, '2A': 1, '971': 1 });
    expect(k.backlogByAge.filter((b) => b.count > 0)).toEqual([
      { bucket: '15-30', label: '15 à 30 jours', count: 1 }, // 3: 25 days
      { bucket: '31-61', label: '31 jours à 2 mois', count: 1 }, // 2: 56 days
    ]);
    expect(k.outcomes.rejected).toBe(2);
    expect(k.byHandler).toEqual([
      expect.objectContaining({ name: 'Non attribué', count: 4, acknowledgedInTimeRate: 0.25 }),
    ]);
  });

  it('an earlier as-of date does not know what happened after it', async () => {
    const k = await kpiReport(database.db, orgId, {
      from: '2026-04-01',
      to: '2026-05-31',
      asOf: '2026-05-15',
    });
    // 1: acknowledged on 15/05 (known, in time); 2: due 15/05 not strictly before → not counted;
    // 3: received after the as-of date but in the period; 4: nothing known, due 15/04 past → late.
    expect(k.acknowledgedInTimeRate).toBe(0.5);
    expect(k.openCount).toBe(4);
    expect(k.medianDaysToAnswer).toBeNull();
    expect(k.mediationRate).toBeNull();
  });

  it('month ends: 31/12 + 2 months is 28/02, or 29/02 in a leap year', async () => {
    const k = await kpiReport(database.db, otherOrgId, {
      from: '2023-12-01',
      to: '2025-12-31',
      asOf: '2026-06-01',
    });
    // in time: 31/12/2025 → 28/02, 31/12/2023 → 29/02/2024; late: 31/12/2025 → 01/03, 31/12/2024 → 01/03/2025
    expect(k.count).toBe(4);
    expect(k.answeredInTimeRate).toBe(0.5);
  });

  it('an empty period gives zeros and no rate', async () => {
    const k = await kpiReport(database.db, orgId, {
      from: '2020-01-01',
      to: '2020-12-31',
      asOf: '2026-06-01',
    });
    expect(k).toMatchObject({
      count: 0,
      openCount: 0,
      acknowledgedInTimeRate: null,
      answeredInTimeRate: null,
      medianDaysToAnswer: null,
      mediationRate: null,
      satisfactionMean: null,
    });
  });
});

describe('SQL and the pure rules agree on a generated register', () => {
  it('400 random files: same core KPIs', async () => {
    const db2 = await createTestDatabase();
    try {
      const [org] = await db2.db
        .insert(organisations)
        .values({ name: 'Aléa', kind: 'mutuelle', slug: 'alea' })
        .returning();
      const member = await insertUser(db2.db, {
        email: 'a@kpi.test',
        displayName: 'A',
        role: 'member',
        passwordHash: null,
      });
      const random = seededRandom(14);
      const between = (a: number, b: number) => a + Math.floor(random() * (b - a + 1));
      const pure: KpiComplaint[] = [];
      const rows = [];
      for (let i = 0; i < 400; i++) {
        const receivedOn = addDays('2025-11-01', between(0, 240));
        const ack = random() < 0.8 ? addDays(receivedOn, between(0, 20)) : undefined;
        const answer = random() < 0.7 ? addDays(receivedOn, between(1, 90)) : undefined;
        const mediation = answer && random() < 0.2 ? addDays(answer, between(0, 30)) : undefined;
        const satisfaction = random() < 0.5 ? between(1, 5) : undefined;
        const c: KpiComplaint = {
          receivedOn,
          acknowledgedOn: ack,
          answeredOn: answer,
          mediationReferredOn: mediation,
          satisfaction,
        };
        if (receivedOn >= '2026-01-01' && receivedOn <= '2026-05-31') pure.push(c);
        rows.push({
          reference: `R-${i}`,
          memberId: member.id,
          organisationId: org!.id,
          organisationName: 'Aléa',
          organisationKind: 'mutuelle' as const,
          category: 'other' as const,
          title: 'x',
          status: 'submitted' as const,
          facts: {
            complaintReceivedOn: receivedOn,
            ...(ack ? { acknowledgedOn: ack } : {}),
            ...(answer ? { answerReceivedOn: answer } : {}),
            ...(mediation ? { mediatorSeizedOn: mediation } : {}),
          },
          satisfactionScore: satisfaction ?? null,
        });
      }
      await db2.db.insert(dossiers).values(rows);
      for (const asOf of ['2026-03-15', '2026-06-30']) {
        const k = await kpiReport(db2.db, org!.id, { from: '2026-01-01', to: '2026-05-31', asOf });
        const expected = coreKpis(pure, asOf);
        expect({
          count: k.count,
          openCount: k.openCount,
          acknowledgedInTimeRate: k.acknowledgedInTimeRate,
          answeredInTimeRate: k.answeredInTimeRate,
          medianDaysToAnswer: k.medianDaysToAnswer,
          mediationRate: k.mediationRate,
          satisfactionMean: k.satisfactionMean,
        }).toEqual(expected);
      }
    } finally {
      await db2.dispose();
    }
  });
});
