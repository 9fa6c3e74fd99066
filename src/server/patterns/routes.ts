import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DIMENSIONS } from '../../domain/patterns/cells.ts';
import { requireUser } from '../auth/session-plugin.ts';
import type { AppContext } from '../context.ts';
import { errorBodySchema } from '../errors.ts';
import { patternOrganisation } from './access.ts';
import { storedPatterns } from './use-cases.ts';

const alertSchema = z.object({
  dimensions: z
    .object(Object.fromEntries(DIMENSIONS.map((d) => [d, z.string().optional()])))
    .describe('La combinaison concernée : catégorie, produit, région, canal (une à trois)'),
  weekStart: z.string().describe('Lundi de la semaine (AAAA-MM-JJ)'),
  observed: z.number().int().describe('Réclamations reçues cette semaine'),
  expected: z.number().describe('Réclamations attendues d’après l’historique'),
  score: z.number().describe('Rareté : −log₁₀ de la probabilité d’un tel nombre (3 = une chance sur 1 000)'),
  explanation: z.string().describe('Explication en français'),
});

export async function patternRoutes(app: FastifyInstance, ctx: AppContext) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/patterns',
    {
      schema: {
        tags: ['Tendances'],
        summary:
          'Derniers pics de réclamations calculés pour l’organisme (calcul hebdomadaire, lecture seule)',
        response: {
          200: z.object({
            computedAt: z
              .string()
              .nullable()
              .describe('Date et heure du dernier calcul (null : jamais calculé)'),
            period: z.object({ from: z.string(), to: z.string() }).nullable(),
            message: z.string().nullable().describe('Ce qui manque quand l’historique est trop court'),
            alerts: z.array(alertSchema),
          }),
          401: errorBodySchema,
          403: errorBodySchema,
          404: errorBodySchema,
        },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const organisationId = patternOrganisation(user);
      const stored = await storedPatterns(ctx.database, organisationId);
      if (!stored) {
        return {
          computedAt: null,
          period: null,
          message:
            'Les tendances sont calculées chaque lundi pour la semaine écoulée ; aucun calcul n’a encore eu lieu pour votre organisme.',
          alerts: [],
        };
      }
      return {
        computedAt: stored.run.computedAt.toISOString(),
        period: { from: stored.run.periodFrom, to: stored.run.periodTo },
        message: stored.run.message,
        alerts: stored.alerts.map((a) => ({
          dimensions: a.dimensions as Record<string, string>,
          weekStart: a.weekStart,
          observed: a.observed,
          expected: a.expected,
          score: a.score,
          explanation: a.explanation,
        })),
      };
    },
  );
}
