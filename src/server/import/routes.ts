import type { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { importReportSchema } from '../../contracts/api/import.ts';
import { ADMIN_ROLES } from '../../domain/kpi/access.ts';
import { requireUser } from '../auth/session-plugin.ts';
import type { AppContext } from '../context.ts';
import { AppError, errorBodySchema } from '../errors.ts';
import { requireOrganisationRole } from '../shared/steering-access.ts';
import { type ImportFormat, readImportFile } from './read-records.ts';
import { importComplaints } from './use-cases.ts';

/** A register's history is large (100 000 lines ≈ 15 MB): the body is streamed, never held in memory. */
const MAX_IMPORT_BYTES = 200 * 1024 * 1024;
const FORMATS: Record<string, ImportFormat> = { 'text/csv': 'csv', 'application/x-ndjson': 'jsonl' };

export async function importRoutes(app: FastifyInstance, ctx: AppContext) {
  await app.register(async (scope) => {
    // The file arrives as the raw body (text/csv or application/x-ndjson), handed over as a stream.
    scope.addContentTypeParser(Object.keys(FORMATS), (_request, payload, done) => done(null, payload));
    const r = scope.withTypeProvider<ZodTypeProvider>();
    r.post(
      '/api/v1/import/complaints',
      {
        bodyLimit: MAX_IMPORT_BYTES,
        schema: {
          tags: ['Pilotage'],
          summary: 'Importer l’historique du registre (CSV ou JSON Lines) : aperçu puis import',
          description:
            'Administrateurs. Corps : le fichier, en text/csv (ligne d’en-tête) ou application/x-ndjson. Colonnes : docs/import.md. Tout ou rien par défaut ; idempotent sur la référence.',
          consumes: Object.keys(FORMATS),
          querystring: z.object({
            dryRun: z
              .enum(['true', 'false'])
              .default('true')
              .describe('true (par défaut) : aperçu, rien n’est enregistré'),
            skipInvalid: z
              .enum(['true', 'false'])
              .default('false')
              .describe('true : importer les lignes correctes seulement'),
          }),
          response: {
            200: importReportSchema,
            400: errorBodySchema,
            401: errorBodySchema,
            403: errorBodySchema,
            413: errorBodySchema,
            415: errorBodySchema,
          },
        },
      },
      async (request) => {
        const user = requireUser(request);
        const organisationId = requireOrganisationRole(user, ADMIN_ROLES);
        const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim();
        const format = FORMATS[type];
        if (!format || !request.body) {
          throw new AppError(
            'UNSUPPORTED_MEDIA_TYPE',
            'Envoyez un fichier CSV ou JSON Lines (.jsonl).',
            'file',
          );
        }
        return importComplaints(ctx.database.db, readImportFile(request.body as Readable, format), {
          organisation: { id: organisationId },
          skipInvalid: request.query.skipInvalid === 'true',
          dryRun: request.query.dryRun === 'true',
          actorId: user.id,
          now: ctx.now(),
        });
      },
    );
  });
}
