import { describe, expect, it } from 'vitest';
import { nextQuarterStart, runPrescription } from './prescription.ts';
import { deadlineOf } from './test-builders.ts';

describe('runPrescription (2 years; interruption C. civ. 2231; suspension C. civ. 2238)', () => {
  it.each([
    // L221-11 C. mutualité / L114-1 C. assur.: 2 years from the event, same-numbered day (CPC art. 641).
    ['plain: 02/03/2026 → 02/03/2028', { start: '2026-03-02', years: 2, letters: [] }, '2028-03-02'],
    ['leap day: 29/02/2024 → 28/02/2026', { start: '2024-02-29', years: 2, letters: [] }, '2026-02-28'],
    // L221-12 / L114-2: a registered letter with AR sent while the period runs opens a new 2-year period.
    [
      'letter 01/06/2025 → 01/06/2027',
      { start: '2024-01-10', years: 2, letters: ['2025-06-01'] },
      '2027-06-01',
    ],
    [
      'two letters: the later one counts',
      { start: '2024-01-10', years: 2, letters: ['2025-06-01', '2027-05-20'] },
      '2029-05-20',
    ],
    [
      'letter after expiry (10/01/2026) has no effect',
      { start: '2024-01-10', years: 2, letters: ['2026-02-01'] },
      '2026-01-10',
    ],
    // C. civ. 2238: 193 days were left on 01/07/2025; they run again from 15/09/2025 → 27/03/2026, which is after
    // the 6-month floor (15/03/2026).
    [
      'mediation 01/07/2025 → 15/09/2025: remaining days win',
      {
        start: '2024-01-10',
        years: 2,
        letters: [],
        suspensionStart: '2025-07-01',
        suspensionEnd: '2025-09-15',
      },
      '2026-03-27',
    ],
    // 21 days left on 20/12/2025; 01/02/2026 + 21 days = 22/02/2026 < 01/02/2026 + 6 months = 01/08/2026.
    [
      'mediation near the end: at least 6 months after it ends',
      {
        start: '2024-01-10',
        years: 2,
        letters: [],
        suspensionStart: '2025-12-20',
        suspensionEnd: '2026-02-01',
      },
      '2026-08-01',
    ],
    [
      'mediation begun after expiry: no suspension',
      {
        start: '2024-01-10',
        years: 2,
        letters: [],
        suspensionStart: '2026-02-01',
        suspensionEnd: '2026-04-01',
      },
      '2026-01-10',
    ],
    [
      'letter before the mediation, then suspension',
      {
        start: '2024-01-10',
        years: 2,
        letters: ['2025-01-10'],
        suspensionStart: '2026-12-01',
        suspensionEnd: '2027-01-15',
      },
      // End 10/01/2027 after the letter; 40 days left on 01/12/2026; 15/01/2027 + 40 = 24/02/2027 < 15/07/2027.
      '2027-07-15',
    ],
  ])('%s', (_name, args, expected) => {
    expect(runPrescription(args).dueDate).toBe(expected);
  });

  it('an ongoing mediation leaves no end date, with the days left', () => {
    const run = runPrescription({
      start: '2024-01-10',
      years: 2,
      letters: [],
      suspensionStart: '2025-07-01',
    });
    expect(run.dueDate).toBeNull();
    expect(run.remainingDays).toBe(193);
  });
});

