import { describe, expect, it } from 'vitest';
import type { DeadlinesInput } from './schema.ts';
import { deadlineOf } from './test-builders.ts';

const cpam = (today: string, zone: 'metropole' | 'alsace_moselle' = 'metropole') => ({
  organisationType: 'cpam' as const,
  today,
  zone,
});

describe('cpam.cra_referral (CSS R142-1: 2 months; CPC art. 641 and 642 roll-over)', () => {
  it.each([
    ['Sunday: 10/05/2026 → Mon 11/05', '2026-03-10', '2026-05-11', true],
    ['Saturday: 16/05/2026 → Mon 18/05', '2026-03-16', '2026-05-18', true],
    ['Ascension: Thu 14/05/2026 → Fri 15/05', '2026-03-14', '2026-05-15', true],
    ['Sat 23/05 → Sun → Whit Monday 25/05 → Tue 26/05', '2026-03-23', '2026-05-26', true],
    ['working day: Thu 21/05/2026 stays', '2026-03-21', '2026-05-21', false],
  ])('%s', (_name, notified, due, rolledOver) => {
    const d = deadlineOf('cpam.cra_referral', {
      context: cpam('2026-03-25'),
      facts: { cpamDecisionNotifiedOn: notified },
    });
    expect(d.dueDate).toBe(due);
    expect(d.rolledOver).toBe(rolledOver);
    expect(d.source).toContain('R142-1');
  });

  it('no roll-over when the option removes it', () => {
    const d = deadlineOf('cpam.cra_referral', {
      context: cpam('2026-03-25'),
      facts: { cpamDecisionNotifiedOn: '2026-03-16' },
      options: { rollOverDeadlines: [] },
    });
    expect(d.dueDate).toBe('2026-05-16');
  });

  it('Alsace-Moselle: 26/12/2025 is a holiday → Mon 29/12; in metropole Fri 26/12 stays', () => {
    const facts = { cpamDecisionNotifiedOn: '2025-10-26' };
    expect(
      deadlineOf('cpam.cra_referral', { context: cpam('2025-11-01', 'alsace_moselle'), facts }).dueDate,
    ).toBe('2025-12-29');
    expect(deadlineOf('cpam.cra_referral', { context: cpam('2025-11-01'), facts }).dueDate).toBe(
      '2025-12-26',
    );
  });

  it.each([
    ['seized on time → met', { craSeizedOn: '2026-05-18' }, '2026-05-20', 'met'],
    ['seized late → missed', { craSeizedOn: '2026-05-19' }, '2026-05-20', 'missed'],
    ['not seized, rolled-over last day → open', {}, '2026-05-18', 'open'],
  ])('%s', (_name, extra, today, status) => {
    const d = deadlineOf('cpam.cra_referral', {
      context: cpam(today),
      facts: { cpamDecisionNotifiedOn: '2026-03-16', ...extra },
    });
    expect(d.status).toBe(status);
  });

  it('R142-1-A III: a notification without the remedies makes the period not enforceable', () => {
    const d = deadlineOf('cpam.cra_referral', {
      context: cpam('2026-06-30'),
      facts: { cpamDecisionNotifiedOn: '2026-03-16', cpamNotificationMentionedRemedies: false },
    });
    expect(d.status).toBe('not_enforceable');
    expect(d.notes[0]).toContain('R142-1-A III');
  });

  it('CSS L217-7-1: the CPAM mediation suspends the period (31 days left on 01/04 → 20/04 + 31 = Thu 21/05)', () => {
    const facts = {
      cpamDecisionNotifiedOn: '2026-03-02',
      cpamMediatorAdmissibleOn: '2026-04-01',
      cpamMediatorRecommendationsOn: '2026-04-20',
    };
    const d = deadlineOf('cpam.cra_referral', { context: cpam('2026-04-25'), facts });
    expect(d.dueDate).toBe('2026-05-21');
    expect(d.computation).toContain('L217-7-1');
  });

  it('suspended while the CPAM mediation has not made its recommendations', () => {
    const d = deadlineOf('cpam.cra_referral', {
      context: cpam('2026-04-10'),
      facts: { cpamDecisionNotifiedOn: '2026-03-02', cpamMediatorAdmissibleOn: '2026-04-01' },
    });
    expect(d.status).toBe('suspended');
    expect(d.dueDate).toBeNull();
  });
});

