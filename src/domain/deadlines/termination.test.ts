import { describe, expect, it } from 'vitest';
import { deadlineOf, run } from './test-builders.ts';

describe('termination.annual (C. mutualité L221-10, C. assur. L113-12: 2 months before renewal)', () => {
  it.each([
    ['renewal 01/01/2027 → 01/11/2026', '2027-01-01', '2026-11-01'],
    ['renewal 31/12/2026 → 31/10/2026', '2026-12-31', '2026-10-31'],
    ['no 30 February: renewal 30/04/2027 → 28/02/2027 (CPC art. 641)', '2027-04-30', '2027-02-28'],
    ['leap year: renewal 29/04/2028 → 29/02/2028', '2028-04-29', '2028-02-29'],
  ])('%s', (_name, renewalDate, due) => {
    const d = deadlineOf('termination.annual', { facts: { renewalDate }, context: { today: '2026-06-15' } });
    expect(d.dueDate).toBe(due);
    expect(d.status).toBe('open');
  });

  it.each([
    // Chatel (L221-10-1): notice sent less than 15 days before the deadline (01/11/2026) → 20 days from sending.
    ['notice 12 days before → 20/10 + 20 days', '2026-10-20', '2026-11-09', 'L221-10-1'],
    ['notice 14 days before → 18/10 + 20 days', '2026-10-18', '2026-11-07', 'L221-10-1'],
    ['notice exactly 15 days before → ordinary deadline', '2026-10-17', '2026-11-01', 'L221-10'],
    ['notice after the deadline → 10/11 + 20 days', '2026-11-10', '2026-11-30', 'L221-10-1'],
  ])('%s', (_name, annualNoticeSentOn, due, source) => {
    const d = deadlineOf('termination.annual', {
      facts: { renewalDate: '2027-01-01', annualNoticeSentOn },
      context: { today: '2026-11-15' },
    });
    expect(d.dueDate).toBe(due);
    expect(d.source).toContain(source);
  });

  it('insurer: C. assur. L113-12', () => {
    const d = deadlineOf('termination.annual', {
      context: { organisationType: 'insurer', today: '2026-06-15' },
      facts: { renewalDate: '2027-01-01' },
    });
    expect(d.source).toContain('L113-12');
  });

  it.each([
    ['sent on the deadline → met', '2026-11-01', 'met'],
    ['sent the day after → missed', '2026-11-02', 'missed'],
  ])('%s', (_name, sent, status) => {
    const d = deadlineOf('termination.annual', {
      facts: { renewalDate: '2027-01-01', terminationRequestSentOn: sent },
      context: { today: '2026-11-20' },
    });
    expect(d.status).toBe(status);
  });

  it('Chatel, notice never sent: any time from renewal, effective the day after sending, refund within 30 days', () => {
    const out = run({
      facts: {
        renewalDate: '2027-01-01',
        annualNoticeNotSent: true,
        terminationRequestSentOn: '2027-02-10',
        terminationReceivedOn: '2027-02-12',
      },
      context: { today: '2027-02-15' },
    });
    const annual = out.deadlines.find((d) => d.id === 'termination.annual')!;
    expect(annual.status).toBe('met');
    expect(annual.dueDate).toBeNull();
    const effective = out.deadlines.find((d) => d.id === 'termination.effective')!;
    expect(effective.dueDate).toBe('2027-02-11');
    expect(effective.status).toBe('passed');
    const refund = out.deadlines.find((d) => d.id === 'termination.refund')!;
    expect(refund.dueDate).toBe('2027-03-13');
    expect(refund.status).toBe('open');
  });

  it('in-time annual request: effective on the renewal date, no refund deadline', () => {
    const out = run({
      facts: { renewalDate: '2027-01-01', terminationRequestSentOn: '2026-10-15' },
      context: { today: '2026-10-20' },
    });
    expect(out.deadlines.find((d) => d.id === 'termination.effective')?.dueDate).toBe('2027-01-01');
    expect(out.deadlines.map((d) => d.id)).not.toContain('termination.refund');
  });
});

describe('termination.anytime (L221-10-2 / L113-15-2: after 1 year, effective 1 month after receipt)', () => {
  it.each([
    ['before the first anniversary', '2026-03-14', 'not_applicable_yet'],
    ['from the first anniversary', '2026-03-15', 'open'],
  ])('%s', (_name, today, status) => {
    const d = deadlineOf('termination.anytime', {
      facts: { subscriptionDate: '2025-03-15' },
      context: { today },
    });
    expect(d.opensOn).toBe('2026-03-15');
    expect(d.status).toBe(status);
  });

  it('not before the rule came into force on 01/12/2020', () => {
    const d = deadlineOf('termination.anytime', {
      facts: { subscriptionDate: '2015-06-01' },
      context: { today: '2026-01-01' },
    });
    expect(d.opensOn).toBe('2020-12-01');
  });

  it.each([
    ['received 31/05/2026 → effective 30/06, refund by 30/07', '2026-05-31', '2026-06-30', '2026-07-30'],
    ['received 31/01/2027 → effective 28/02/2027 (month end)', '2027-01-31', '2027-02-28', '2027-03-30'],
  ])('%s', (_name, received, effective, refund) => {
    const out = run({
      facts: {
        subscriptionDate: '2025-03-15',
        terminationRequestSentOn: received,
        terminationReceivedOn: received,
      },
      context: { today: received },
    });
    expect(out.deadlines.find((d) => d.id === 'termination.effective')?.dueDate).toBe(effective);
    expect(out.deadlines.find((d) => d.id === 'termination.refund')?.dueDate).toBe(refund);
  });

  it('not effective before one year of subscription (ground given explicitly)', () => {
    const out = run({
      facts: {
        subscriptionDate: '2025-03-15',
        terminationGround: 'anytime',
        terminationRequestSentOn: '2026-02-08',
        terminationReceivedOn: '2026-02-10',
      },
      context: { today: '2026-02-20' },
    });
    // 10/02/2026 + 1 month = 10/03/2026, but the first anniversary is 15/03/2026.
    expect(out.deadlines.find((d) => d.id === 'termination.effective')?.dueDate).toBe('2026-03-15');
  });
});

