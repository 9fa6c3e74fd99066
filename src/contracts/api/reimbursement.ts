import { z } from 'zod';
import { ContractSchema, GuaranteeSchema } from '../../domain/reimbursement/schema.ts';

/**
 * The reimbursement answers beyond the engine's own output (`ReimbursementOutputSchema`, which the simulation
 * route and the web share): the guarantees read from a pasted table, the table stored with a file.
 */

/** POST /api/v1/reimbursements/guarantees/import */
export const importedGuaranteesSchema = z.object({ guarantees: z.array(GuaranteeSchema) });

export const storedContractSchema = z
  .object({
    contract: ContractSchema.nullable().describe(
      'Le tableau de garanties enregistré avec le dossier ; null tant qu’aucun ne l’a été.',
    ),
  })
  .describe('Tableau de garanties du dossier');
export type StoredContract = z.infer<typeof storedContractSchema>;
