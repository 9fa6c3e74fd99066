import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backfillProjections } from '../../src/db/repositories/deadline-projection.ts';
import { updateDossier } from '../../src/db/repositories/dossier-updates.ts';
import { insertDossier } from '../../src/db/repositories/dossiers.ts';
import { registerCount } from '../../src/db/repositories/register.ts';
import { dossiers, organisations, users } from '../../src/db/schema.ts';
import { SLA_COLOURS } from '../../src/domain/register/sla.ts';
import { addDays } from '../../src/domain/shared/calendar-date.ts';
import { todayInParis } from '../../src/server/shared/deadline-projection.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

/**
 * The colour filters read the days stored with the projection (docs/decisions/0017-register-colour-filters.md): the
 * same stored row passes green, amber then red as today's date in Paris moves, and a change of fact moves the days.
 */
let database: TestDatabase;
let organisationId: string;
let memberId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  const [org] = await database.db
    .insert(organisations)
    .values({ name: 'Mutuelle des jours', kind: 'mutuelle', slug: 'mutuelle-des-jours' })
    .returning();
  organisationId = org!.id;
  const [member] = await database.db
    .insert(users)
    .values({ email: 'jours@example.fr', displayName: 'Adhérent des jours', role: 'member' })
    .returning();
  memberId = member!.id;
});
afterAll(() => database.dispose());

/** The colour filters the organisation's one file passes at `instant` (today = its Paris day). */
async function filtersPassed(instant: string) {
  const today = todayInParis(new Date(instant));
  const passed = [];
  for (const colour of SLA_COLOURS) {
    if ((await registerCount(database.db, { organisationId, sla: [colour], today })) > 0) passed.push(colour);
  }
  return passed;
}

describe('colour filters on the stored colour days', () => {
  it('the passing of days turns a file amber then red; a change of fact moves its days', async () => {
    const at = new Date('2026-11-23T10:00:00Z');
    const file = await insertDossier(database.db, {
      reference: 'REC-JOURS-0001',
      memberId,
      organisationId,
      organisationName: 'Mutuelle des jours',
      organisationKind: 'mutuelle',
      category: 'other',
      title: 'Lunettes refusées',
      status: 'submitted',
      facts: { complaintSentOn: '2026-11-23' },
      createdAt: at,
      updatedAt: at,
      transmittedAt: at,
    });
    // 10 jours ouvrables from Monday 23/11/2026: acknowledgment due Friday 04/12/2026 (ACPR 2024-R-02); amber 3
    // days before (AMBER_THRESHOLD_DAYS), red on the day.
    expect([file.slaAckDueOn, file.slaAmberOn, file.slaRedOn]).toEqual([
      '2026-12-04',
      '2026-12-01',
      '2026-12-04',
    ]);
    expect(await filtersPassed('2026-11-30T10:00:00Z')).toEqual(['green']);
    // 23:30 UTC on 30/11 is already 1 December in Paris: amber.
    expect(await filtersPassed('2026-11-30T23:30:00Z')).toEqual(['amber']);
    expect(await filtersPassed('2026-12-03T10:00:00Z')).toEqual(['amber']);
    expect(await filtersPassed('2026-12-04T10:00:00Z')).toEqual(['red']);
    expect(await filtersPassed('2027-06-01T10:00:00Z')).toEqual(['red']);

    // Acknowledged on 03/12, in time: the acknowledgment is met; the answer's clock alone gives the days.
    const acknowledged = await updateDossier(database.db, file.id, {
      facts: { complaintSentOn: '2026-11-23', acknowledgedOn: '2026-12-03' },
      status: 'acknowledged',
      updatedAt: new Date('2026-12-03T10:00:00Z'),
    });
    const answerDue = acknowledged.slaAnswerDueOn!;
    expect([acknowledged.slaAckStatus, acknowledged.slaAmberOn, acknowledged.slaRedOn]).toEqual([
      'met',
      addDays(answerDue, -10),
      answerDue,
    ]);
    expect(await filtersPassed('2026-12-03T10:00:00Z')).toEqual(['green']);
    expect(await filtersPassed(`${addDays(answerDue, -10)}T10:00:00Z`)).toEqual(['amber']);
    expect(await filtersPassed(`${answerDue}T10:00:00Z`)).toEqual(['red']);

    // The sending date corrected to October: the acknowledgment was due long ago and came late: red at once.
    const corrected = await updateDossier(database.db, file.id, {
      facts: { complaintSentOn: '2026-10-01', acknowledgedOn: '2026-12-03' },
      updatedAt: new Date('2026-12-03T11:00:00Z'),
    });
    expect([corrected.slaAckStatus, corrected.slaAmberOn, corrected.slaRedOn]).toEqual([
      'missed',
      '-infinity',
      '-infinity',
    ]);
    expect(await filtersPassed('2026-12-03T11:00:00Z')).toEqual(['red']);

    // Answered in time: both clocks met, green whatever the day.
    await updateDossier(database.db, file.id, {
      facts: {
        complaintSentOn: '2026-11-23',
        acknowledgedOn: '2026-12-03',
        answerReceivedOn: '2026-12-10',
        answerOutcome: 'accepted',
      },
      status: 'closed',
      updatedAt: new Date('2026-12-10T10:00:00Z'),
    });
    expect(await filtersPassed('2026-12-10T10:00:00Z')).toEqual(['green']);
    expect(await filtersPassed('2030-01-01T10:00:00Z')).toEqual(['green']);
  });

  it('files projected by version 1 are completed from their stored clocks at start, as the projection writes them', async () => {
    const at = new Date('2026-11-02T10:00:00Z');
    const written = [];
    for (const [i, facts] of [
      { complaintSentOn: '2026-10-26' },
      { complaintSentOn: '2026-10-01', acknowledgedOn: '2026-10-30' },
      { complaintSentOn: '2026-10-26', acknowledgedOn: '2026-10-28' },
      {},
    ].entries()) {
      written.push(
        await insertDossier(database.db, {
          reference: `REC-JOURS-V1-${i}`,
          memberId,
          organisationName: 'Organisme',
          organisationKind: 'mutuelle',
          category: 'other',
          title: 'Version 1',
          status: 'submitted',
          facts,
          createdAt: at,
          updatedAt: at,
        }),
      );
    }
    const ids = written.map((f) => f.id);
    const inBatch = sql`${dossiers.id} in (${sql.join(
      ids.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})`;
    // What version 1 left: the clocks, no colour days.
    await database.db
      .update(dossiers)
      .set({ projectionVersion: 1, slaAmberOn: null, slaRedOn: null })
      .where(inBatch);
    expect(await backfillProjections(database.db, new Date('2026-12-03T10:00:00Z'))).toBe(ids.length);
    for (const file of written) {
      const [row] = await database.db.select().from(dossiers).where(eq(dossiers.id, file.id));
      expect({
        ref: file.reference,
        v: row!.projectionVersion,
        amber: row!.slaAmberOn,
        red: row!.slaRedOn,
      }).toEqual({
        ref: file.reference,
        v: 2,
        amber: file.slaAmberOn,
        red: file.slaRedOn,
      });
    }
    expect(await backfillProjections(database.db, new Date())).toBe(0);
  });
});
