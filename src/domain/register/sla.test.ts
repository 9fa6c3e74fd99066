import { describe, expect, it } from 'vitest';
import { run } from '../deadlines/test-builders.ts';
import { addDays } from '../shared/calendar-date.ts';
import {
  compareUrgency,
  openClockColour,
  openColourFrom,
  SLA_CLOCKS,
  type SlaClock,
  slaClocksOf,
  urgencyKey,
  worstColour,
} from './sla.ts';

type Facts = { complaintSentOn?: string; acknowledgedOn?: string; answerReceivedOn?: string };

function clocks(
  today: string,
  facts: Facts & { answerOutcome?: 'accepted' | 'partial' | 'rejected' },
  status = 'submitted',
  organisationType: 'mutuelle' | 'cpam' = 'mutuelle',
) {
  const output = run({ context: { today, organisationType }, facts });
  return slaClocksOf(output.deadlines, { status, facts });
}

// Complaint sent Tue 28/04/2026: acknowledgment due 12/05/2026 (10 jours ouvrables, ACPR 2024-R-02, skipping
// 01/05, 08/05 and Sundays), answer due 28/06/2026 (2 months, CPC art. 641). Amber: ≤ 3 days (acknowledgment),
// ≤ 10 days (answer); red on the last day and after.
describe('register traffic light of the acknowledgment clock (ACPR 2024-R-02: 10 jours ouvrables)', () => {
  it.each([
    ['11 days left: green', '2026-05-01', {}, 'submitted', 'green', true, 'Reste 11 j'],
    [
      '4 days left, just above the threshold: green',
      '2026-05-08',
      {},
      'submitted',
      'green',
      true,
      'Reste 4 j',
    ],
    ['3 days left: amber', '2026-05-09', {}, 'submitted', 'amber', true, 'Reste 3 j'],
    ['1 day left: amber', '2026-05-11', {}, 'submitted', 'amber', true, 'Reste 1 j'],
    ['due today: red, the last day', '2026-05-12', {}, 'submitted', 'red', true, 'Dernier jour'],
    [
      'missed by 1 day, nothing sent: red and actionable',
      '2026-05-13',
      {},
      'submitted',
      'red',
      true,
      'Dépassé de 1 j',
    ],
    [
      'acknowledged in time: green, nothing to do',
      '2026-05-20',
      { acknowledgedOn: '2026-05-05' },
      'acknowledged',
      'green',
      false,
      'Accusé le 05/05/2026 — délai respecté',
    ],
    [
      'acknowledged late: stays red for the record, nothing to do',
      '2026-05-20',
      { acknowledgedOn: '2026-05-14' },
      'acknowledged',
      'red',
      false,
      'Accusé le 14/05/2026 — 2 j de retard',
    ],
    [
      'missed on a closed file: red, nothing to do any more',
      '2026-05-20',
      {},
      'closed',
      'red',
      false,
      'Dépassé de 8 j',
    ],
  ] as const)('%s', (_name, today, facts, status, colour, actionable, label) => {
    const { acknowledgment } = clocks(today, { complaintSentOn: '2026-04-28', ...facts }, status);
    expect(acknowledgment).toMatchObject({ colour, actionable, label, dueDate: '2026-05-12' });
  });

  it('a substantive answer within 10 days stands for the acknowledgment (ACPR 2024-R-02)', () => {
    const { acknowledgment } = clocks(
      '2026-05-20',
      { complaintSentOn: '2026-04-28', answerReceivedOn: '2026-05-06', answerOutcome: 'accepted' },
      'answered',
    );
    expect(acknowledgment).toMatchObject({ colour: 'green', actionable: false });
  });

  it('no written complaint yet (draft): grey, no clock runs', () => {
    const { acknowledgment, answer } = clocks('2026-05-20', {}, 'draft');
    expect([acknowledgment.colour, answer.colour]).toEqual(['grey', 'grey']);
    expect(acknowledgment.status).toBe('absent');
  });

  it('a CPAM file has no ACPR clock: grey (the CRA deadlines apply instead)', () => {
    const { acknowledgment } = clocks('2026-05-20', { complaintSentOn: '2026-04-28' }, 'submitted', 'cpam');
    expect(acknowledgment.colour).toBe('grey');
  });
});

describe('register traffic light of the answer clock (ACPR 2024-R-02: 2 months)', () => {
  it.each([
    ['11 days left: green', '2026-06-17', {}, 'green', true],
    ['10 days left: amber', '2026-06-18', {}, 'amber', true],
    ['due today: red', '2026-06-28', {}, 'red', true],
    ['overdue without answer: red', '2026-07-02', {}, 'red', true],
    [
      'answered in time: green',
      '2026-07-02',
      { answerReceivedOn: '2026-06-20', answerOutcome: 'rejected' },
      'green',
      false,
    ],
  ] as const)('%s', (_name, today, facts, colour, actionable) => {
    const status = 'answerReceivedOn' in facts ? 'answered' : 'acknowledged';
    const { answer } = clocks(
      today,
      { complaintSentOn: '2026-04-28', acknowledgedOn: '2026-05-04', ...facts },
      status,
    );
    expect(answer).toMatchObject({ colour, actionable, dueDate: '2026-06-28' });
  });
});