describe('prescription.benefits (mutuelle L221-11, insurer L114-1, IP)', () => {
  it.each([
    ['mutuelle', 'L221-11'],
    ['insurer', 'L114-1'],
    ['institution_prevoyance', 'L932-13'],
  ] as const)('%s cites %s', (organisationType, article) => {
    const d = deadlineOf('prescription.benefits', {
      context: { organisationType, today: '2026-06-15' },
      facts: { claimEventOn: '2026-03-02' },
    });
    expect(d.dueDate).toBe('2028-03-02');
    expect(d.status).toBe('open');
    expect(d.source).toContain(article);
  });

  it('is suspended while the mediation runs, from the referral (Cass. com. 11/05/2022, n° 20-23.298)', () => {
    const d = deadlineOf('prescription.benefits', {
      facts: { claimEventOn: '2024-01-10', complaintSentOn: '2025-04-01', mediatorSeizedOn: '2025-07-01' },
      context: { today: '2025-08-01' },
    });
    expect(d.status).toBe('suspended');
    expect(d.dueDate).toBeNull();
    expect(d.daysLeft).toBeNull();
    expect(d.rule).toContain('193 jours');
  });

  it('⚠ option notification: suspension starts on the R612-2 notice (174 days left, floor 15/03/2026 wins)', () => {
    const d = deadlineOf('prescription.benefits', {
      facts: {
        claimEventOn: '2024-01-10',
        complaintSentOn: '2025-04-01',
        mediatorSeizedOn: '2025-07-01',
        mediationNotifiedOn: '2025-07-20',
        mediationEndedOn: '2025-09-15',
      },
      options: { prescriptionSuspensionFrom: 'notification' },
      context: { today: '2025-10-01' },
    });
    // 20/07/2025 → 10/01/2026 = 174 days; 15/09/2025 + 174 = 08/03/2026 < 15/03/2026.
    expect(d.dueDate).toBe('2026-03-15');
  });

  it('expired → missed', () => {
    const d = deadlineOf('prescription.benefits', {
      facts: { claimEventOn: '2024-01-10' },
      context: { today: '2026-01-11' },
    });
    expect(d.status).toBe('missed');
    expect(d.daysLeft).toBe(-1);
  });
});

describe('prescription.contributions (Cass. 2e civ., 9 juin 2016, n° 15-16.351: from each due date)', () => {
  it.each([
    ['still claimable', '2026-03-30', 'open'],
    ['no longer claimable', '2026-04-01', 'missed'],
  ])('%s', (_name, today, status) => {
    const d = deadlineOf('prescription.contributions', {
      facts: { contributionDueOn: '2024-03-31' },
      context: { today },
    });
    expect(d.dueDate).toBe('2026-03-31');
    expect(d.status).toBe(status);
    expect(d.party).toBe('organisation');
    expect(d.source).toContain('15-16.351');
  });
});

describe('prescription.cpam_benefits (CSS L332-1: 2 years from the 1st day of the next quarter)', () => {
  it.each([
    ['Q1 care 10/02/2026 → quarter from 01/04/2026', '2026-02-10', '2026-04-01'],
    ['Q2 care 30/06/2026 → 01/07/2026', '2026-06-30', '2026-07-01'],
    ['Q4 care 30/11/2026 → 01/01/2027', '2026-11-30', '2027-01-01'],
    ['1st day of a quarter 01/10/2026 → 01/01/2027', '2026-10-01', '2027-01-01'],
  ])('%s', (_name, date, expected) => {
    expect(nextQuarterStart(date)).toBe(expected);
  });

  it.each([
    ['en espèces', 'especes' as const, '2026-02-10', '2028-03-31'],
    ['❌ en nature, L332-1 applied by default', 'nature' as const, '2026-11-30', '2028-12-31'],
  ])('%s', (_name, kind, care, due) => {
    const d = deadlineOf('prescription.cpam_benefits', {
      context: { organisationType: 'cpam', today: '2027-01-05' },
      facts: { claimEventOn: care, cpamBenefitKind: kind },
    });
    expect(d.dueDate).toBe(due);
    expect(d.source).toContain('L332-1');
    if (kind === 'nature') expect(d.notes.join(' ')).toContain('❌');
  });

  it('❌ option unsettled: no firm date for prestations en nature', () => {
    const d = deadlineOf('prescription.cpam_benefits', {
      context: { organisationType: 'cpam', today: '2026-06-01' },
      facts: { claimEventOn: '2026-02-10', cpamBenefitKind: 'nature' },
      options: { cpamBenefitsInKindPrescription: 'unsettled' },
    });
    expect(d.dueDate).toBeNull();
    expect(d.status).toBe('not_applicable_yet');
    expect(d.rule).toContain('31/03/2028');
  });
});
