import { describe, expect, it } from 'vitest';
import { analyseText, readText } from './analyse.ts';
import { applyAnswers, applyProposal, checkAnswers, triageText } from './answers.ts';
import { triageModel } from './model-loader.ts';
import type { Diagnosis, TriageAnswers } from './schema.ts';
import { diagnosisSchema } from './schema.ts';

const TODAY = '2026-11-23';
const CROWN = "ma mutuelle ne m'a remboursé que 9 € sur ma couronne";
const WRITTEN =
  "J'ai envoyé une réclamation écrite à ma mutuelle pour mon remboursement de lunettes, pas de réponse.";
const PHARMACY = "on m'a dit à la pharmacie que je n'avais plus de droits";
const VAGUE = "j'ai un souci";

const diagnose = (text: string, answers?: TriageAnswers): Diagnosis => {
  const result = triageText({ text, ...(answers ? { answers } : {}) }, TODAY, triageModel);
  if (!result.ok) throw new Error(result.error.message);
  return diagnosisSchema.parse(result.value);
};

type Row = [
  name: string,
  text: string,
  answers: TriageAnswers,
  expected: Partial<Pick<Diagnosis, 'category' | 'organisation' | 'stage' | 'nextStep' | 'nextStepRule'>> & {
    questionsAbsent?: string[];
    questionsPresent?: string[];
    summary?: RegExp;
    deadlineIds?: string[];
    closesOn?: string | null;
    opensOn?: string | null;
  },
];

