import { z } from 'zod';
import { OPINION_CONCLUSIONS, OPINION_STATUSES } from '../../domain/dossiers/medical-opinion.ts';

export const opinionSchema = z.object({
  id: z.string().uuid(),
  dossierId: z.string().uuid(),
  status: z.enum(OPINION_STATUSES).describe('requested : en attente ; answered : avis rendu'),
  statusLabel: z.string(),
  question: z.string().describe('La question du conseiller, sans détail médical'),
  requestedById: z.string().uuid(),
  requestedAt: z.string(),
  conclusion: z.enum(OPINION_CONCLUSIONS).nullable(),
  conclusionLabel: z.string().nullable(),
  summary: z.string().nullable().describe('Ce que l’avis signifie pour le dossier, sans détail médical'),
  medicalDetail: z
    .string()
    .nullable()
    .describe('Détail médical : lu par l’adhérent, le médecin-conseil et le médiateur saisi seulement'),
  medicalDetailWithheld: z
    .boolean()
    .describe('Un détail médical existe mais vous ne pouvez pas le lire (secret médical)'),
  answeredAt: z.string().nullable(),
});
export type Opinion = z.infer<typeof opinionSchema>;

/** GET /api/v1/medical-opinions: the adviser's queue */
export const medicalQueuePageSchema = z.object({
  entries: z.array(
    opinionSchema.extend({
      reference: z.string().describe('Référence du dossier'),
      title: z.string().describe('Titre du dossier'),
      category: z.string(),
      requestedByName: z.string().describe('Le conseiller qui demande l’avis'),
    }),
  ),
  next: z.string().nullable().describe('Curseur de la page suivante, null à la fin'),
});
export type QueueEntry = z.infer<typeof medicalQueuePageSchema>['entries'][number];
export const opinionListSchema = z.object({ opinions: z.array(opinionSchema) });
export const oneOpinionSchema = z.object({ opinion: opinionSchema });
