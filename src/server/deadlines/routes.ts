import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { computeDeadlines } from '../../domain/deadlines/engine.ts';
import { deadlinesInputSchema, deadlinesOutputSchema } from '../../domain/deadlines/schema.ts';
import type { AppContext } from '../context.ts';
import { validatedByDomain } from '../domain-route.ts';
import { domainInputError, errorBodySchema } from '../errors.ts';

/** Public: anyone, signed in or not, may compute the deadlines of a dispute from its dates. */
export async function deadlineRoutes(app: FastifyInstance, _ctx: AppContext) {
  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/v1/deadlines',
    {
      ...validatedByDomain,
      schema: {
        tags: ['Délais'],
        summary: 'Calculer les délais légaux d’un litige à partir de ses dates (public)',
        description:
          'Accusé de réception et réponse (ACPR 2024-R-02), médiateur (C. consom. L612-2, R612-5), prescription biennale, CRA et pôle social (CSS R142-1, R142-6), résiliation, portabilité. Chaque délai cite sa source. Voir docs/deadlines.md.',
        body: deadlinesInputSchema,
        response: { 200: deadlinesOutputSchema, 400: errorBodySchema, 422: errorBodySchema },
      },
    },
    async (request) => {
      const result = computeDeadlines(request.body);
      if (!result.ok) throw domainInputError(result.error);
      return result.value;
    },
  );
}
