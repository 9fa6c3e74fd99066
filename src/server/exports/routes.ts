import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { logAuditEvent } from '../../db/repositories/audit.ts';
import { filesWithTextMatching, membersNamed } from '../../db/repositories/register.ts';
import { parisDateOf } from '../../domain/shared/calendar-date.ts';
import { requireUser } from '../auth/session-plugin.ts';
import type { AppContext } from '../context.ts';
import { errorBodySchema } from '../errors.ts';
import { filtersOf, registerFilterQuery } from '../shared/register-filters.ts';
import { requireOrganisationRole } from '../shared/steering-access.ts';
import { registerCsv, registerXlsx } from './register-export.ts';

const TAG = 'Pilotage';
const MIME = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

export async function exportRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/exports/register',
    {
      schema: {
        tags: [TAG],
        summary: 'Exporter le registre (CSV ou XLSX) avec les filtres de l’écran',
        description:
          'Superviseurs, administrateurs et auditeurs. Toutes les colonnes du registre, délais ACPR compris ; fichier produit au fil de l’eau (un million de lignes sans tout charger). Sans résultat : un fichier valide avec la seule ligne d’en-tête.',
        querystring: registerFilterQuery.extend({
          format: z.enum(['csv', 'xlsx']).default('csv').describe('csv (séparateur « ; ») ou xlsx'),
        }),
        produces: [MIME.csv, MIME.xlsx],
        response: {
          200: z.any().describe('Fichier CSV ou XLSX'),
          400: errorBodySchema,
          401: errorBodySchema,
          403: errorBodySchema,
        },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const organisationId = requireOrganisationRole(user);
      const q = request.query;
      const f = filtersOf(q);
      const now = ctx.now();
      const filters = {
        organisationId,
        statuses: f.status,
        categories: f.category,
        channels: f.channel,
        handlerId: f.mine ? user.id : f.handlerId,
        from: f.from,
        to: f.to,
        sla: f.sla,
        today: parisDateOf(now),
        // The same search as the register's list: words, the member's name, scanned letters' text.
        search: f.q
          ? {
              text: f.q,
              memberIds: await membersNamed(ctx.database.db, f.q),
              documentDossierIds: await filesWithTextMatching(ctx.database.db, organisationId, f.q),
            }
          : undefined,
      };
      await logAuditEvent(ctx.database.db, {
        dossierId: null,
        organisationId,
        actorId: user.id,
        type: 'register.exported',
        // The filters, never the search words (they may name an illness).
        payload: {
          format: q.format,
          filters: { ...filters, search: Boolean(f.q), sla: f.sla },
        },
        occurredAt: now,
      });
      const name = `registre-${parisDateOf(now)}.${q.format}`;
      reply
        .header('content-type', MIME[q.format])
        .header('content-disposition', `attachment; filename="${name}"`)
        .header('cache-control', 'no-store');
      const stream =
        q.format === 'csv'
          ? registerCsv(ctx.database.db, filters, f.sla, now)
          : registerXlsx(ctx.database.db, filters, f.sla, now);
      return reply.send(stream);
    },
  );
}
