import { z } from 'zod';
import { DIMENSIONS } from '../../domain/patterns/cells.ts';

/**
 * The stored spikes of an organisation (GET /api/v1/patterns, issue 15): the route declares the answer and the web
 * parses it with the same schema (the « Tendances » page and the dashboard's card).
 */
export const spikeAlertSchema = z.object({
  dimensions: z
    .object(Object.fromEntries(DIMENSIONS.map((d) => [d, z.string().optional()])))
    .describe('La combinaison concernée : catégorie, produit, région, canal (une à trois)'),
  weekStart: z.string().describe('Lundi de la semaine (AAAA-MM-JJ)'),
  observed: z.number().int().describe('Réclamations reçues cette semaine'),
  expected: z.number().describe('Réclamations attendues d’après l’historique'),
  score: z.number().describe('Rareté : −log₁₀ de la probabilité d’un tel nombre (3 = une chance sur 1 000)'),
  explanation: z.string().describe('Explication en français'),
});
export type SpikeAlert = z.infer<typeof spikeAlertSchema>;

export const storedSpikesSchema = z.object({
  computedAt: z.string().nullable().describe('Date et heure du dernier calcul (null : jamais calculé)'),
  period: z.object({ from: z.string(), to: z.string() }).nullable(),
  message: z.string().nullable().describe('Ce qui manque quand l’historique est trop court'),
  alerts: z.array(spikeAlertSchema),
});
