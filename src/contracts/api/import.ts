import { z } from 'zod';

/** POST /api/v1/import/complaints: what a register import read, refused, and saved (or would save, in preview). */
import { IMPORT_COLUMNS } from '../../domain/register/import-line.ts';

export const importReportSchema = z
  .object({
    organisation: z.object({ id: z.string().uuid(), name: z.string(), created: z.boolean() }),
    lines: z.number().int().describe('Lignes lues (hors en-tête)'),
    imported: z.number().int().describe('Réclamations importées (ou qui le seraient, en aperçu)'),
    alreadyImported: z.number().int().describe('Références déjà importées : ignorées'),
    invalid: z.number().int().describe('Lignes refusées'),
    errors: z
      .array(
        z.object({
          line: z.number().int().describe('Numéro de ligne dans le fichier'),
          column: z.enum(IMPORT_COLUMNS).nullable().describe('Colonne en cause'),
          message: z.string().describe('Ce qui ne va pas, en français'),
        }),
      )
      .describe('Les 1 000 premières erreurs'),
    errorsTruncated: z.boolean(),
    fileErrors: z.array(z.string()).describe('Problèmes du fichier entier (en-tête)'),
    preview: z
      .array(
        z.object({
          line: z.number().int(),
          reference: z.string(),
          receivedOn: z.string(),
          channel: z.string(),
          category: z.string(),
          product: z.string(),
          region: z.string(),
          acknowledgedOn: z.string().optional(),
          answeredOn: z.string().optional(),
          outcome: z.string().optional(),
          mediationReferredOn: z.string().optional(),
          satisfaction: z.number().int().optional(),
          text: z.string(),
        }),
      )
      .describe('Les 20 premières réclamations lues'),
    committed: z.boolean().describe('true : enregistré ; false : aperçu, ou fichier refusé (tout ou rien)'),
  })
  .describe('Compte rendu d’import');
export type ImportReport = z.infer<typeof importReportSchema>;
