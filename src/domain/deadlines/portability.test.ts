import { describe, expect, it } from 'vitest';
import { contractMonthsRoundedUp } from './portability.ts';
import { deadlineOf, run } from './test-builders.ts';

describe('contractMonthsRoundedUp (CSS L911-8: whole months, rounded up)', () => {
  it.each([
    ['01/01 → 31/03: exactly 3 months', '2026-01-01', '2026-03-31', 3],
    ['15/01 → 14/03: exactly 2 months', '2026-01-15', '2026-03-14', 2],
    ['15/01 → 15/03: 2 months and 1 day → 3', '2026-01-15', '2026-03-15', 3],
    ['one day → 1', '2026-01-15', '2026-01-15', 1],
    ['31/01 → 28/02/2024 (leap year) → 1', '2024-01-31', '2024-02-28', 1],
    ['5 years and a half → 66', '2020-01-01', '2025-06-30', 66],
  ])('%s', (_name, start, end, months) => {
    expect(contractMonthsRoundedUp(start, end)).toBe(months);
  });
});

describe('portability.end (CSS L911-8: length of the last contract, at most 12 months)', () => {
  it.each([
    [
      '5-month contract ending 31/01/2026 → 30/06/2026 (month end)',
      '2025-09-01',
      '2026-01-31',
      undefined,
      '2026-06-30',
    ],
    ['long contract: capped at 12 months → 31/03/2027', '2015-01-05', '2026-03-31', undefined, '2027-03-31'],
    ['unemployment benefit ends first → 15/04/2026', '2015-01-05', '2026-03-31', '2026-04-15', '2026-04-15'],
  ])('%s', (_name, start, end, benefitEnd, expected) => {
    const d = deadlineOf('portability.end', {
      facts: {
        employmentContractStartOn: start,
        employmentContractEndOn: end,
        unemploymentBenefitEndedOn: benefitEnd,
      },
      context: { today: '2026-04-01' },
    });
    expect(d.dueDate).toBe(expected);
    expect(d.kind).toBe('milestone');
    expect(d.status).toBe('open');
  });

  it('passed once the end date is reached', () => {
    const d = deadlineOf('portability.end', {
      facts: { employmentContractStartOn: '2025-09-01', employmentContractEndOn: '2026-01-31' },
      context: { today: '2026-06-30' },
    });
    expect(d.status).toBe('passed');
  });
});

describe('Loi Evin art. 4: proposal within 2 months, application within 6 months', () => {
  it('counts from the end of portability (30/06/2026)', () => {
    const out = run({
      facts: { employmentContractStartOn: '2025-09-01', employmentContractEndOn: '2026-01-31' },
      context: { today: '2026-07-01' },
    });
    expect(out.deadlines.find((d) => d.id === 'evin.insurer_proposal')?.dueDate).toBe('2026-08-30');
    expect(out.deadlines.find((d) => d.id === 'evin.application')?.dueDate).toBe('2026-12-30');
  });

  it('counts from leaving the company when there is no portability (31/08/2026 → 28/02/2027)', () => {
    const d = deadlineOf('evin.application', {
      facts: { leftCompanyOn: '2026-08-31' },
      context: { today: '2026-09-01' },
    });
    expect(d.dueDate).toBe('2027-02-28');
    expect(d.party).toBe('member');
  });

  it.each([
    ['applied in time', '2027-02-28', 'met'],
    ['applied late', '2027-03-01', 'missed'],
  ])('%s', (_name, evinAppliedOn, status) => {
    const d = deadlineOf('evin.application', {
      facts: { leftCompanyOn: '2026-08-31', evinAppliedOn },
      context: { today: '2027-03-05' },
    });
    expect(d.status).toBe(status);
  });
});

describe('structured output (issue 16)', () => {
  // CSS L911-8: 01/01/2026 → 31/03/2026 is 3 whole months.
  it('portability months as a number', () => {
    const d = deadlineOf('portability.end', {
      facts: { employmentContractStartOn: '2026-01-01', employmentContractEndOn: '2026-03-31' },
      context: { today: '2026-04-15' },
    });
    expect(d.details?.portabilityMonths).toBe(3);
  });

  // Décret 90-769 art. 1 (décret 2017-372): 100 %, 125 %, 150 % of the active employees' premium in years 1–3.
  it.each([
    ['active premium 80,00 € → 80,00 / 100,00 / 120,00', 8000, [8000, 10000, 12000]],
    ['active premium 33,33 € → rounded down: 33,33 / 41,66 / 49,99', 3333, [3333, 4166, 4999]],
    ['active premium unknown → percentages only', undefined, [null, null, null]],
  ] as const)('Loi Evin premium caps: %s', (_name, evinActivePremiumCents, amounts) => {
    const d = deadlineOf('evin.application', {
      facts: {
        leftCompanyOn: '2026-03-31',
        ...(evinActivePremiumCents ? { evinActivePremiumCents } : {}),
      },
      context: { today: '2026-04-15' },
    });
    expect(d.details?.premiumCaps).toEqual([
      {
        year: 1,
        from: '2026-04-01',
        to: '2027-03-31',
        maxPercentOfActive: 100,
        maxMonthlyPremiumCents: amounts[0],
      },
      {
        year: 2,
        from: '2027-04-01',
        to: '2028-03-31',
        maxPercentOfActive: 125,
        maxMonthlyPremiumCents: amounts[1],
      },
      {
        year: 3,
        from: '2028-04-01',
        to: '2029-03-31',
        maxPercentOfActive: 150,
        maxMonthlyPremiumCents: amounts[2],
      },
    ]);
  });

  it('before 01/07/2017 the cap was 150 % from the first year', () => {
    const d = deadlineOf('evin.application', {
      facts: { leftCompanyOn: '2016-12-31' },
      context: { today: '2017-01-15' },
    });
    expect(d.details?.premiumCaps?.map((c) => c.maxPercentOfActive)).toEqual([150, 150, 150]);
  });
});
