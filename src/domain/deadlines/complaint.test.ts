import { describe, expect, it } from 'vitest';
import { deadlineOf } from './test-builders.ts';

// ACPR 2024-R-02 (reprend 2022-R-01): acknowledgment within 10 jours ouvrables from the sending of the written
// complaint, unless a substantive answer comes first; answer within 2 months. Dates checked by hand on a calendar.
describe('complaint.acknowledgment (Recommandation ACPR 2024-R-02)', () => {
  it.each([
    {
      name: 'default: 10 jours ouvrables from sending, Tue 28/04/2026, skipping 01/05, 08/05 and Sundays',
      facts: { complaintSentOn: '2026-04-28' },
      options: {},
      due: '2026-05-12',
    },
    {
      name: 'option ouvrés: Saturdays and Ascension 14/05 skipped too',
      facts: { complaintSentOn: '2026-04-28' },
      options: { acknowledgmentDayKind: 'ouvres' as const },
      due: '2026-05-15',
    },
    {
      name: '⚠ option receipt: from Thu 30/04/2026 → Fri 15/05 (Ascension skipped)',
      facts: { complaintSentOn: '2026-04-28', complaintReceivedOn: '2026-04-30' },
      options: { complaintCountFrom: 'receipt' as const },
      due: '2026-05-15',
    },
    {
      name: 'receipt asked but unknown: falls back to sending',
      facts: { complaintSentOn: '2026-04-28' },
      options: { complaintCountFrom: 'receipt' as const },
      due: '2026-05-12',
    },
    {
      name: 'option acknowledgmentDays=5: Tue 28/04 → Tue 05/05',
      facts: { complaintSentOn: '2026-04-28' },
      options: { acknowledgmentDays: 5 },
      due: '2026-05-05',
    },
  ])('$name', ({ facts, options, due }) => {
    const d = deadlineOf('complaint.acknowledgment', { facts, options, context: { today: '2026-05-01' } });
    expect(d.dueDate).toBe(due);
    expect(d.party).toBe('organisation');
    expect(d.source).toContain('2024-R-02');
  });

  it('explains the skipped days in the computation', () => {
    const d = deadlineOf('complaint.acknowledgment', {
      facts: { complaintSentOn: '2026-04-28' },
      context: { today: '2026-04-29' },
    });
    expect(d.computation).toContain('01/05/2026 (Fête du travail, jour férié)');
    expect(d.computation).toContain('03/05/2026 (dimanche)');
    expect(d.rule).toContain('12/05/2026');
  });

  it.each([
    ['acknowledged on the last day → met', { acknowledgedOn: '2026-05-12' }, '2026-05-20', 'met', null],
    ['acknowledged one day late → missed', { acknowledgedOn: '2026-05-13' }, '2026-05-20', 'missed', -8],
    [
      'substantive answer within the period counts (ACPR) → met',
      { answerReceivedOn: '2026-05-05', answerOutcome: 'accepted' as const },
      '2026-05-20',
      'met',
      null,
    ],
    ['nothing yet, today is the last day → open, 0 days left', {}, '2026-05-12', 'open', 0],
    ['nothing yet, 4 days before → open', {}, '2026-05-08', 'open', 4],
    ['nothing after the last day → missed', {}, '2026-05-13', 'missed', -1],
  ])('%s', (_name, extra, today, status, daysLeft) => {
    const d = deadlineOf('complaint.acknowledgment', {
      facts: { complaintSentOn: '2026-04-28', ...extra },
      context: { today },
    });
    expect(d.status).toBe(status);
    expect(d.daysLeft).toBe(daysLeft);
  });

  it('produces no ACPR deadline for the CPAM (the recommendation covers insurers, mutuelles, IP)', () => {
    expect(() =>
      deadlineOf('complaint.acknowledgment', {
        context: { organisationType: 'cpam' },
        facts: { complaintSentOn: '2026-04-28' },
      }),
    ).toThrow(/missing/);
  });
});

describe('complaint.answer (ACPR 2024-R-02: 2 months; CPC art. 641 month ends)', () => {
  it.each([
    ['same-numbered day: 28/04/2026 → 28/06/2026', '2026-04-28', '2026-06-28'],
    ['no 31 February: 31/12/2025 → 28/02/2026', '2025-12-31', '2026-02-28'],
    ['leap year: 31/12/2023 → 29/02/2024', '2023-12-31', '2024-02-29'],
    ['30/04/2026 → 30/06/2026', '2026-04-30', '2026-06-30'],
  ])('%s', (_name, sent, due) => {
    const d = deadlineOf('complaint.answer', { facts: { complaintSentOn: sent }, context: { today: sent } });
    expect(d.dueDate).toBe(due);
    expect(d.rolledOver).toBe(false); // not a procedural period: no CPC 642 roll-over by default
  });

  it('is not rolled over from a Sunday by default (28/06/2026 is a Sunday) but can be by option', () => {
    const facts = { complaintSentOn: '2026-04-28' };
    expect(deadlineOf('complaint.answer', { facts, context: { today: '2026-05-01' } }).dueDate).toBe(
      '2026-06-28',
    );
    const rolled = deadlineOf('complaint.answer', {
      facts,
      context: { today: '2026-05-01' },
      options: { rollOverDeadlines: ['complaint.answer'] },
    });
    expect(rolled.dueDate).toBe('2026-06-29');
    expect(rolled.rolledOver).toBe(true);
    expect(rolled.computation).toContain('CPC art. 642');
  });

  it.each([
    [
      'answer on time',
      { answerReceivedOn: '2026-06-10', answerOutcome: 'rejected' as const },
      '2026-07-01',
      'met',
    ],
    [
      'late answer',
      { answerReceivedOn: '2026-06-29', answerOutcome: 'partial' as const },
      '2026-07-01',
      'missed',
    ],
    ['no answer, past due', {}, '2026-06-29', 'missed'],
    ['no answer yet', {}, '2026-06-01', 'open'],
  ])('%s → %s', (_name, extra, today, status) => {
    const d = deadlineOf('complaint.answer', {
      facts: { complaintSentOn: '2026-04-28', ...extra },
      context: { today },
    });
    expect(d.status).toBe(status);
  });

  it('a complex case notified within 2 months moves the date to the announced answer (ACPR, abe-infoservice)', () => {
    const d = deadlineOf('complaint.answer', {
      facts: {
        complaintSentOn: '2026-04-28',
        complexCaseNotifiedOn: '2026-06-01',
        announcedAnswerDate: '2026-07-31',
      },
      context: { today: '2026-07-01' },
    });
    expect(d.dueDate).toBe('2026-07-31');
    expect(d.status).toBe('open');
    expect(d.rule).toContain('Dossier complexe');
  });

  it('a complex-case notice after the 2 months does not extend anything', () => {
    const d = deadlineOf('complaint.answer', {
      facts: {
        complaintSentOn: '2026-04-28',
        complexCaseNotifiedOn: '2026-07-01',
        announcedAnswerDate: '2026-07-31',
      },
      context: { today: '2026-07-02' },
    });
    expect(d.dueDate).toBe('2026-06-28');
    expect(d.status).toBe('missed');
  });
});
