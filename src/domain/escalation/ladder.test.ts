import { describe, expect, it } from 'vitest';
import { computeDeadlines } from '../deadlines/engine.ts';
import type { Facts } from '../deadlines/schema.ts';
import { escalationLadder, type StepId, type StepStatus } from './ladder.ts';

type Org = 'mutuelle' | 'insurer' | 'institution_prevoyance' | 'cpam';

function ladder(organisationType: Org, today: string, facts: Partial<Facts>, contacted = false) {
  const result = computeDeadlines({ context: { organisationType, zone: 'metropole', today }, facts });
  if (!result.ok) throw new Error(result.error.message);
  return escalationLadder({
    deadlines: result.value,
    facts: facts as Facts,
    customerServiceContacted: contacted,
  });
}

const statusOf = (steps: ReturnType<typeof ladder>, id: StepId) => steps.find((s) => s.id === id)?.status;

describe('escalation ladder', () => {
  const cases: [string, Org, string, Partial<Facts>, StepId, StepStatus, string][] = [
    // C. consom. L612-2 1°: no mediator without a prior written complaint.
    ['nothing done yet: no mediator', 'mutuelle', '2026-06-01', {}, 'mediator', 'not_yet', 'L612-2'],
    [
      'nothing done yet: written complaint open',
      'mutuelle',
      '2026-06-01',
      {},
      'written_complaint',
      'open',
      'L612-2',
    ],
    // FNMF / LMA: referral after a negative answer or 2 months without answer.
    [
      'complaint 3 weeks ago, no answer: mediator not yet',
      'mutuelle',
      '2026-03-23',
      { complaintSentOn: '2026-03-02' },
      'mediator',
      'not_yet',
      'L612-2',
    ],
    [
      'complaint over 2 months ago, no answer: mediator open',
      'mutuelle',
      '2026-05-04',
      { complaintSentOn: '2026-03-02' },
      'mediator',
      'open',
      'L612-1',
    ],
    [
      'negative answer after 3 weeks: mediator open at once',
      'insurer',
      '2026-03-25',
      { complaintSentOn: '2026-03-02', answerReceivedOn: '2026-03-23', answerOutcome: 'rejected' },
      'mediator',
      'open',
      'L612-1',
    ],
    // L612-2 4°: more than one year after the written complaint.
    [
      'more than a year after the complaint: mediator closed',
      'mutuelle',
      '2027-03-03',
      { complaintSentOn: '2026-03-02' },
      'mediator',
      'closed',
      'L612-2',
    ],
    // L612-2 3°: a dispute before a court cannot go to the mediator.
    [
      'court already seized: mediator closed',
      'mutuelle',
      '2026-06-01',
      { complaintSentOn: '2026-03-02', tribunalSeizedOn: '2026-05-20' },
      'mediator',
      'closed',
      'L612-2',
    ],
    // CSS R142-1: a CPAM decision goes to the CRA first; the court only after the CRA.
    [
      'CPAM decision notified: CRA open',
      'cpam',
      '2026-11-23',
      { cpamDecisionNotifiedOn: '2026-11-05' },
      'cra',
      'open',
      'R142-1',
    ],
    [
      'CPAM decision, CRA not seized: court not yet',
      'cpam',
      '2026-11-23',
      { cpamDecisionNotifiedOn: '2026-11-05' },
      'court',
      'not_yet',
      'R142-1',
    ],
    [
      'CPAM decision notified more than 2 months ago: CRA closed',
      'cpam',
      '2027-01-20',
      { cpamDecisionNotifiedOn: '2026-11-05' },
      'cra',
      'closed',
      'R142-1',
    ],
    [
      'no answer, formal notice open',
      'mutuelle',
      '2026-05-20',
      { complaintSentOn: '2026-03-02' },
      'formal_notice',
      'open',
      'C. civ. art. 1344',
    ],
    ['no complaint, no formal notice yet', 'mutuelle', '2026-05-20', {}, 'formal_notice', 'not_yet', '1344'],
  ];

  it.each(cases)('%s', (_label, org, today, facts, id, expected, source) => {
    const steps = ladder(org, today, facts);
    const found = steps.find((s) => s.id === id)!;
    expect(found.status).toBe(expected);
    expect(found.source).toContain(source);
    expect(found.why.length).toBeGreaterThan(10);
  });

  it('names the mediator that fits the organisation', () => {
    expect(
      ladder('mutuelle', '2026-05-04', { complaintSentOn: '2026-03-02' }).find((s) => s.id === 'mediator')
        ?.title,
    ).toMatch(/Mutualité/);
    expect(
      ladder('insurer', '2026-05-04', { complaintSentOn: '2026-03-02' }).find((s) => s.id === 'mediator')
        ?.title,
    ).toMatch(/Médiation de l’Assurance|Médiation de l'Assurance/);
  });

  it('puts the CRA before the mediator and the court for a CPAM file, and has no CRA otherwise', () => {
    const cpam = ladder('cpam', '2026-11-23', { cpamDecisionNotifiedOn: '2026-11-05' }).map((s) => s.id);
    expect(cpam.indexOf('cra')).toBeLessThan(cpam.indexOf('court'));
    expect(ladder('mutuelle', '2026-06-01', {}).map((s) => s.id)).not.toContain('cra');
  });

  it('marks customer service done once a contact is logged', () => {
    expect(statusOf(ladder('mutuelle', '2026-06-01', {}, true), 'customer_service')).toBe('done');
    expect(statusOf(ladder('mutuelle', '2026-06-01', {}, false), 'customer_service')).toBe('open');
  });
});
