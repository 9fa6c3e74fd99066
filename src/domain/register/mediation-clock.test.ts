import { describe, expect, it } from 'vitest';
import { run } from '../deadlines/test-builders.ts';
import { mediationClock } from './mediation-clock.ts';

// Referral notified to the parties on 01/03/2026: opinion due within 90 days (C. consom. R612-5), i.e. 30/05/2026
// (CPC art. 641: the starting day is not counted).
const seized = {
  complaintSentOn: '2025-12-01',
  acknowledgedOn: '2025-12-05',
  answerReceivedOn: '2026-01-20',
  answerOutcome: 'rejected',
  mediatorSeizedOn: '2026-02-25',
  mediationNotifiedOn: '2026-03-01',
} as const;

function clockOn(today: string, extra: Record<string, string> = {}) {
  const facts: Record<string, string> = { ...seized, ...extra };
  const output = run({ context: { today }, facts });
  const deadline = output.deadlines.find((d) => d.id === 'mediation.outcome');
  return mediationClock(deadline, facts, today);
}

describe('the mediator’s 90-day clock (C. consom. R612-5)', () => {
  it.each([
    ['far ahead: green', '2026-03-10', { colour: 'green', dueDate: '2026-05-30', label: 'Reste 81 j' }],
    ['two weeks left: amber', '2026-05-16', { colour: 'amber', label: 'Reste 14 j' }],
    ['last day: red', '2026-05-30', { colour: 'red', label: 'Dernier jour' }],
    ['past: red, by how much', '2026-06-04', { colour: 'red', label: 'Dépassé de 5 j' }],
  ] as const)('%s', (_name, today, expected) => {
    expect(clockOn(today)).toMatchObject(expected);
  });

  it('an opinion given: met or late, fixed on its day', () => {
    expect(clockOn('2026-09-01', { mediationEndedOn: '2026-05-20' })).toMatchObject({
      colour: 'green',
      label: 'Avis rendu le 20/05/2026 — délai respecté',
    });
    expect(clockOn('2026-09-01', { mediationEndedOn: '2026-06-02' })).toMatchObject({
      colour: 'red',
      label: 'Avis rendu le 02/06/2026 — 3 j de retard',
    });
  });

  it('no deadline yet: grey, says what is missing', () => {
    expect(mediationClock(undefined, {}, '2026-03-01')).toMatchObject({ colour: 'grey', dueDate: null });
  });
});
