import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
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
const rateSchema = z
  .number()
  .nullable()
  .describe('Fraction de 0 à 1, quatre décimales ; null si rien à compter');
const counts = (what: string) => z.record(z.string(), z.number().int()).describe(what);
const compliance = {
  count: z.number().int(),
  openCount: z.number().int(),
  acknowledgedInTimeRate: rateSchema,
  answeredInTimeRate: rateSchema,
};

export const kpiQuery = z.object({
  from: date.describe('Début de période (date de réception, incluse)'),
  to: date.describe('Fin de période (incluse)'),
  asOf: date.optional().describe('Date d’arrêté (par défaut : aujourd’hui, Paris)'),
});

export const kpiReportSchema = z
  .object({
    organisationId: z.string().uuid(),
    from: z.string(),
    to: z.string(),
    asOf: z.string(),
    count: z.number().int().describe(KPI_DEFINITIONS.count.label),
    openCount: z.number().int().describe(KPI_DEFINITIONS.openCount.label),
    byCategory: counts(KPI_DEFINITIONS.byCategory.label),
    acknowledgedInTimeRate: rateSchema.describe(KPI_DEFINITIONS.acknowledgedInTimeRate.definition),
    answeredInTimeRate: rateSchema.describe(KPI_DEFINITIONS.answeredInTimeRate.definition),
    medianDaysToAnswer: z.number().nullable().describe(KPI_DEFINITIONS.medianDaysToAnswer.definition),
    mediationRate: rateSchema.describe(KPI_DEFINITIONS.mediationRate.definition),
    satisfactionMean: z.number().nullable().describe(KPI_DEFINITIONS.satisfactionMean.definition),
    byChannel: counts(BREAKDOWN_DEFINITIONS.byChannel.definition),
    byProduct: counts(BREAKDOWN_DEFINITIONS.byProduct.definition),
    byRegion: counts(BREAKDOWN_DEFINITIONS.byRegion.definition),
    byHandler: z
      .array(
        z.object({
          handlerId: z.string().nullable(),
          name: z.string(),
          ...compliance,
          medianDaysToAnswer: z.number().nullable(),
        }),
      )
      .describe(BREAKDOWN_DEFINITIONS.byHandler.definition),
    backlogByAge: z
      .array(z.object({ bucket: z.string(), label: z.string(), count: z.number().int() }))
      .describe(BREAKDOWN_DEFINITIONS.backlogByAge.definition),
    outcomes: z
      .object({
        accepted: z.number().int(),
        partial: z.number().int(),
        rejected: z.number().int(),
        unspecified: z.number().int(),
      })
      .describe(BREAKDOWN_DEFINITIONS.outcomes.definition),
    reopenings: z.number().int().describe(BREAKDOWN_DEFINITIONS.reopenings.definition),
    series: z
      .object({
        weeklyByCategory: z.array(
          z.object({
            week: z.string().describe('Lundi de la semaine'),
            category: z.string(),
            count: z.number().int(),
          }),
        ),
        monthlyCompliance: z.array(z.object({ month: z.string().describe('AAAA-MM'), ...compliance })),
        handlingTime: z.array(z.object({ bucket: z.string(), label: z.string(), count: z.number().int() })),
        satisfaction: counts('Nombre de notes 1 à 5'),
      })
      .describe('Séries du tableau de bord'),
  })
  .describe('Indicateurs de la période');

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
          200: z.object({
            kpis: z.record(
              z.string(),
              z.object({ label: z.string(), definition: z.string(), source: z.string(), unit: z.string() }),
            ),
            breakdowns: z.record(z.string(), z.object({ label: z.string(), definition: z.string() })),
          }),
        },
      },
    },
    async () => ({ kpis: KPI_DEFINITIONS, breakdowns: BREAKDOWN_DEFINITIONS }),
  );

  const share = z.number().nullable().describe('Part de 0 à 1 ; null si non publiée ou rien à compter');
  r.get(
    '/api/v1/kpi/benchmark',
    {
      schema: {
        tags: [TAG],
        summary: 'Les chiffres de l’organisme à côté de ceux publiés par les médiateurs LMA, FNMF et CTIP',
        querystring: kpiQuery,
        response: {
          200: z.object({
            organisation: z.object({
              from: z.string(),
              to: z.string(),
              asOf: z.string(),
              complaints: z.number().int(),
              referrals: z.number().int().describe('Saisines du médiateur'),
              referralRate: share,
              prematureShare: share.describe('Saisines avant réponse et avant 2 mois (L612-2)'),
              answersForMemberShare: share.describe('Réponses favorables ou partielles'),
              medianDaysToAnswer: z.number().nullable(),
            }),
            mediators: z.array(
              z.object({
                mediator: z.enum(['lma', 'fnmf', 'ctip']),
                name: z.string(),
                year: z.number().int(),
                referrals: z.number().int().nullable(),
                inadmissibleShare: share,
                prematureShare: share,
                opinionsForMemberShare: share,
                averageHandlingDays: z.number().nullable(),
                source: z.string(),
                confidence: z.enum(['primary', 'secondary']),
              }),
            ),
            notes: z.array(z.string()).describe('Ce qui rend les chiffres comparables, ou non'),
          }),
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
