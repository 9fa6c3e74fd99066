import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { logAuditEvent } from '../../db/repositories/audit.ts';
import { organisationOf } from '../../db/repositories/users.ts';
import { parisDateOf } from '../../domain/shared/calendar-date.ts';
import { requireUser } from '../auth/session-plugin.ts';
import type { AppContext } from '../context.ts';
import { errorBodySchema } from '../errors.ts';
import { requireOrganisationRole } from '../shared/steering-access.ts';
import { acprCsv, acprPdf, acprRows } from './acpr.ts';

export async function reportRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/reports/acpr',
    {
      schema: {
        tags: ['Pilotage'],
        summary: 'Chiffres « réclamations » du questionnaire annuel ACPR pour une année (CSV ou PDF)',
        querystring: z.object({
          year: z.coerce
            .number()
            .int('Année invalide')
            .min(2000, 'Année invalide : 2000 au plus tôt')
            .max(2100, 'Année invalide')
            .describe('Année de réception des réclamations'),
          format: z.enum(['csv', 'pdf']).default('csv'),
        }),
        produces: ['text/csv', 'application/pdf'],
        response: {
          200: z.any().describe('Fichier CSV ou PDF'),
          400: errorBodySchema,
          401: errorBodySchema,
          403: errorBodySchema,
        },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const organisationId = requireOrganisationRole(user);
      const now = ctx.now();
      const { year, format } = request.query;
      const rows = await acprRows(ctx.database.db, organisationId, year, parisDateOf(now));
      await logAuditEvent(ctx.database.db, {
        dossierId: null,
        actorId: user.id,
        type: 'report.acpr_exported',
        payload: { year, format },
        occurredAt: now,
      });
      const name = `reclamations-acpr-${year}.${format}`;
      reply
        .header('content-disposition', `attachment; filename="${name}"`)
        .header('cache-control', 'no-store');
      if (format === 'csv') return reply.type('text/csv; charset=utf-8').send(acprCsv(rows));
      const org = await organisationOf(ctx.database.db, organisationId);
      return reply.type('application/pdf').send(await acprPdf(rows, org?.name ?? 'Organisme', year));
    },
  );
}
