import { useMutation } from '@tanstack/react-query';
import { importedGuaranteesSchema } from '../../../../src/contracts/api/reimbursement.ts';
import {
  type ReimbursementInput,
  ReimbursementOutputSchema,
} from '../../../../src/domain/reimbursement/schema.ts';
import { apiSend } from '../../shared/api-client.ts';

export type {
  ActResult,
  Explanation,
  GuaranteeRef,
  ReimbursementOutput as Simulation,
  Shortfall,
  Totals,
} from '../../../../src/domain/reimbursement/schema.ts';

/** Public (no account, nothing stored): what the Assurance maladie and the contract owe, and the shortfalls. */
export function useSimulateReimbursement() {
  return useMutation({
    mutationFn: (input: ReimbursementInput) =>
      apiSend('/api/v1/reimbursements/simulate', { body: input, schema: ReimbursementOutputSchema }),
  });
}

/** Reads a table of guarantees pasted as CSV or JSON. */
export function useImportGuarantees() {
  return useMutation({
    mutationFn: (body: { format: 'csv' | 'json'; text: string }) =>
      apiSend('/api/v1/reimbursements/guarantees/import', {
        body,
        schema: importedGuaranteesSchema,
      }).then((answer) => answer.guarantees),
  });
}
