import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import type { GuaranteeInput, ReimbursementInput } from '../../../../src/domain/reimbursement/schema.ts';
import { apiSend } from '../../shared/api-client.ts';

// Kinds, codes and payers stay plain strings here: a value the server adds later is shown raw (see labels.ts)
// instead of making the whole breakdown fail to load.
const explanationSchema = z.object({
  field: z.string(),
  code: z.string(),
  amount: z.number().int().optional(),
  text: z.string(),
  source: z.string(),
});
export type Explanation = z.infer<typeof explanationSchema>;

const guaranteeRefSchema = z.object({ index: z.number().int(), label: z.string(), value: z.string() });
export type GuaranteeRef = z.infer<typeof guaranteeRefSchema>;

const actResultSchema = z.object({
  index: z.number().int(),
  id: z.string(),
  date: z.string(),
  kind: z.string(),
  label: z.string(),
  pricePaid: z.number().int(),
  forfaitJournalier: z.number().int(),
  totalExpense: z.number().int(),
  baseRemboursement: z.number().int(),
  amoRate: z.number(),
  depassement: z.number().int(),
  amoGross: z.number().int(),
  ticketModerateur: z.number().int(),
  majorationHorsParcours: z.number().int(),
  heavyActFlat: z.number().int(),
  emergencyFlat: z.number().int(),
  participationForfaitaire: z.number().int(),
  franchise: z.number().int(),
  amoNet: z.number().int(),
  amc: z.number().int(),
  amcComponents: z.array(
    z.object({
      component: z.string(),
      payer: z.string(),
      guarantee: guaranteeRefSchema.nullable(),
      amount: z.number().int(),
      imposedByLaw: z.number().int(),
    }),
  ),
  resteACharge: z.number().int(),
  explanations: z.array(explanationSchema),
});
export type ActResult = z.infer<typeof actResultSchema>;

const totalsSchema = z.object({
  pricePaid: z.number().int(),
  forfaitJournalier: z.number().int(),
  totalExpense: z.number().int(),
  baseRemboursement: z.number().int(),
  depassement: z.number().int(),
  amoGross: z.number().int(),
  ticketModerateur: z.number().int(),
  participationForfaitaire: z.number().int(),
  franchise: z.number().int(),
  amoNet: z.number().int(),
  amc: z.number().int(),
  resteACharge: z.number().int(),
});
export type Totals = z.infer<typeof totalsSchema>;

const shortfallSchema = z.object({
  actId: z.string(),
  actIndex: z.number().int(),
  date: z.string(),
  payer: z.string(),
  expected: z.number().int(),
  paid: z.number().int(),
  difference: z.number().int(),
  direction: z.string(),
  guarantees: z.array(guaranteeRefSchema),
  sentence: z.string(),
});
export type Shortfall = z.infer<typeof shortfallSchema>;

export const simulationSchema = z.object({
  acts: z.array(actResultSchema),
  totals: totalsSchema,
  yearCounters: z.array(
    z.object({
      year: z.number().int(),
      participationForfaitaire: z.number().int(),
      franchises: z.number().int(),
    }),
  ),
  shortfalls: z.array(shortfallSchema),
  warnings: z.array(explanationSchema),
});
export type Simulation = z.infer<typeof simulationSchema>;

/** Public (no account, nothing stored): what the Assurance maladie and the contract owe, and the shortfalls. */
export function useSimulateReimbursement() {
  return useMutation({
    mutationFn: (input: ReimbursementInput) =>
      apiSend('/api/v1/reimbursements/simulate', { body: input, schema: simulationSchema }),
  });
}

// The import answers the domain's guarantee lines; they are turned into form rows, so only their shape matters.
const importedGuaranteeSchema = z
  .object({
    kind: z.string(),
    label: z.string(),
    practitioner: z.string().optional(),
    panier: z.string().optional(),
    mode: z.string(),
    percent: z.number().optional(),
    amount: z.number().int().optional(),
    amountPer: z.string().optional(),
    yearlyCeiling: z.number().int().optional(),
    yearlyCount: z.number().int().optional(),
    periodYears: z.number().int().optional(),
    alreadyUsed: z
      .object({ amount: z.number().int().optional(), count: z.number().int().optional() })
      .optional(),
  })
  .transform((g) => g as GuaranteeInput);

/** Reads a table of guarantees pasted as CSV or JSON. */
export function useImportGuarantees() {
  return useMutation({
    mutationFn: (body: { format: 'csv' | 'json'; text: string }) =>
      apiSend('/api/v1/reimbursements/guarantees/import', {
        body,
        schema: z.object({ guarantees: z.array(importedGuaranteeSchema) }),
      }).then((answer) => answer.guarantees),
  });
}