describe('cpam.cra_decision (R142-6: implicit rejection after 2 months; 1 month before 2019)', () => {
  it.each([
    ['2 months since 01/01/2019 (décret 2018-928), month end', '2026-01-31', '2026-03-31'],
    ['1 month before 2019', '2018-06-15', '2018-07-15'],
  ])('%s', (_name, seized, due) => {
    const d = deadlineOf('cpam.cra_decision', {
      context: cpam(seized),
      facts: { cpamDecisionNotifiedOn: '2018-05-01', craSeizedOn: seized },
    });
    expect(d.dueDate).toBe(due);
    expect(d.party).toBe('cpam');
  });

  it('silence past the date → missed, implicit rejection', () => {
    const d = deadlineOf('cpam.cra_decision', {
      context: cpam('2026-04-01'),
      facts: { craSeizedOn: '2026-01-31' },
    });
    expect(d.status).toBe('missed');
    expect(d.rule).toContain('rejet implicite');
  });
});

describe('cpam.tribunal_referral (R142-1-A, R142-6: 2 months; CPC art. 642)', () => {
  it('from the implicit rejection 31/03/2026: 31/05/2026 is a Sunday → Mon 01/06', () => {
    const d = deadlineOf('cpam.tribunal_referral', {
      context: cpam('2026-04-10'),
      facts: { craSeizedOn: '2026-01-31' },
    });
    expect(d.opensOn).toBe('2026-04-01');
    expect(d.dueDate).toBe('2026-06-01');
    expect(d.rolledOver).toBe(true);
    expect(d.status).toBe('open');
  });

  it('before the implicit rejection: not yet open', () => {
    const d = deadlineOf('cpam.tribunal_referral', {
      context: cpam('2026-02-10'),
      facts: { craSeizedOn: '2026-01-31' },
    });
    expect(d.status).toBe('not_applicable_yet');
  });

  it('from an explicit decision 10/03/2026: 10/05/2026 is a Sunday → Mon 11/05', () => {
    const d = deadlineOf('cpam.tribunal_referral', {
      context: cpam('2026-03-20'),
      facts: { craSeizedOn: '2026-02-01', craDecisionNotifiedOn: '2026-03-10' },
    });
    expect(d.dueDate).toBe('2026-05-11');
  });

  it('Alsace-Moselle Good Friday 26/03/2027 → Tue 30/03/2027 (after Easter Monday); metropole keeps Friday', () => {
    const facts: DeadlinesInput['facts'] = { craSeizedOn: '2026-12-01', craDecisionNotifiedOn: '2027-01-26' };
    expect(
      deadlineOf('cpam.tribunal_referral', { context: cpam('2027-02-01', 'alsace_moselle'), facts }).dueDate,
    ).toBe('2027-03-30');
    expect(deadlineOf('cpam.tribunal_referral', { context: cpam('2027-02-01'), facts }).dueDate).toBe(
      '2027-03-26',
    );
  });

  it('R142-1-A III: a CRA decision without the remedies → not_enforceable', () => {
    const d = deadlineOf('cpam.tribunal_referral', {
      context: cpam('2026-08-01'),
      facts: {
        craSeizedOn: '2026-02-01',
        craDecisionNotifiedOn: '2026-03-10',
        craDecisionMentionedRemedies: false,
      },
    });
    expect(d.status).toBe('not_enforceable');
  });

  it('met when the tribunal was seized in time', () => {
    const d = deadlineOf('cpam.tribunal_referral', {
      context: cpam('2026-08-01'),
      facts: {
        craSeizedOn: '2026-02-01',
        craDecisionNotifiedOn: '2026-03-10',
        tribunalSeizedOn: '2026-05-11',
      },
    });
    expect(d.status).toBe('met');
  });
});
