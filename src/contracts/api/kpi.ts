import { z } from 'zod';
import { BREAKDOWN_DEFINITIONS, KPI_DEFINITIONS } from '../../domain/kpi/definitions.ts';

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
export type KpiReport = z.infer<typeof kpiReportSchema>;

/** GET /api/v1/kpi/definitions */
export const kpiDefinitionsSchema = z.object({
  kpis: z.record(
    z.string(),
    z.object({ label: z.string(), definition: z.string(), source: z.string(), unit: z.string() }),
  ),
  breakdowns: z.record(z.string(), z.object({ label: z.string(), definition: z.string() })),
});
export type KpiDefinitions = z.infer<typeof kpiDefinitionsSchema>;

const share = z.number().nullable().describe('Part de 0 à 1 ; null si non publiée ou rien à compter');

/** GET /api/v1/kpi/benchmark: the organisation beside the mediators' published figures */
export const benchmarkSchema = z.object({
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
});
export type Benchmark = z.infer<typeof benchmarkSchema>;
