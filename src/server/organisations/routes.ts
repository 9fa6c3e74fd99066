import { asc } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { organisationListSchema } from '../../contracts/api/dossiers.ts';
import { organisations } from '../../db/schema.ts';
import type { AppContext } from '../context.ts';

export async function organisationRoutes(app: FastifyInstance, ctx: AppContext) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/organisations',
    {
      schema: {
        tags: ['Organismes'],
        summary:
          'Organismes présents sur Recours (public : le choix de l’organisme à l’ouverture d’un dossier)',
        response: {
          200: organisationListSchema,
        },
      },
    },
    async () => {
      const rows = await ctx.database.db
        .select({ id: organisations.id, name: organisations.name, kind: organisations.kind })
        .from(organisations)
        .orderBy(asc(organisations.name));
      return { organisations: rows };
    },
  );
}
