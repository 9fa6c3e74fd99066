import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { checklistSchema } from '../../contracts/api/dossiers.ts';
import { listDocuments } from '../../db/repositories/dossier-documents.ts';
import { checklistOf } from '../../domain/dossiers/checklist.ts';
import { requireUser } from '../auth/session-plugin.ts';
import type { AppContext } from '../context.ts';
import { errorBodySchema } from '../errors.ts';
import { dossierParams, readDossierPart } from '../shared/dossier-access.ts';

export async function checklistRoutes(app: FastifyInstance, ctx: AppContext) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/dossiers/:id/checklist',
    {
      schema: {
        tags: ['Pièces'],
        summary: 'Pièces à réunir pour ce type de litige, cochées d’après les pièces déjà déposées',
        params: dossierParams,
        response: { 200: checklistSchema, 401: errorBodySchema, 404: errorBodySchema },
      },
    },
    async (request) => {
      const dossier = await readDossierPart(ctx, requireUser(request), request.params.id, 'checklist');
      const documents = await listDocuments(ctx.database.db, dossier.id);
      return checklistOf(dossier.category, documents);
    },
  );
}
