import { describe, expect, it } from 'vitest';
import { run } from '../deadlines/test-builders.ts';
import { remindersFor } from './reminders.ts';

type Facts = Record<string, string>;
function remind(
  today: string,
  facts: Facts,
  status = 'submitted',
  organisationType: 'mutuelle' | 'cpam' = 'mutuelle',
) {
  const output = run({ context: { today, organisationType }, facts });
  return remindersFor(
    { reference: 'REC-2026-TEST01', status, onRecours: organisationType !== 'cpam', facts },
    output.deadlines,
  ).map((r) => `${r.audience}:${r.deadlineId}:${r.threshold}`);
}

// Complaint sent 28/04/2026: acknowledgment due 12/05/2026, answer due 28/06/2026 (ACPR 2024-R-02).
describe('remindersFor', () => {
  it.each([
    ['3 days before the acknowledgment: nothing yet', '2026-05-09', {}, 'submitted', []],
    [
      '2 days before: the handler is reminded',
      '2026-05-10',
      {},
      'submitted',
      ['staff:complaint.acknowledgment:due_soon'],
    ],
    [
      'on the last day: still due soon',
      '2026-05-12',
      {},
      'submitted',
      ['staff:complaint.acknowledgment:due_soon'],
    ],
    ['the day after: overdue', '2026-05-13', {}, 'submitted', ['staff:complaint.acknowledgment:overdue']],
    [
      'acknowledged: no acknowledgment reminder',
      '2026-05-13',
      { acknowledgedOn: '2026-05-05' },
      'acknowledged',
      [],
    ],
    [
      'answer due in 2 days',
      '2026-06-26',
      { acknowledgedOn: '2026-05-05' },
      'acknowledged',
      ['staff:complaint.answer:due_soon'],
    ],
    ['a closed file: nothing', '2026-06-26', {}, 'closed', []],
  ] as const)('%s', (_name, today, facts, status, expected) => {
    expect(remind(today, { complaintSentOn: '2026-04-28', ...facts }, status)).toEqual(expected);
  });

  it('reminds the member 15 and 3 days before his mediator window closes (C. consom. L612-2: 1 year)', () => {
    const facts = {
      complaintSentOn: '2025-12-01',
      answerReceivedOn: '2026-01-10',
      answerOutcome: 'rejected',
    };
    expect(remind('2026-11-10', facts, 'answered')).toEqual([]);
    expect(remind('2026-11-16', facts, 'answered')).toEqual(['member:mediation.referral_window:j15']);
    expect(remind('2026-11-28', facts, 'answered')).toEqual(['member:mediation.referral_window:j3']);
  });

  it('reminds the member of a CPAM file before the CRA referral closes (CSS R142-1: 2 months)', () => {
    const facts = { cpamDecisionNotifiedOn: '2026-09-10' };
    expect(remind('2026-11-05', facts, 'draft', 'cpam')).toEqual(['member:cpam.cra_referral:j15']);
  });

  it('keeps health details out: only the reference and the deadline', () => {
    const output = run({ context: { today: '2026-05-13' }, facts: { complaintSentOn: '2026-04-28' } });
    const [reminder] = remindersFor(
      { reference: 'REC-2026-TEST01', status: 'submitted', onRecours: true, facts: {} },
      output.deadlines,
    );
    expect(reminder?.title).toBe('Dossier REC-2026-TEST01 : accusé de réception de la réclamation en retard');
    expect(reminder?.body).toContain('12/05/2026');
  });
});