describe('answers over the analysis of the text (each row: what the member said, what changes)', () => {
  it.each<Row>([
    // The stage question disappears once answered; the customer service was called → write (C. consom. L612-2 1°).
    [
      'stage answered: customer service called',
      CROWN,
      { stage: 'customer_service_contacted' },
      { stage: 'customer_service_contacted', nextStep: 'written_complaint', questionsAbsent: ['stage'] },
    ],
    // A written complaint dated by the member: the engine opens the mediator the day after 2 months and closes
    // it 1 year after the complaint (L612-2 4°).
    [
      'complaint date answered, 3 weeks ago',
      WRITTEN,
      { complaintSentOn: '2026-11-02' },
      {
        nextStepRule: 'complementary.mediator_wait',
        opensOn: '2027-01-03',
        closesOn: '2027-11-02',
        questionsAbsent: ['complaint_date'],
        deadlineIds: ['complaint.answer', 'mediation.referral_window'],
        summary: /le 02\/11\/2026/,
      },
    ],
    // A rejection dated by the member opens the mediator at once (engine: window opens on the answer).
    [
      'negative answer dated',
      WRITTEN,
      { complaintSentOn: '2026-11-02', answerReceivedOn: '2026-11-10', answerOutcome: 'rejected' },
      { nextStepRule: 'complementary.mediator_after_refusal', opensOn: null, closesOn: '2027-11-02' },
    ],
    // Organisation corrected to the CPAM on a reimbursement: a CPAM decision goes to the CRA (CSS R142-1).
    [
      'organisation corrected to the CPAM',
      CROWN,
      { organisation: 'cpam' },
      {
        organisation: 'cpam',
        nextStep: 'cpam_cra',
        questionsPresent: ['decision_date'],
        summary: /auprès de votre CPAM/,
      },
    ],
    // …and with the decision date, the CRA deadline comes from the engine (2 months, CPC 641/642).
    [
      'CPAM decision dated',
      CROWN,
      { organisation: 'cpam', decisionNotifiedOn: '2026-11-02' },
      {
        nextStep: 'cpam_cra',
        closesOn: '2027-01-04',
        deadlineIds: ['cpam.cra_referral'],
        questionsAbsent: ['decision_date'],
      },
    ],
    // Who is it with? The question goes once answered.
    [
      'organisation answered',
      PHARMACY,
      { organisation: 'mutuelle' },
      { organisation: 'mutuelle', questionsAbsent: ['organisation'], summary: /auprès de votre mutuelle/ },
    ],
    // Category chosen among the proposals: the category question goes, the documents follow the category.
    [
      'category chosen on a vague text',
      VAGUE,
      { category: 'termination' },
      { category: 'termination', questionsAbsent: ['category'], summary: /résiliation/ },
    ],
    // An amount stated: the amount question goes and the summary says it.
    [
      'amount answered',
      CROWN,
      { amountCents: 12_000 },
      { questionsAbsent: ['amount'], summary: /montant en jeu : 120,00/ },
    ],
    // Already in court (C. consom. L612-2 3°): whatever else was said, the judge.
    [
      'stage corrected to court',
      CROWN,
      { stage: 'court' },
      { nextStep: 'court', nextStepRule: 'court.already' },
    ],
  ])('%s', (_name, text, answers, expected) => {
    const d = diagnose(text, answers);
    for (const key of ['category', 'organisation', 'stage', 'nextStep', 'nextStepRule'] as const) {
      if (expected[key] !== undefined) expect(d[key]).toBe(expected[key]);
    }
    const ids = d.questions.map((q) => q.id);
    for (const id of expected.questionsAbsent ?? []) expect(ids).not.toContain(id);
    for (const id of expected.questionsPresent ?? []) expect(ids).toContain(id);
    if (expected.summary) expect(d.summary).toMatch(expected.summary);
    if (expected.deadlineIds) expect(d.deadlines.map((x) => x.id)).toEqual(expected.deadlineIds);
    if (expected.closesOn !== undefined) expect(d.nextStepClosesOn).toBe(expected.closesOn);
    if (expected.opensOn !== undefined) expect(d.nextStepOpensOn).toBe(expected.opensOn);
    // Every answered field is recorded, with confidence 1 for labels and the member as evidence.
    expect(d.answered.sort()).toEqual(Object.keys(answers).sort());
    for (const field of ['category', 'organisation', 'stage'] as const) {
      if (answers[field] === undefined) continue;
      expect(d.confidence[field]).toBe(1);
      expect(d.evidence.find((e) => e.field === field)).toMatchObject({
        rule: `answer.${field}`,
        detail: expect.stringContaining("Réponse de l'adhérent"),
      });
    }
  });

  it('without answers, gives exactly the analysis of the text', () => {
    expect(diagnose(CROWN)).toEqual(analyseText(CROWN, TODAY, triageModel));
    expect(diagnose(CROWN, {})).toEqual(analyseText(CROWN, TODAY, triageModel));
  });

  it('a changed category reads the stage again with its own cues (a termination request is a written step)', () => {
    const text = "j'ai envoyé ma résiliation il y a deux mois et ils prélèvent toujours";
    const reading = readText(text, TODAY, triageModel);
    const asContributions = applyAnswers(reading, { category: 'contributions' });
    const back = applyAnswers(asContributions, { category: 'termination' });
    expect(back.stage).toBe(reading.stage);
  });

  it.each([
    // Answers are facts that happened: not after today; an answer does not precede its complaint.
    [{ complaintSentOn: '2026-12-01' }, 'date_in_future', 'answers.complaintSentOn'],
    [{ decisionNotifiedOn: '2027-01-01' }, 'date_in_future', 'answers.decisionNotifiedOn'],
    [
      { complaintSentOn: '2026-10-01', answerReceivedOn: '2026-09-01', answerOutcome: 'rejected' as const },
      'inconsistent_dates',
      'answers.answerReceivedOn',
    ],
  ])('refuses incoherent answers %j, naming the field', (answers, code, field) => {
    const checked = checkAnswers(answers, TODAY);
    expect(checked.ok).toBe(false);
    if (!checked.ok) {
      expect(checked.error).toMatchObject({ code, field });
      expect(checked.error.message).toMatch(/[a-zé]/);
    }
  });
});

describe('a proposal of the language model', () => {
  it('changes labels, with its evidence, but the next step stays the rules’', () => {
    const reading = readText(PHARMACY, TODAY, triageModel);
    const refined = applyProposal(reading, { organisation: 'cpam' }, 'test-model');
    expect(refined.organisation).toBe('cpam');
    expect(refined.evidence.organisation.rule).toBe('llm.organisation');
    expect(refined.evidence.organisation.detail).toContain('Modèle de langage (test-model)');
    // An answer still wins over the model.
    expect(applyAnswers(refined, { organisation: 'mutuelle' }).organisation).toBe('mutuelle');
  });
});
