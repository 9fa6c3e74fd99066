import { describe, expect, it } from 'vitest';
import { analyseText } from './analyse.ts';
import { triageText } from './answers.ts';
import { triageModel } from './model-loader.ts';
import { HIGH_AMOUNT_CENTS, priorityOf } from './priority.ts';
import type { TriageAnswers } from './schema.ts';

const TODAY = '2026-11-23';
const diagnose = (text: string, answers: TriageAnswers = {}) => {
  const r = triageText({ text, answers }, TODAY, triageModel);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

describe('priorityOf (back office)', () => {
  it.each([
    // CSS R142-1: a CPAM decision received on 25/09 must go to the CRA by 25/11 (engine): 2 days left → urgent.
    [
      'a CRA deadline closes in 2 days',
      diagnose('La CPAM refuse de me rembourser mes soins, je conteste la décision', {
        organisation: 'cpam',
        decisionNotifiedOn: '2026-09-25',
      }),
      'urgent',
    ],
    // The 7-day boundary is included: 30/09 + 2 months = 30/11, 7 days left.
    [
      'exactly 7 days left',
      diagnose('La CPAM refuse de me rembourser mes soins, je conteste la décision', {
        organisation: 'cpam',
        decisionNotifiedOn: '2026-09-30',
      }),
      'urgent',
    ],
    // 8 days left: not urgent on that ground.
    [
      '8 days left',
      diagnose('La CPAM refuse de me rembourser mes soins, je conteste la décision', {
        organisation: 'cpam',
        decisionNotifiedOn: '2026-10-01',
      }),
      'normal',
    ],
    [
      'in court',
      diagnose("ma mutuelle ne m'a remboursé que 9 € sur ma couronne", { stage: 'court' }),
      'urgent',
    ],
    [
      'a reminder unanswered',
      diagnose("ma mutuelle ne m'a remboursé que 9 € sur ma couronne", { stage: 'reminder_unanswered' }),
      'high',
    ],
    [
      'an amount above the threshold',
      diagnose("ma mutuelle ne m'a remboursé que 9 € sur ma couronne", { amountCents: 150_000 }),
      'high',
    ],
    [
      'an amount at the threshold is not above it',
      diagnose("ma mutuelle ne m'a remboursé que 9 € sur ma couronne", { amountCents: 100_000 }),
      'normal',
    ],
    [
      'a small reimbursement, nothing done',
      analyseText("ma mutuelle ne m'a remboursé que 9 € sur ma couronne", TODAY, triageModel),
      'normal',
    ],
  ])('%s → %s', (_name, diagnosis, priority) => {
    expect(priorityOf(diagnosis, TODAY).priority).toBe(priority);
  });

  it('keeps its amount threshold as a dated, sourced parameter', () => {
    expect(HIGH_AMOUNT_CENTS[0]).toMatchObject({
      value: 100_000,
      source: expect.stringContaining('docs/triage.md'),
    });
  });
});
