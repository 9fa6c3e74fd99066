import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listDocuments } from '../../db/repositories/dossier-documents.ts';
import { checklistOf } from '../../domain/dossiers/checklist.ts';
import { requireUser } from '../auth/session-plugin.ts';
import type { AppContext } from '../context.ts';
import { errorBodySchema } from '../errors.ts';
import { dossierParams, readDossierPart } from '../shared/dossier-access.ts';

export const checklistSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      label: z.string().describe('La pièce à réunir'),
      required: z.boolean().describe('false : utile quand elle existe (ordonnance, devis…)'),
      why: z.string().describe('Pourquoi elle compte, avec sa source'),
      done: z.boolean().describe('Une pièce de cette nature est déjà au dossier'),
      documentIds: z.array(z.string().uuid()),
    }),
  ),
  missing: z.number().int().describe('Pièces indispensables encore manquantes'),
  complete: z.boolean(),
});

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
