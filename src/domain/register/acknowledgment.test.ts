import { describe, expect, it } from 'vitest';
import { planAcknowledgment } from './acknowledgment.ts';

// Complaint sent Tue 28/04/2026: acknowledgment due 12/05/2026 (10 jours ouvrables), answer due 28/06/2026
// (2 months) — ACPR recommandation 2024-R-02 (which replaced 2022-R-01; delays of 10 jours ouvrables and 2 months).
const base = {
  reference: 'REC-2026-000123',
  complaintSentOn: '2026-04-28',
  acknowledgmentDue: '2026-05-12',
  answerDue: '2026-06-28',
};

describe('acknowledgment wording (ACPR 2024-R-02: 10 jours ouvrables, then 2 months)', () => {
  it.each([
    [
      'in time: promises the answer date, no warning',
      '2026-05-05',
      { late: false, answerOverdue: false, daysLate: null },
      ['au plus tard le 28/06/2026'],
      ['excuser', 'expiré'],
      null,
    ],
    [
      'on the last day: still in time',
      '2026-05-12',
      { late: false, answerOverdue: false },
      ['au plus tard le 28/06/2026'],
      ['excuser'],
      null,
    ],
    [
      'late acknowledgment, answer still ahead: apology, date still promised',
      '2026-05-20',
      { late: true, daysLate: 8, answerOverdue: false },
      ['excuser', 'au plus tard le 28/06/2026'],
      ['expiré'],
      '8 jours de retard',
    ],
    [
      'on the answer due date: « aujourd’hui », not a past date',
      '2026-06-28',
      { late: true, answerOverdue: false },
      ['au plus tard aujourd’hui, 28/06/2026'],
      ['expiré'],
      'Accusé de réception tardif',
    ],
    [
      'after the answer date (the 02/12 case): no past date promised',
      '2026-07-15',
      { late: true, answerOverdue: true },
      ['a expiré le 28/06/2026', 'dans les meilleurs délais', 'excuser'],
      ['au plus tard'],
      'dépassé de 17 jours',
    ],
  ] as const)('%s', (_name, today, flags, contains, excludes, warning) => {
    const plan = planAcknowledgment({ ...base, today });
    expect(plan).toMatchObject(flags);
    for (const words of contains) expect(plan.text).toContain(words);
    for (const words of excludes) expect(plan.text).not.toContain(words);
    if (warning === null) expect(plan.warning).toBeNull();
    else expect(plan.warning).toContain(warning);
  });

  it('no date known for the answer (e.g. no sending date): the 2 months, no date', () => {
    const plan = planAcknowledgment({
      reference: 'REC-1',
      today: '2026-05-05',
      acknowledgmentDue: null,
      answerDue: null,
    });
    expect(plan.text).toContain('dans les 2 mois');
    expect(plan.text).not.toContain(' du ');
    expect(plan.warning).toBeNull();
  });

  it('never promises a date before the day it is sent, whatever the day', () => {
    for (let day = 1; day <= 31; day += 1) {
      const today = `2026-07-${String(day).padStart(2, '0')}`;
      const promised = /au plus tard le (\d\d)\/(\d\d)\/(\d{4})/.exec(
        planAcknowledgment({ ...base, today }).text,
      );
      if (promised) expect(`${promised[3]}-${promised[2]}-${promised[1]}` >= today).toBe(true);
    }
  });
});