describe('termination.situation_change (L221-17 / L113-16: within 3 months, effective 1 month after receipt)', () => {
  it.each([
    ['30/06/2026 → 30/09/2026', '2026-06-30', '2026-09-30'],
    ['30/11/2026 → 28/02/2027 (month end)', '2026-11-30', '2027-02-28'],
  ])('%s', (_name, event, due) => {
    const d = deadlineOf('termination.situation_change', {
      facts: { situationChangeOn: event },
      context: { today: event },
    });
    expect(d.dueDate).toBe(due);
    expect(d.opensOn).toBe(event);
  });

  it('request in time: effective 1 month after receipt', () => {
    const out = run({
      facts: {
        situationChangeOn: '2026-06-30',
        terminationRequestSentOn: '2026-07-08',
        terminationReceivedOn: '2026-07-10',
      },
      context: { today: '2026-07-15' },
    });
    expect(out.deadlines.find((d) => d.id === 'termination.situation_change')?.status).toBe('met');
    expect(out.deadlines.find((d) => d.id === 'termination.effective')?.dueDate).toBe('2026-08-10');
  });
});

// Issue 16: the dates a program needs, as fields, not only inside the sentence.
describe('termination: structured output (L221-10, L221-10-1, L221-10-2)', () => {
  it.each([
    // renewal 01/01/2027 → ordinary 01/11/2026; notice 20/10 is 12 days before → Chatel 09/11/2026 (L221-10-1).
    ['notice late (12 days before)', '2026-10-20', '2026-11-09', true],
    ['notice exactly 15 days before → not late', '2026-10-17', null, false],
    ['notice date unknown → lateness unknown', undefined, null, null],
  ] as const)('%s', (_name, annualNoticeSentOn, chatel, late) => {
    const d = deadlineOf('termination.annual', {
      facts: { renewalDate: '2027-01-01', ...(annualNoticeSentOn ? { annualNoticeSentOn } : {}) },
      context: { today: '2026-10-25' },
    });
    expect(d.details?.annualNotice).toEqual({
      ordinaryNoticeBy: '2026-11-01',
      chatelNoticeBy: chatel,
      noticeSentOn: annualNoticeSentOn ?? null,
      noticeLate: late,
    });
  });

  it('notice never sent: late, no date limit', () => {
    const d = deadlineOf('termination.annual', {
      facts: { renewalDate: '2027-01-01', annualNoticeNotSent: true },
      context: { today: '2027-02-15' },
    });
    expect(d.details?.annualNotice).toMatchObject({ chatelNoticeBy: null, noticeLate: true });
  });

  // L221-10-2: anytime termination effective 1 month after receipt; refund of the unearned part within 30 days.
  it.each([
    ['paid until 31/12/2027 → refund 12/03/2027 … 31/12/2027', '2027-12-31', '2027-12-31'],
    ['period paid unknown → to null', undefined, null],
  ] as const)('refund period: %s', (_name, contributionPaidUntil, to) => {
    const d = deadlineOf('termination.refund', {
      facts: {
        subscriptionDate: '2024-01-01',
        terminationGround: 'anytime',
        terminationRequestSentOn: '2027-02-10',
        terminationReceivedOn: '2027-02-12',
        ...(contributionPaidUntil ? { contributionPaidUntil } : {}),
      },
      context: { today: '2027-02-15' },
    });
    expect(d.details?.refundPeriod).toEqual({ from: '2027-03-12', to, refundBy: '2027-04-11' });
  });

  it.each([
    [
      'no ground and no route date → ground, renewal, subscription, event, receipt missing',
      { terminationRequestSentOn: '2026-06-01' },
      5,
    ],
    [
      'ground anytime, receipt unknown → only the receipt is missing',
      { terminationGround: 'anytime' as const, terminationRequestSentOn: '2026-06-01' },
      1,
    ],
  ])('« non calculable » says what is missing: %s', (_name, facts, count) => {
    const d = deadlineOf('termination.effective', { facts, context: { today: '2026-06-15' } });
    expect(d.dueDate).toBeNull();
    expect(d.rule).toContain('non calculable');
    expect(d.details?.missing).toHaveLength(count);
    for (const item of d.details?.missing ?? []) expect(d.rule).toContain(item);
  });
});
