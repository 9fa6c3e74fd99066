import { describe, expect, it } from 'vitest';
import { run } from '../deadlines/test-builders.ts';
import { addDays, type CalendarDate } from '../shared/calendar-date.ts';
import { type ColouredClock, colourBounds, colourDaysOf, colourOn, type DayBounds } from './colour-days.ts';
import { projectDeadlines } from './projection.ts';
import { SLA_COLOURS, slaClocksOf, worstColour } from './sla.ts';

const ack = (status: string, dueOn: CalendarDate | null = null): ColouredClock => ({
  id: 'complaint.acknowledgment',
  status,
  dueOn,
});
const answer = (status: string, dueOn: CalendarDate | null = null): ColouredClock => ({
  id: 'complaint.answer',
  status,
  dueOn,
});

// Complaint sent Tue 28/04/2026: acknowledgment due 12/05/2026 (10 jours ouvrables, ACPR 2024-R-02), answer due
// 28/06/2026 (2 months). Amber 3 days before the acknowledgment's due date, 10 before the answer's
// (AMBER_THRESHOLD_DAYS, src/domain/register/sla.ts); red on the due date itself and after.
describe('the days a file turns amber and red (ACPR 2024-R-02 clocks, register bands of sla.ts)', () => {
  it.each([
    [
      'both clocks open: the acknowledgment turns first',
      [ack('open', '2026-05-12'), answer('open', '2026-06-28')],
      { amberOn: '2026-05-09', redOn: '2026-05-12' },
    ],
    [
      'acknowledged in time: the answer alone',
      [ack('met', '2026-05-12'), answer('open', '2026-06-28')],
      { amberOn: '2026-06-18', redOn: '2026-06-28' },
    ],
    [
      'an answer due before the acknowledgment turns amber: the answer’s days (amber is the earliest of both)',
      [ack('open', '2026-05-12'), answer('open', '2026-05-15')],
      { amberOn: '2026-05-05', redOn: '2026-05-12' },
    ],
    [
      'acknowledgment missed: red since always, whatever the answer',
      [ack('missed', '2026-05-12'), answer('open', '2026-06-28')],
      { amberOn: '-infinity', redOn: '-infinity' },
    ],
    [
      'both met: green for ever',
      [ack('met', '2026-05-12'), answer('met', '2026-06-28')],
      { amberOn: 'infinity', redOn: 'infinity' },
    ],
    [
      'a met clock beside one not yet applicable: green for ever',
      [ack('met', '2026-05-12'), answer('not_applicable_yet')],
      { amberOn: 'infinity', redOn: 'infinity' },
    ],
    ['no clock at all: grey', [ack('absent'), answer('absent')], null],
    ['an open clock without a due date: grey', [ack('open', null), answer('absent')], null],
  ] as const)('%s', (_name, clocks, expected) => {
    expect(colourDaysOf(clocks)).toEqual(expected);
  });

  it.each([
    ['2026-05-08', 'green'],
    ['2026-05-09', 'amber'],
    ['2026-05-11', 'amber'],
    ['2026-05-12', 'red'],
    ['2027-01-01', 'red'],
  ] as const)('both clocks open, on %s: %s', (today, colour) => {
    expect(colourOn(colourDaysOf([ack('open', '2026-05-12'), answer('open', '2026-06-28')]), today)).toBe(
      colour,
    );
  });
});

function within(day: string, bounds: DayBounds | undefined): boolean {
  if (!bounds) return true;
  return (
    (bounds.after === undefined || day > bounds.after) && (bounds.upTo === undefined || day <= bounds.upTo)
  );
}

describe('colour days = the engine’s colour, day after day', () => {
  const scenarios = [
    { complaintSentOn: '2026-04-28' },
    { complaintSentOn: '2026-04-28', acknowledgedOn: '2026-05-05' },
    { complaintSentOn: '2026-04-28', acknowledgedOn: '2026-05-20' },
    {
      complaintSentOn: '2026-04-28',
      acknowledgedOn: '2026-05-05',
      answerReceivedOn: '2026-06-01',
      answerOutcome: 'accepted' as const,
    },
    { complaintSentOn: '2026-04-28', complexCaseNotifiedOn: '2026-06-01', announcedAnswerDate: '2026-07-31' },
    {},
  ];
  const written = '2026-06-02';
  it.each(scenarios.map((facts) => [JSON.stringify(facts), facts] as const))('%s', (_name, facts) => {
    for (const status of ['submitted', 'closed']) {
      const days = projectDeadlines(
        { facts, organisationKind: 'mutuelle', zone: 'metropole', status, openedOn: '2026-04-28' },
        written,
      ).colourDays;
      for (let offset = 0; offset <= 90; offset++) {
        const today = addDays(written, offset);
        const output = run({ context: { today, organisationType: 'mutuelle' }, facts });
        const engine = worstColour(Object.values(slaClocksOf(output.deadlines, { status, facts })));
        expect({ status, today, colour: colourOn(days, today) }).toEqual({ status, today, colour: engine });
        // The register's filter bounds select the file under its colour and no other.
        const passing = SLA_COLOURS.filter((colour) => {
          if (colour === 'grey') return days === null;
          const bounds = colourBounds(colour, today);
          return days !== null && within(days.amberOn, bounds.amberOn) && within(days.redOn, bounds.redOn);
        });
        expect({ status, today, passing }).toEqual({ status, today, passing: [engine] });
      }
    }
  });
});
