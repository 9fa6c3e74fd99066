import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { benchmarkSchema, kpiDefinitionsSchema, kpiReportSchema } from '../../contracts/api/kpi.ts';
import { logAuditEvent } from '../../db/repositories/audit.ts';
import { BREAKDOWN_DEFINITIONS, KPI_DEFINITIONS } from '../../domain/kpi/definitions.ts';
import { checkPeriod } from '../../domain/kpi/period.ts';
import { parisDateOf } from '../../domain/shared/calendar-date.ts';
import { requireUser } from '../auth/session-plugin.ts';
import type { AppContext } from '../context.ts';
import { AppError, errorBodySchema } from '../errors.ts';
import { kpiReport } from '../shared/kpi-report.ts';
import { requireOrganisationRole } from '../shared/steering-access.ts';
import { benchmark } from './benchmark.ts';

const TAG = 'Pilotage';
const date = z.iso.date('Date invalide : attendu AAAA-MM-JJ (exemple : 2026-11-23)');

export const kpiQuery = z.object({
  from: date.describe('Début de période (date de réception, incluse)'),
  to: date.describe('Fin de période (incluse)'),
  asOf: date.optional().describe('Date d’arrêté (par défaut : aujourd’hui, Paris)'),
});

/** Validates a period in French (the route's zod checks the format; the order and length are the domain's). */
export function periodOrFail(query: { from: string; to: string; asOf?: string | undefined }, now: Date) {
  const period = checkPeriod(query, parisDateOf(now));
  if (!period.ok) throw new AppError('VALIDATION', period.error.message, period.error.field);
  return period.value;
}

export async function kpiRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/kpi',
    {
      schema: {
        tags: [TAG],
        summary: 'Indicateurs de traitement des réclamations de l’organisme sur une période',
        description:
          'Superviseurs, administrateurs et auditeurs. Mêmes clés que `recours kpi` ; définitions exactes dans GET /api/v1/kpi/definitions.',
        querystring: kpiQuery,
        response: { 200: kpiReportSchema, 400: errorBodySchema, 401: errorBodySchema, 403: errorBodySchema },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const organisationId = requireOrganisationRole(user);
      const now = ctx.now();
      const period = periodOrFail(request.query, now);
      const report = await kpiReport(ctx.database.db, organisationId, period);
      await logAuditEvent(ctx.database.db, {
        dossierId: null,
        actorId: user.id,
        type: 'kpi.viewed',
        payload: { from: period.from, to: period.to, asOf: period.asOf },
        occurredAt: now,
      });
      return report;
    },
  );

  r.get(
    '/api/v1/kpi/definitions',
    {
      schema: {
        tags: [TAG],
        summary: 'Définition exacte, libellé et source de chaque indicateur',
        response: {
          200: kpiDefinitionsSchema,
        },
      },
    },
    async () => ({ kpis: KPI_DEFINITIONS, breakdowns: BREAKDOWN_DEFINITIONS }),
  );

  r.get(
    '/api/v1/kpi/benchmark',
    {
      schema: {
        tags: [TAG],
        summary: 'Les chiffres de l’organisme à côté de ceux publiés par les médiateurs LMA, FNMF et CTIP',
        querystring: kpiQuery,
        response: {
          200: benchmarkSchema,
          400: errorBodySchema,
          401: errorBodySchema,
          403: errorBodySchema,
        },
      },
    },
    async (request) => {
      const organisationId = requireOrganisationRole(requireUser(request));
      return benchmark(ctx.database.db, organisationId, periodOrFail(request.query, ctx.now()));
    },
  );
}