// After the act, the clock says when it was done and whether in time; the lateness is fixed on the day of the act
// (ACPR 2024-R-02 reporting), not « dépassé de N jours » growing every day after the answer.
describe('closed clocks: « Répondu le … », met or late, fixed', () => {
  it.each([
    [
      'answered in time, read long after',
      '2027-03-01',
      { acknowledgedOn: '2026-05-04', answerReceivedOn: '2026-06-20', answerOutcome: 'rejected' },
      'answer',
      { outcome: 'met', colour: 'green', daysLate: null, label: 'Répondu le 20/06/2026 — délai respecté' },
    ],
    [
      'answered 17 days late, read months later: still 17 days',
      '2027-03-01',
      { acknowledgedOn: '2026-05-04', answerReceivedOn: '2026-07-15', answerOutcome: 'rejected' },
      'answer',
      { outcome: 'late', colour: 'red', daysLate: 17, label: 'Répondu le 15/07/2026 — 17 j de retard' },
    ],
    [
      'answered late, the day after the answer: same wording',
      '2026-07-16',
      { acknowledgedOn: '2026-05-04', answerReceivedOn: '2026-07-15', answerOutcome: 'rejected' },
      'answer',
      { outcome: 'late', daysLate: 17, actionable: false },
    ],
    [
      'acknowledgment stood for by an answer within 10 jours ouvrables',
      '2026-09-01',
      { answerReceivedOn: '2026-05-06', answerOutcome: 'rejected' },
      'acknowledgment',
      { outcome: 'met', label: 'Répondu le 06/05/2026 — délai respecté', doneOn: '2026-05-06' },
    ],
    [
      'nothing done yet: open, no outcome',
      '2026-06-01',
      { acknowledgedOn: '2026-05-04' },
      'answer',
      { outcome: null, doneOn: null, daysLate: null, label: 'Reste 27 j' },
    ],
  ] as const)('%s', (_name, today, facts, which, expected) => {
    const status = 'answerReceivedOn' in facts ? 'answered' : 'acknowledged';
    const result = clocks(today, { complaintSentOn: '2026-04-28', ...facts }, status);
    expect(result[which]).toMatchObject(expected);
  });
});

const clock = (colour: SlaClock['colour'], dueDate: string | null, actionable = true): SlaClock => ({
  id: 'complaint.answer',
  colour,
  dueDate,
  daysLeft: null,
  status: 'open',
  actionable,
  label: '',
  outcome: null,
  doneOn: null,
  daysLate: null,
});

describe('urgency order of the register', () => {
  it('puts red first (most overdue first), then by nearest due date, then files with nothing running', () => {
    const files = [
      { ref: 'green-far', clocks: [clock('green', '2026-07-30')] },
      { ref: 'nothing', clocks: [clock('green', '2026-06-01', false)] },
      { ref: 'amber-soon', clocks: [clock('amber', '2026-06-20')] },
      { ref: 'red-recent', clocks: [clock('red', '2026-06-14')] },
      { ref: 'red-old', clocks: [clock('red', '2026-05-01')] },
      { ref: 'green-near', clocks: [clock('green', '2026-06-19')] },
      { ref: 'late-but-done', clocks: [clock('red', '2026-04-01', false)] },
    ];
    const sorted = files
      .map((f) => ({ ref: f.ref, urgency: urgencyKey(f.clocks), tieBreak: f.ref }))
      .sort(compareUrgency)
      .map((f) => f.ref);
    expect(sorted).toEqual([
      'red-old',
      'red-recent',
      'green-near',
      'amber-soon',
      'green-far',
      'late-but-done',
      'nothing',
    ]);
  });

  it('a file is as urgent as its most urgent running clock, and its light is its worst colour', () => {
    const key = urgencyKey([clock('green', '2026-07-30'), clock('amber', '2026-06-20')]);
    expect(key).toEqual({ group: 1, nearestDue: '2026-06-20' });
    expect(worstColour([clock('green', null), clock('amber', null)])).toBe('amber');
    expect(worstColour([clock('grey', null)])).toBe('grey');
  });
});

// The register stores the days a file turns amber and red (src/domain/register/colour-days.ts): each open clock
// must change colour on those days and no other (ACPR 2024-R-02 clocks; amber thresholds above).
describe('colour bands of an open clock and the days it enters them', () => {
  const cases = [
    { id: 'complaint.acknowledgment', daysLeft: -30, colour: 'red' },
    { id: 'complaint.acknowledgment', daysLeft: 0, colour: 'red' },
    { id: 'complaint.acknowledgment', daysLeft: 1, colour: 'amber' },
    { id: 'complaint.acknowledgment', daysLeft: 3, colour: 'amber' },
    { id: 'complaint.acknowledgment', daysLeft: 4, colour: 'green' },
    { id: 'complaint.answer', daysLeft: 0, colour: 'red' },
    { id: 'complaint.answer', daysLeft: 1, colour: 'amber' },
    { id: 'complaint.answer', daysLeft: 10, colour: 'amber' },
    { id: 'complaint.answer', daysLeft: 11, colour: 'green' },
    { id: 'complaint.answer', daysLeft: 400, colour: 'green' },
  ] as const;
  it.each(cases)('$id, $daysLeft days left: $colour', ({ id, daysLeft, colour }) => {
    expect(openClockColour(id, daysLeft)).toBe(colour);
  });
  it('an open clock turns amber and red on the days openColourFrom gives, and changes colour on no other day', () => {
    for (const id of SLA_CLOCKS) {
      const due = '2026-06-28';
      const amberFrom = openColourFrom(id, 'amber', due);
      const redFrom = openColourFrom(id, 'red', due);
      for (let daysLeft = -20; daysLeft <= 40; daysLeft++) {
        const day = addDays(due, -daysLeft);
        const byDays = day >= redFrom ? 'red' : day >= amberFrom ? 'amber' : 'green';
        expect({ id, daysLeft, colour: byDays }).toEqual({
          id,
          daysLeft,
          colour: openClockColour(id, daysLeft),
        });
      }
    }
  });
});
