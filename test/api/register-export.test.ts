import { parse } from 'csv-parse/sync';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOSSIER_STATUSES } from '../../src/contracts/dossier-status.ts';
import { insertDossier } from '../../src/db/repositories/dossiers.ts';
import { users } from '../../src/db/schema.ts';
import { type SlaClock, slaClocksOf, worstColour } from '../../src/domain/register/sla.ts';
import { addDays, type CalendarDate } from '../../src/domain/shared/calendar-date.ts';
import { deadlinesOf } from '../../src/server/shared/deadline-projection.ts';
import { as, createTestApp, type Session, type TestApp } from '../support/test-app.ts';

/**
 * The register export rebuilds each row's clocks from the stored deadline projection (docs/performance.md: the
 * engine per row cost five times more processor time). Property: on several days after the files were written,
 * every exported due date and clock wording, and the colour filter, are exactly what the deadline engine says on
 * that day. Seeded: a failure replays.
 */
let t: TestApp;
let supervisor: Session;
let today: CalendarDate = '2026-11-23';
const engineClocks = new Map<string, { acknowledgment: SlaClock; answer: SlaClock }[]>();
const files: {
  reference: string;
  row: Parameters<typeof deadlinesOf>[0] & { status: string };
  facts: object;
}[] = [];

function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let x = s;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/** Varied facts: sent or received or neither, acknowledged or not, answered or not, a complex case announced. */
function drawFile(rnd: () => number) {
  const int = (n: number) => Math.floor(rnd() * n);
  const pick = <T>(xs: readonly T[]) => xs[int(xs.length)]!;
  const maybe = (p: number) => rnd() < p;
  const written = addDays('2026-08-01', int(114));
  const facts: Record<string, string> = {};
  if (maybe(0.85)) {
    const sent = addDays(written, -int(90));
    if (maybe(0.8)) facts.complaintSentOn = sent;
    const received = addDays(sent, int(4));
    if (maybe(0.4) && received <= written) facts.complaintReceivedOn = received;
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
    status: pick(DOSSIER_STATUSES.filter((s) => s !== 'draft')),
    organisationKind: pick(['mutuelle', 'insurer', 'institution_prevoyance', 'cpam'] as const),
    zone: pick(['metropole', 'alsace_moselle'] as const),
  };
}

const DAYS: CalendarDate[] = [
  '2026-11-23',
  '2026-11-24',
  '2026-11-28',
  '2026-12-05',
  '2026-12-10',
  '2026-12-20',
  '2027-01-31',
  '2027-12-01',
];

beforeAll(async () => {
  t = await createTestApp({ now: () => new Date(`${today}T10:00:00Z`) });
  supervisor = await t.login('superviseur@demo.recours.fr');
  const [staff] = await t.database.db.select().from(users).where(eq(users.id, supervisor.userId));
  const [member] = await t.database.db
    .select()
    .from(users)
    .where(eq(users.email, 'adherent@demo.recours.fr'));
  const rnd = random(20261203);
  // Random draws seldom land a few days before a due date: two files do (answer due 1 December 2026, amber from
  // 21 November; acknowledgment due 26 November, amber from 23 November).
  const designed = [
    { sent: '2026-10-01', facts: { acknowledgedOn: '2026-10-05' } },
    { sent: '2026-11-12', facts: {} },
  ].map(({ sent, facts }) => ({
    written: '2026-11-20',
    facts: { complaintSentOn: sent, ...facts } as Record<string, string>,
    status: 'submitted' as const,
    organisationKind: 'mutuelle' as const,
    zone: 'metropole' as const,
  }));
  for (let i = 0; i < 80; i++) {
    const f = designed[i] ?? drawFile(rnd);
    const at = new Date(`${f.written}T10:00:00Z`);
    const row = await insertDossier(t.database.db, {
      reference: `REC-EXP-${String(i).padStart(4, '0')}`,
      memberId: member!.id,
      organisationId: staff!.organisationId,
      organisationName: 'Organisme',
      organisationKind: f.organisationKind,
      zone: f.zone,
      category: 'other',
      title: 'Export',
      status: f.status,
      facts: f.facts,
      createdAt: at,
      updatedAt: at,
      transmittedAt: at,
    });
    files.push({ reference: row.reference, row, facts: f.facts });
    engineClocks.set(
      row.reference,
      DAYS.map((day) => {
        const result = deadlinesOf(row, new Date(`${day}T10:00:00Z`));
        return slaClocksOf(result.ok ? result.value.deadlines : undefined, {
          status: row.status,
          facts: f.facts,
        });
      }),
    );
  }
}, 120_000);
afterAll(() => t.close());

async function exported(query: string) {
  const res = await t.app.inject({
    method: 'GET',
    url: `/api/v1/exports/register?format=csv&category=other${query}`,
    headers: as(supervisor),
  });
  expect(res.statusCode, res.body).toBe(200);
  const rows: string[][] = parse(res.body.replace(/^\uFEFF/, ''), { delimiter: ';' });
  const header = rows[0]!;
  const column = (name: string) => header.indexOf(name);
  return rows
    .slice(1)
    .filter((r) => r[column('Référence')]!.startsWith('REC-EXP-'))
    .map((r) => ({
      reference: r[column('Référence')]!,
      acknowledgmentDueOn: r[column('Échéance de l’accusé')]!,
      acknowledgmentClock: r[column('Délai d’accusé')]!,
      answerDueOn: r[column('Échéance de la réponse')]!,
      answerClock: r[column('Délai de réponse')]!,
    }));
}

describe('register export clocks = deadline engine', () => {
  it.each(DAYS.map((day, index) => [day, index] as const))(
    'on %s, every row, and the red and green filters',
    async (day, index) => {
      today = day;
      // A session expires after days without use: sign in on the day exported.
      supervisor = await t.login('superviseur@demo.recours.fr');
      const lines = await exported('');
      expect(lines).toHaveLength(files.length);
      const colours = new Map<string, string>();
      for (const line of lines) {
        const engine = engineClocks.get(line.reference)![index]!;
        colours.set(line.reference, worstColour([engine.acknowledgment, engine.answer]));
        expect(line).toEqual({
          reference: line.reference,
          acknowledgmentDueOn: engine.acknowledgment.dueDate ?? '',
          acknowledgmentClock: engine.acknowledgment.label,
          answerDueOn: engine.answer.dueDate ?? '',
          answerClock: engine.answer.label,
        });
      }
      for (const colour of ['red', 'green'] as const) {
        const filtered = await exported(`&sla=${colour}`);
        const expected = [...colours].filter(([, c]) => c === colour).map(([r]) => r);
        expect(filtered.map((l) => l.reference).sort()).toEqual(expected.sort());
      }
    },
  );

  it('the files drawn cover every colour on some day', () => {
    const seen = new Set(
      [...engineClocks.values()].flatMap((days) =>
        days.map((c) => worstColour([c.acknowledgment, c.answer])),
      ),
    );
    expect([...seen].sort()).toEqual(['amber', 'green', 'grey', 'red']);
  });
});
