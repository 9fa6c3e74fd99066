import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOSSIER_STATUSES } from '../../src/contracts/dossier-status.ts';
import { insertDossier } from '../../src/db/repositories/dossiers.ts';
import { worstColourIs } from '../../src/db/repositories/register.ts';
import { dossiers, users } from '../../src/db/schema.ts';
import { clocksAt, type StoredClock } from '../../src/domain/register/projection.ts';
import { SLA_COLOURS, slaClocksOf, urgencyKey, worstColour } from '../../src/domain/register/sla.ts';
import { addDays, type CalendarDate } from '../../src/domain/shared/calendar-date.ts';
import { deadlinesOf } from '../../src/server/shared/deadline-projection.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

/**
 * Property: for random facts written on day W, the stored projection read on any later day T gives exactly what
 * the deadline engine gives on T (clocks, colour in JavaScript and in SQL, urgency). Seeded: a failure replays.
 */
let database: TestDatabase;
let memberId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  const [member] = await database.db
    .insert(users)
    .values({ email: 'propriete@example.fr', displayName: 'Propriété', role: 'member' })
    .returning();
  memberId = member!.id;
});
afterAll(() => database.dispose());

function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STATUSES = DOSSIER_STATUSES;
const KINDS = ['mutuelle', 'insurer', 'institution_prevoyance', 'cpam'] as const;

function drawFile(rnd: () => number) {
  const int = (n: number) => Math.floor(rnd() * n);
  const pick = <T>(xs: readonly T[]) => xs[int(xs.length)]!;
  const maybe = (p: number) => rnd() < p;
  const written = addDays('2025-01-01', int(700));
  const facts: Record<string, string> = {};
  const back = (from: CalendarDate, max: number) => addDays(from, -int(max));
  if (maybe(0.85)) {
    const sent = back(written, 120);
    if (maybe(0.8)) facts.complaintSentOn = sent;
    if (maybe(0.4)) facts.complaintReceivedOn = addDays(sent, int(4));
    if (facts.complaintReceivedOn && facts.complaintReceivedOn > written) delete facts.complaintReceivedOn;
    const ackOn = addDays(sent, int(25));
    if (maybe(0.5) && ackOn <= written) facts.acknowledgedOn = ackOn;
    const answerOn = addDays(sent, int(90));
    if (maybe(0.35) && answerOn <= written) {
      facts.answerReceivedOn = answerOn;
      facts.answerOutcome = pick(['accepted', 'partial', 'rejected']);
    }
    const complexOn = addDays(sent, int(70));
    if (maybe(0.15) && complexOn <= written) {
      facts.complexCaseNotifiedOn = complexOn;
      if (maybe(0.7)) facts.announcedAnswerDate = addDays(complexOn, int(60));
    }
  }
  return {
    written,
    facts,
    status: pick(STATUSES),
    organisationKind: pick(KINDS),
    zone: pick(['metropole', 'alsace_moselle'] as const),
  };
}

describe('deadline projection = deadline engine', () => {
  it('for 150 random files, on the day of writing and on later days (JS clocks, SQL colour filters, urgency)', async () => {
    const rnd = random(20261123);
    let compared = 0;
    for (let i = 0; i < 150; i++) {
      const f = drawFile(rnd);
      const at = new Date(`${f.written}T10:00:00Z`);
      const row = await insertDossier(database.db, {
        reference: `REC-PROP-${String(i).padStart(4, '0')}`,
        memberId,
        organisationName: 'Organisme',
        organisationKind: f.organisationKind,
        zone: f.zone,
        category: 'other',
        title: 'Propriété',
        status: f.status,
        facts: f.facts,
        createdAt: at,
        updatedAt: at,
      });
      for (const offset of [0, 1, 3, 9, 11, 30, 58, 62, 75, 400]) {
        const today = addDays(f.written, offset);
        const result = deadlinesOf(row, new Date(`${today}T10:00:00Z`));
        const engine = slaClocksOf(result.ok ? result.value.deadlines : undefined, {
          status: row.status,
          facts: f.facts,
        });
        const stored = (due: string | null, status: string | null, done: boolean | null): StoredClock => ({
          dueOn: due,
          status: (status ?? 'absent') as StoredClock['status'],
          done: done ?? false,
          actionable: false,
        });
        const projected = clocksAt(
          {
            acknowledgment: stored(row.slaAckDueOn, row.slaAckStatus, row.slaAckDone),
            answer: stored(row.slaAnswerDueOn, row.slaAnswerStatus, row.slaAnswerDone),
          },
          row.status,
          today,
          f.facts as { acknowledgedOn?: string; answerReceivedOn?: string },
        );
        const context = { file: i, facts: f.facts, status: f.status, kind: f.organisationKind, today };
        expect({ ...context, clocks: projected }).toEqual({ ...context, clocks: engine });
        const list = [engine.acknowledgment, engine.answer];
        // The register's colour filters: the file passes exactly the one of its engine colour on that day.
        const [filters] = await database.db
          .select(
            Object.fromEntries(
              SLA_COLOURS.map((c) => [c, sql<boolean>`coalesce(${worstColourIs(c, today)}, false)`]),
            ),
          )
          .from(dossiers)
          .where(eq(dossiers.id, row.id));
        const passes = SLA_COLOURS.filter((c) => filters![c]);
        expect({ ...context, colours: passes }).toEqual({ ...context, colours: [worstColour(list)] });
        // Urgency: the stored next due date is the engine's nearest actionable due date, and red means due.
        const key = urgencyKey(list);
        expect({ ...context, nextDue: row.nextDueOn }).toEqual({ ...context, nextDue: key.nearestDue });
        if (key.group !== 2) expect(key.group === 0).toBe(row.nextDueOn! <= today);
        compared += 1;
      }
    }
    expect(compared).toBe(1500);
    const [count] = await database.db.select({ n: sql<number>`count(*)::int` }).from(dossiers);
    expect(count!.n).toBe(150);
  }, 120_000);
});
