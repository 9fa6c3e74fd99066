import { describe, expect, it } from 'vitest';
import { computeDeadlines } from '../deadlines/engine.ts';
import type { Category, NextStep, Organisation, Stage } from './labels.ts';
import { type NextStepInput, nextStep } from './next-step.ts';

const TODAY = '2026-11-23';
const base = (over: Partial<NextStepInput>): NextStepInput => ({
  category: 'reimbursement_contested',
  organisation: 'mutuelle',
  stage: 'none',
  today: TODAY,
  ...over,
});

type Row = [
  string,
  { category?: Category; organisation?: Organisation; stage?: Stage } & Partial<NextStepInput>,
  NextStep,
  string,
  string | null,
];

describe('next step (docs/sources.md §1-§3)', () => {
  it.each<Row>([
    // ACPR 2024-R-02 (§1): an oral complaint counts; written if not satisfied at once.
    ['nothing done yet with a mutuelle', {}, 'contact_customer_service', 'complementary.contact', null],
    // C. consom. L612-2 1° (§2): no mediation without a prior written complaint.
    [
      'customer service already called',
      { stage: 'customer_service_contacted' },
      'written_complaint',
      'complementary.write',
      null,
    ],
    // §1 and §3 (FNMF, LMA): mediation 2 months after the written complaint without answer…
    [
      'written 3 months ago, no answer',
      { stage: 'written_complaint_sent', complaintSentOn: '2026-08-20' },
      'mediator',
      'complementary.mediator_open',
      null,
    ],
    // …not before: the 2 months end on the same-numbered day (CPC 641) and the engine opens the window the day
    // after (deadlines/mediation.ts: "lendemain des 2 mois sans réponse"). Before the refactor this table had its
    // own delay and opened on the same-numbered day; the engine is now the one source of the date.
    [
      // L612-2 1°: before 2 months without answer the mediator would reject the referral: remind, wait.
      'written 3 weeks ago',
      { stage: 'written_complaint_sent', complaintSentOn: '2026-11-02' },
      'written_complaint',
      'complementary.mediator_wait',
      '2027-01-03',
    ],
    [
      '2 months to the day: opens tomorrow',
      { stage: 'written_complaint_sent', complaintSentOn: '2026-09-23' },
      'written_complaint',
      'complementary.mediator_wait',
      '2026-11-24',
    ],
    [
      '2 months and a day: open',
      { stage: 'written_complaint_sent', complaintSentOn: '2026-09-22' },
      'mediator',
      'complementary.mediator_open',
      null,
    ],
    // …or at once after a negative answer (§3, Médiateur de la Mutualité).
    [
      'negative answer after 3 weeks',
      { stage: 'written_complaint_sent', complaintSentOn: '2026-11-02', negativeAnswer: true },
      'mediator',
      'complementary.mediator_after_refusal',
      null,
    ],
    [
      'reminder, date unknown',
      { stage: 'reminder_unanswered', organisation: 'insurer' },
      'mediator',
      'complementary.mediator_date_unknown',
      null,
    ],
    // L612-2 (§2): a referral more than one year after the written complaint is inadmissible.
    [
      'complaint 13 months old',
      { stage: 'reminder_unanswered', complaintSentOn: '2025-10-20' },
      'court',
      'complementary.mediation_too_late',
      null,
    ],
    [
      'complaint exactly one year old: still open',
      { stage: 'reminder_unanswered', complaintSentOn: '2025-11-23' },
      'mediator',
      'complementary.mediator_open',
      null,
    ],
    // R612-3/R612-4 (§2): the courts stay open after mediation.
    ['after mediation', { stage: 'mediation' }, 'court', 'complementary.after_mediation', null],
    [
      'already in court',
      { stage: 'court', category: 'cpam_decision', organisation: 'cpam' },
      'court',
      'court.already',
      null,
    ],
    // Termination not taken into account: written request, then formal notice (Code de la mutualité L221-10-2, §5).
    [
      'termination, nothing written',
      { category: 'termination' },
      'written_complaint',
      'termination.write',
      null,
    ],
    [
      'termination sent, still debited',
      { category: 'termination', stage: 'written_complaint_sent' },
      'formal_notice',
      'termination.formal_notice',
      null,
    ],
    [
      'termination, reminders unanswered',
      { category: 'termination', stage: 'reminder_unanswered', complaintSentOn: '2026-06-01' },
      'mediator',
      'complementary.mediator_open',
      null,
    ],
    // CSS R142-1 (§3): a CPAM decision goes to the CRA first, whatever was done before.
    [
      'CPAM decision, nothing done',
      { category: 'cpam_decision', organisation: 'cpam' },
      'cpam_cra',
      'cpam.cra',
      null,
    ],
    [
      'CPAM decision, letter to the service',
      { category: 'cpam_decision', organisation: 'cpam', stage: 'written_complaint_sent' },
      'cpam_cra',
      'cpam.cra',
      null,
    ],
    [
      'CPAM reimbursement, organisation cpam',
      { category: 'reimbursement_contested', organisation: 'cpam' },
      'cpam_cra',
      'cpam.cra',
      null,
    ],
    // L217-7-1: the CPAM mediator suspends the periods but does not replace the CRA.
    [
      'CPAM decision, CPAM mediator seized',
      { category: 'cpam_decision', organisation: 'cpam', stage: 'mediation' },
      'cpam_cra',
      'cpam.cra_after_mediator',
      null,
    ],
    // R142-6 (§3): CRA silence for 2 months = implicit rejection; then the pôle social.
    [
      'CRA seized 3 months ago',
      {
        category: 'cpam_decision',
        organisation: 'cpam',
        stage: 'written_complaint_sent',
        craReferred: true,
        complaintSentOn: '2026-08-10',
      },
      'court',
      'cpam.court_after_implicit_rejection',
      null,
    ],
    [
      'CRA seized 1 month ago',
      {
        category: 'cpam_decision',
        organisation: 'cpam',
        stage: 'written_complaint_sent',
        craReferred: true,
        complaintSentOn: '2026-10-23',
      },
      'cpam_cra',
      'cpam.court_wait_cra',
      // Implicit rejection on 23/12 (R142-6, engine cpam.cra_decision); the tribunal opens the day after.
      '2026-12-24',
    ],
    [
      'CRA rejected',
      {
        category: 'cpam_decision',
        organisation: 'cpam',
        stage: 'written_complaint_sent',
        craReferred: true,
        negativeAnswer: true,
      },
      'court',
      'cpam.court_after_cra',
      null,
    ],
    // L217-7-1 and F20849 (§3): other CPAM disputes — prior approach, then the CPAM mediator, then the Défenseur des droits.
    [
      'CPAM unreachable',
      { category: 'service_quality', organisation: 'cpam' },
      'contact_customer_service',
      'cpam.contact',
      null,
    ],
    [
      'CPAM called',
      { category: 'service_quality', organisation: 'cpam', stage: 'customer_service_contacted' },
      'written_complaint',
      'cpam.write',
      null,
    ],
    [
      'CPAM written to',
      { category: 'rights_suspended', organisation: 'cpam', stage: 'reminder_unanswered' },
      'mediator',
      'cpam.mediator',
      null,
    ],
    // F13158 (§3): the Défenseur des droits, once the usual steps are taken.
    [
      'CPAM mediator already seized',
      { category: 'service_quality', organisation: 'cpam', stage: 'mediation' },
      'association_or_defenseur_des_droits',
      'cpam.defenseur',
      null,
    ],
    // F20849 (§3): the CPAM mediator handles discriminatory refusals of care.
    [
      'refusal of care',
      { category: 'care_refused', organisation: 'unknown' },
      'mediator',
      'care_refused.cpam_mediator',
      null,
    ],
    [
      'refusal of care, mediator seized',
      { category: 'care_refused', organisation: 'cpam', stage: 'mediation' },
      'association_or_defenseur_des_droits',
      'care_refused.after_mediator',
      null,
    ],
  ])('%s', (_name, over, step, rule, opensOn) => {
    const advice = nextStep(base(over));
    expect(advice.step).toBe(step);
    expect(advice.rule).toBe(rule);
    expect(advice.opensOn).toBe(opensOn);
    expect(advice.sources.length).toBeGreaterThan(0);
    expect(advice.reason).toMatch(/[a-zé]/);
  });

  it('warns when the 2 months to refer a CPAM decision to the CRA seem past (R142-1, R142-1-A III)', () => {
    const advice = nextStep(
      base({ category: 'cpam_decision', organisation: 'cpam', decisionNotifiedOn: '2026-08-01' }),
    );
    expect(advice.step).toBe('cpam_cra');
    expect(advice.warnings.join(' ')).toContain('R142-1-A III');
  });

  it('names the mediator of the organisation (§3)', () => {
    const insurer = nextStep(
      base({ organisation: 'insurer', stage: 'written_complaint_sent', negativeAnswer: true }),
    );
    expect(insurer.reason).toContain("Médiation de l'Assurance");
    const mutuelle = nextStep(base({ stage: 'written_complaint_sent', negativeAnswer: true }));
    expect(mutuelle.reason).toContain('Mutualité Française');
  });

  it('takes dated delays from the engine: CRA silence meant rejection after 1 month before 2019, 2 months since (décret 2018-928)', () => {
    const cra = (seizedOn: string, today: string) =>
      nextStep(
        base({
          category: 'cpam_decision',
          organisation: 'cpam',
          stage: 'written_complaint_sent',
          craReferred: true,
          complaintSentOn: seizedOn,
          today,
        }),
      );
    // Seized 01/10/2018: implicit rejection on 01/11/2018 (1 month), tribunal open from 02/11/2018.
    expect(cra('2018-10-01', '2018-11-15').rule).toBe('cpam.court_after_implicit_rejection');
    // Seized 01/10/2019: implicit rejection on 01/12/2019 (2 months): on 15/11/2019 the CRA still has time.
    const since2019 = cra('2019-10-01', '2019-11-15');
    expect(since2019.rule).toBe('cpam.court_wait_cra');
    expect(since2019.opensOn).toBe('2019-12-02');
  });

  // Every date shown comes from the engine: same facts, same dates (the table keeps no delay of its own).
  it.each([
    [
      'mutuelle, complaint 3 weeks ago → mediation window',
      base({ stage: 'written_complaint_sent', complaintSentOn: '2026-11-02' }),
      { organisationType: 'mutuelle', facts: { complaintSentOn: '2026-11-02' } },
      'mediation.referral_window',
    ],
    [
      'unknown organisation is read as a mutuelle (same periods), with a warning',
      base({ organisation: 'unknown', stage: 'reminder_unanswered', complaintSentOn: '2026-06-01' }),
      { organisationType: 'mutuelle', facts: { complaintSentOn: '2026-06-01' } },
      'mediation.referral_window',
    ],
    [
      'insurer, refusal dated → window opens on the answer',
      base({
        organisation: 'insurer',
        stage: 'written_complaint_sent',
        complaintSentOn: '2026-10-01',
        answerReceivedOn: '2026-10-20',
        answerOutcome: 'rejected',
      }),
      {
        organisationType: 'insurer',
        facts: { complaintSentOn: '2026-10-01', answerReceivedOn: '2026-10-20', answerOutcome: 'rejected' },
      },
      'mediation.referral_window',
    ],
    [
      'CPAM decision → CRA referral (rolled over to a working day, CPC 642)',
      base({ category: 'cpam_decision', organisation: 'cpam', decisionNotifiedOn: '2026-11-02' }),
      { organisationType: 'cpam', facts: { cpamDecisionNotifiedOn: '2026-11-02' } },
      'cpam.cra_referral',
    ],
    [
      'CRA seized → tribunal referral',
      base({
        category: 'cpam_decision',
        organisation: 'cpam',
        stage: 'written_complaint_sent',
        craReferred: true,
        complaintSentOn: '2026-10-23',
      }),
      { organisationType: 'cpam', facts: { craSeizedOn: '2026-10-23' } },
      'cpam.tribunal_referral',
    ],
  ] as const)('%s', (_name, input, engineInput, id) => {
    const advice = nextStep(input);
    const engine = computeDeadlines({
      context: { organisationType: engineInput.organisationType, today: TODAY },
      facts: engineInput.facts,
    });
    if (!engine.ok) throw new Error(engine.error.message);
    const expected = engine.value.deadlines.find((d) => d.id === id)!;
    expect(advice.closesOn).toBe(expected.dueDate);
    expect(advice.deadlines.find((d) => d.id === id)).toEqual(expected);
    if (input.organisation === 'unknown')
      expect(advice.warnings.join(' ')).toContain('comme pour une mutuelle');
  });

  it('drops a date the engine refuses (a complaint dated in the future) instead of failing', () => {
    const advice = nextStep(base({ stage: 'written_complaint_sent', complaintSentOn: '2026-12-10' }));
    // Date unknown after dropping it, a single letter: the safer step (a reminder) and the question.
    expect(advice.rule).toBe('complementary.remind_date_unknown');
    expect(advice.deadlines).toEqual([]);
    expect(advice.warnings.join(' ')).toContain("date d'envoi de la réclamation");
    expect(advice.warnings.join(' ')).not.toContain('complaintSentOn');
  });

  it('does not claim "no answer" when the member says a refusal came without its date', () => {
    const advice = nextStep(
      base({ stage: 'written_complaint_sent', complaintSentOn: '2026-11-02', negativeAnswer: true }),
    );
    expect(advice.rule).toBe('complementary.mediator_after_refusal');
    expect(advice.deadlines.map((d) => d.id)).toEqual(['mediation.referral_window']);
    expect(advice.closesOn).toBe('2027-11-02');
  });
});
