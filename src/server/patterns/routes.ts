import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { storedSpikesSchema } from '../../contracts/api/patterns.ts';
import { requireUser } from '../auth/session-plugin.ts';
import type { AppContext } from '../context.ts';
import { errorBodySchema } from '../errors.ts';
import { patternOrganisation } from './access.ts';
import { storedPatterns } from './use-cases.ts';

export async function patternRoutes(app: FastifyInstance, ctx: AppContext) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/patterns',
    {
      schema: {
        tags: ['Tendances'],
        summary:
          'Derniers pics de réclamations et alertes de thèmes calculés pour l’organisme (calcul hebdomadaire, lecture seule)',
        response: {
          200: storedSpikesSchema,
          401: errorBodySchema,
          403: errorBodySchema,
          404: errorBodySchema,
        },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const organisationId = patternOrganisation(user);
      const { spikes: stored, themeAlerts } = await storedPatterns(ctx.database, organisationId);
      if (!stored) {
        return {
          computedAt: null,
          period: null,
          message:
            'Les tendances sont calculées chaque lundi pour la semaine écoulée ; aucun calcul n’a encore eu lieu pour votre organisme.',
          alerts: [],
          themeAlerts,
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
        themeAlerts,
      };
    },
  );
}
