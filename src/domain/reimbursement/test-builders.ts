/** Test-data builders shared by the reimbursement tests: sensible defaults, overrides per row. */
import { expect } from 'vitest';
import { simulateReimbursement } from './engine.ts';
import type { ActResult, GuaranteeInput, ReimbursementInput, ReimbursementOutput } from './schema.ts';

type ActInput = ReimbursementInput['acts'][number];

/** A GP consultation in the parcours de soins on 12/03/2026 at 30 €, unless overridden. */
export function anAct(overrides: Partial<ActInput> = {}): ActInput {
  return { date: '2026-03-12', kind: 'consultation_generaliste', pricePaid: 3000, ...overrides };
}

export function aGuarantee(overrides: Partial<GuaranteeInput> = {}): GuaranteeInput {
  return {
    kind: 'consultation_generaliste',
    label: 'Consultations généralistes',
    mode: 'percent_br_including_amo',
    percent: 100,
    ...overrides,
  };
}

/** An adult patient (40), no contract, unless overridden. */
export function anInput(overrides: Partial<ReimbursementInput> = {}): ReimbursementInput {
  return { acts: [anAct()], patient: { age: 40 }, ...overrides };
}

export function simulate(input: ReimbursementInput): ReimbursementOutput {
  const result = simulateReimbursement(input);
  if (!result.ok) expect.fail(`simulation refused: ${result.error.field} ${result.error.message}`);
  return result.value;
}

/** Simulates a single act and returns its result. */
export function simulateOne(act: Partial<ActInput>, overrides: Partial<ReimbursementInput> = {}): ActResult {
  return simulate(anInput({ acts: [anAct(act)], ...overrides })).acts[0]!;
}

export function codes(act: ActResult): string[] {
  return act.explanations.map((e) => e.code);
}
