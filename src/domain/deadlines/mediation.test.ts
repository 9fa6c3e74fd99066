import { describe, expect, it } from 'vitest';
import { deadlineOf, run } from './test-builders.ts';

describe('mediation.referral_window (C. consom. L612-2; mediators, docs/sources.md §3)', () => {
  it.each([
    // No answer: 15/01/2026 + 2 months = 15/03; referral possible the day after. Closes 1 year after the complaint.
    ['no answer: opens the day after 2 months', {}, '2026-03-16', '2027-01-15'],
    [
      'negative answer: opens on the answer',
      { answerReceivedOn: '2026-02-10', answerOutcome: 'rejected' as const },
      '2026-02-10',
      '2027-01-15',
    ],
    [
      'partial answer: opens on the answer',
      { answerReceivedOn: '2026-02-10', answerOutcome: 'partial' as const },
      '2026-02-10',
      '2027-01-15',
    ],
    [
      'accepted answer: no dispute yet, opens only after 2 months',
      { answerReceivedOn: '2026-02-10', answerOutcome: 'accepted' as const },
      '2026-03-16',
      '2027-01-15',
    ],
  ])('%s', (_name, extra, opensOn, dueDate) => {
    const d = deadlineOf('mediation.referral_window', {
      facts: { complaintSentOn: '2026-01-15', ...extra },
      context: { today: '2026-02-20' },
    });
    expect(d.opensOn).toBe(opensOn);
    expect(d.dueDate).toBe(dueDate);
    expect(d.kind).toBe('window');
  });

  it('1 year from a 29 February ends on 28 February (CPC art. 641)', () => {
    const d = deadlineOf('mediation.referral_window', {
      facts: { complaintSentOn: '2024-02-29' },
      context: { today: '2024-03-01' },
    });
    expect(d.dueDate).toBe('2025-02-28');
  });

  it.each([
    ['seized on the last day → met', '2027-01-15', 'met'],
    ['seized one day after 1 year → missed (L612-2 4°)', '2027-01-16', 'missed'],
  ])('%s', (_name, seized, status) => {
    const d = deadlineOf('mediation.referral_window', {
      facts: { complaintSentOn: '2026-01-15', mediatorSeizedOn: seized },
      context: { today: '2027-02-01' },
    });
    expect(d.status).toBe(status);
  });

  it('before it opens: not_applicable_yet; a premature referral is flagged, not counted', () => {
    const d = deadlineOf('mediation.referral_window', {
      facts: { complaintSentOn: '2026-01-15', mediatorSeizedOn: '2026-03-01' },
      context: { today: '2026-03-10' },
    });
    expect(d.status).toBe('not_applicable_yet');
    expect(d.notes.join(' ')).toContain('prématurée');
  });

  it.each([
    ['mutuelle', {}, 'Médiateur de la Mutualité Française (FNMF)'],
    ['mutuelle', { mutuelleMediator: 'lma' as const }, 'La Médiation de l’Assurance (LMA)'],
    ['insurer', {}, 'La Médiation de l’Assurance (LMA)'],
    ['institution_prevoyance', {}, 'Médiateur de la protection sociale (CTIP)'],
  ] as const)('%s → %s', (organisationType, options, _name) => {
    const d = deadlineOf('mediation.referral_window', {
      context: { organisationType, today: '2026-02-01' },
      facts: { complaintSentOn: '2026-01-15' },
      options,
    });
    expect(d.mediator?.name).toBe(_name);
    expect(d.mediator?.howToSeize).toMatch(/courrier/);
  });

  it('CPAM: its own mediator (CSS L217-7-1), prior approach required, no 1-year limit', () => {
    const d = deadlineOf('mediation.referral_window', {
      context: { organisationType: 'cpam', today: '2026-02-01' },
      facts: { complaintSentOn: '2026-01-15' },
    });
    expect(d.mediator?.name).toBe('Médiateur de votre CPAM');
    expect(d.dueDate).toBeNull();
    expect(d.opensOn).toBe('2026-01-15');
    expect(d.status).toBe('open');
    expect(d.source).toContain('L217-7-1');
  });
});

describe('mediation.inadmissibility_notice (L612-2: 3 weeks from receipt of the file)', () => {
  it.each([
    ['nothing yet', {}, '2026-03-10', '2026-03-23', 'open'],
    ['rejection notified in time', { mediationRejectedOn: '2026-03-20' }, '2026-03-25', '2026-03-23', 'met'],
    ['rejection notified late', { mediationRejectedOn: '2026-03-24' }, '2026-03-25', '2026-03-23', 'missed'],
    ['admitted (R612-2 notice)', { mediationNotifiedOn: '2026-03-12' }, '2026-03-25', '2026-03-23', 'met'],
    ['no news after 3 weeks', {}, '2026-03-24', '2026-03-23', 'passed'],
  ])('%s', (_name, extra, today, due, status) => {
    const d = deadlineOf('mediation.inadmissibility_notice', {
      facts: {
        complaintSentOn: '2026-01-02',
        mediatorSeizedOn: '2026-02-27',
        mediationFileCompleteOn: '2026-03-02',
        ...extra,
      },
      context: { today },
    });
    expect(d.dueDate).toBe(due); // 02/03/2026 + 21 days
    expect(d.status).toBe(status);
    expect(d.party).toBe('mediator');
  });
});

describe('mediation.outcome (R612-5: 90 days from the R612-2 notification, extensible)', () => {
  const base = {
    complaintSentOn: '2026-01-02',
    mediatorSeizedOn: '2026-02-27',
    mediationFileCompleteOn: '2026-03-02',
  };

  it.each([
    ['from the notification 10/03/2026 (text)', { mediationNotifiedOn: '2026-03-10' }, {}, '2026-06-08'],
    [
      '⚠ option complete_file: from 02/03/2026',
      { mediationNotifiedOn: '2026-03-10' },
      { mediationOutcomeFrom: 'complete_file' as const },
      '2026-05-31',
    ],
    [
      'extended by the mediator',
      { mediationNotifiedOn: '2026-03-10', mediationExtendedTo: '2026-09-30' },
      {},
      '2026-09-30',
    ],
  ])('%s', (_name, extra, options, due) => {
    const d = deadlineOf('mediation.outcome', {
      facts: { ...base, ...extra },
      options,
      context: { today: '2026-04-01' },
    });
    expect(d.dueDate).toBe(due);
    expect(d.status).toBe('open');
  });

  it('waits for the notification before counting', () => {
    const d = deadlineOf('mediation.outcome', { facts: base, context: { today: '2026-03-05' } });
    expect(d.dueDate).toBeNull();
    expect(d.status).toBe('not_applicable_yet');
  });

  it.each([
    ['ended on time', '2026-06-08', 'met'],
    ['ended late', '2026-06-09', 'missed'],
  ])('%s → %s', (_name, ended, status) => {
    const d = deadlineOf('mediation.outcome', {
      facts: { ...base, mediationNotifiedOn: '2026-03-10', mediationEndedOn: ended },
      context: { today: '2026-06-20' },
    });
    expect(d.status).toBe(status);
  });

  it('is dropped once the mediator rejected the file', () => {
    const out = run({
      facts: { ...base, mediationRejectedOn: '2026-03-10' },
      context: { today: '2026-03-20' },
    });
    expect(out.deadlines.map((d) => d.id)).not.toContain('mediation.outcome');
  });
});
