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

// Issue 16: the ladder agrees with the contact log, names « le Médiateur de la Mutualité Française », and does not
// call the court « possible maintenant » while mediation is the expected step (CPC art. 750-1, up to 5 000 €).
describe('ladder wording and the court step', () => {
  const withAmount = (facts: Partial<Facts>, amountCents: number | null, today = '2026-06-01') => {
    const result = computeDeadlines({
      context: { organisationType: 'mutuelle', zone: 'metropole', today },
      facts,
    });
    if (!result.ok) throw new Error(result.error.message);
    return escalationLadder({
      deadlines: result.value,
      facts: facts as Facts,
      customerServiceContacted: false,
      amountCents,
    });
  };
  const answered = {
    complaintSentOn: '2026-03-02',
    answerReceivedOn: '2026-04-01',
    answerOutcome: 'rejected' as const,
  };

  it('customer service is not « Fait » while the contact log is empty, even after a written complaint', () => {
    const steps = ladder('mutuelle', '2026-06-01', { complaintSentOn: '2026-03-02' }, false);
    expect(statusOf(steps, 'customer_service')).toBe('open');
    expect(steps.find((s) => s.id === 'customer_service')!.why).toContain('Aucun contact noté');
    expect(statusOf(ladder('mutuelle', '2026-06-01', {}, true), 'customer_service')).toBe('done');
  });

  it('« Saisir le Médiateur de la Mutualité Française »', () => {
    const steps = ladder('mutuelle', '2026-06-01', answered);
    expect(steps.find((s) => s.id === 'mediator')!.title).toBe(
      'Saisir le Médiateur de la Mutualité Française',
    );
  });

  it.each([
    ['1 200 € refused, mediation open → court not yet (CPC 750-1)', answered, 120_000, 'not_yet'],
    ['amount unknown, mediation open → court not yet', answered, null, 'not_yet'],
    ['5 000 € exactly → still not yet', answered, 500_000, 'not_yet'],
    ['8 000 € → court open (750-1 does not apply)', answered, 800_000, 'open'],
    [
      '1 200 € after the mediation ended → court open',
      { ...answered, mediatorSeizedOn: '2026-04-10', mediationEndedOn: '2026-05-20' },
      120_000,
      'open',
    ],
  ] as const)('%s', (_name, facts, amount, status) => {
    const court = withAmount(facts, amount).find((s) => s.id === 'court')!;
    expect(court.status).toBe(status);
    if (status === 'not_yet') expect(court.why).toContain('750-1');
  });

  it('the court step says when a lawyer is needed and where legal aid is asked for', () => {
    const court = withAmount(
      { ...answered, mediatorSeizedOn: '2026-04-10', mediationEndedOn: '2026-05-20' },
      120_000,
    ).find((s) => s.id === 'court')!;
    expect(court.action).toContain('761');
    expect(court.action).toContain('aide juridictionnelle');
  });

  it.each([
    ['1 200 € after the mediation: the requête (CPC art. 750: up to 5 000 €)', 120_000, 'requete_tribunal'],
    ['8 000 €: an assignation, no document drafted', 800_000, undefined],
  ] as const)('offers the court document: %s', (_name, amount, letterType) => {
    const court = withAmount(
      { ...answered, mediatorSeizedOn: '2026-04-10', mediationEndedOn: '2026-05-20' },
      amount,
    ).find((s) => s.id === 'court')!;
    expect(court.letterType).toBe(letterType);
    if (!letterType) expect(court.action).toContain('assignation');
  });

  it('offers the referral to the pôle social once the CRA rejected (CSS R142-1-A), lawyer and legal aid said', () => {
    const result = computeDeadlines({
      context: { organisationType: 'cpam', zone: 'metropole', today: '2026-11-23' },
      facts: {
        cpamDecisionNotifiedOn: '2026-07-01',
        craSeizedOn: '2026-09-10',
        craDecisionNotifiedOn: '2026-11-02',
        craDecisionMentionedRemedies: true,
      },
    });
    if (!result.ok) throw new Error(result.error.message);
    const court = escalationLadder({
      deadlines: result.value,
      facts: { craSeizedOn: '2026-09-10', craDecisionNotifiedOn: '2026-11-02' } as Facts,
      customerServiceContacted: true,
    }).find((s) => s.id === 'court')!;
    expect(court).toMatchObject({ status: 'open', letterType: 'saisine_pole_social' });
    expect(court.action).toContain('L134-4');
    expect(court.action).toContain('aide juridictionnelle');
  });
});
