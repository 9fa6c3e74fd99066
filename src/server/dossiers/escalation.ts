import { count, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { escalationSchema, escalationStepSchema } from '../../contracts/api/dossiers.ts';
import { contacts } from '../../db/schema.ts';
import type { Facts } from '../../domain/deadlines/schema.ts';
import { escalationLadder, STEP_IDS } from '../../domain/escalation/ladder.ts';
import { LETTER_TYPES } from '../../domain/letters/schema.ts';
import { requireUser } from '../auth/session-plugin.ts';
import type { AppContext } from '../context.ts';
import { AppError, errorBodySchema } from '../errors.ts';
import { deadlinesOf, mediatorChoiceOf } from '../shared/deadline-projection.ts';
import { openDossier } from './use-cases.ts';

export async function escalationRoutes(app: FastifyInstance, ctx: AppContext) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/dossiers/:id/escalation',
    {
      schema: {
        tags: ['Dossiers'],
        summary: 'Échelle des recours du dossier : chaque marche, ouverte ou non, et pourquoi',
        params: z.object({ id: z.string().uuid('Identifiant de dossier invalide') }),
        response: {
          200: escalationSchema,
          401: errorBodySchema,
          404: errorBodySchema,
        },
      },
    },
    async (request) => {
      const dossier = await openDossier(ctx, requireUser(request), request.params.id);
      const mediator = await mediatorChoiceOf(ctx.database.db, dossier);
      const deadlines = deadlinesOf(dossier, ctx.now(), mediator);
      if (!deadlines.ok) throw AppError.fromDomain(deadlines.error);
      const [logged] = await ctx.database.db
        .select({ n: count() })
        .from(contacts)
        .where(eq(contacts.dossierId, dossier.id));
      const steps = escalationLadder({
        deadlines: deadlines.value,
        facts: dossier.facts as Facts,
        customerServiceContacted: (logged?.n ?? 0) > 0,
        amountCents: dossier.amountCents,
      });
      return { steps };
    },
  );
}
