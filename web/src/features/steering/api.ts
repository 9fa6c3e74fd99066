import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiGet } from '../../shared/api-client.ts';
import type { Period } from './period.ts';

// GET /api/v1/kpi: the figures of a period (src/server/kpi/routes.ts).
const rate = z.number().nullable();
const counts = z.record(z.string(), z.number());
const compliance = {
  count: z.number(),
  openCount: z.number(),
  acknowledgedInTimeRate: rate,
  answeredInTimeRate: rate,
};
const bucket = z.object({ bucket: z.string(), label: z.string(), count: z.number() });

export const kpiSchema = z.object({
  from: z.string(),
  to: z.string(),
  asOf: z.string(),
  count: z.number(),
  openCount: z.number(),
  byCategory: counts,
  acknowledgedInTimeRate: rate,
  answeredInTimeRate: rate,
  medianDaysToAnswer: z.number().nullable(),
  mediationRate: rate,
  satisfactionMean: z.number().nullable(),
  byChannel: counts,
  byProduct: counts,
  byRegion: counts,
  byHandler: z.array(
    z.object({
      handlerId: z.string().nullable(),
      name: z.string(),
      ...compliance,
      medianDaysToAnswer: z.number().nullable(),
    }),
  ),
  backlogByAge: z.array(bucket),
  outcomes: z.object({
    accepted: z.number(),
    partial: z.number(),
    rejected: z.number(),
    unspecified: z.number(),
  }),
  reopenings: z.number(),
  series: z.object({
    weeklyByCategory: z.array(z.object({ week: z.string(), category: z.string(), count: z.number() })),
    monthlyCompliance: z.array(z.object({ month: z.string(), ...compliance })),
    handlingTime: z.array(bucket),
    satisfaction: counts,
  }),
});
export type KpiReport = z.infer<typeof kpiSchema>;

const definitionsSchema = z.object({
  kpis: z.record(
    z.string(),
    z.object({ label: z.string(), definition: z.string(), source: z.string(), unit: z.string() }),
  ),
  breakdowns: z.record(z.string(), z.object({ label: z.string(), definition: z.string() })),
});
export type KpiDefinitions = z.infer<typeof definitionsSchema>;

const share = z.number().nullable();
const benchmarkSchema = z.object({
  organisation: z.object({
    complaints: z.number(),
    referrals: z.number(),
    referralRate: share,
    prematureShare: share,
    answersForMemberShare: share,
    medianDaysToAnswer: z.number().nullable(),
  }),
  mediators: z.array(
    z.object({
      mediator: z.string(),
      name: z.string(),
      year: z.number(),
      referrals: z.number().nullable(),
      inadmissibleShare: share,
      prematureShare: share,
      opinionsForMemberShare: share,
      averageHandlingDays: z.number().nullable(),
      source: z.string(),
      confidence: z.enum(['primary', 'secondary']),
    }),
  ),
  notes: z.array(z.string()),
});
export type Benchmark = z.infer<typeof benchmarkSchema>;

const registerCountSchema = z.object({ total: z.number(), totalCapped: z.boolean(), today: z.string() });

const periodQuery = (p: Period, asOf?: string) =>
  new URLSearchParams({ from: p.from, to: p.to, ...(asOf ? { asOf } : {}) }).toString();

export function useKpi(period: Period, asOf?: string) {
  return useQuery({
    queryKey: ['steering', 'kpi', period.from, period.to, asOf ?? ''],
    queryFn: ({ signal }) => apiGet(`/api/v1/kpi?${periodQuery(period, asOf)}`, kpiSchema, signal),
    placeholderData: keepPreviousData,
  });
}

export function useKpiDefinitions() {
  return useQuery({
    queryKey: ['steering', 'definitions'],
    queryFn: ({ signal }) => apiGet('/api/v1/kpi/definitions', definitionsSchema, signal),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useBenchmark(period: Period, asOf?: string) {
  return useQuery({
    queryKey: ['steering', 'benchmark', period.from, period.to, asOf ?? ''],
    queryFn: ({ signal }) =>
      apiGet(`/api/v1/kpi/benchmark?${periodQuery(period, asOf)}`, benchmarkSchema, signal),
    placeholderData: keepPreviousData,
  });
}

/** How many open files of the register are at a given SLA colour now (the register counts, one row fetched). */
export function useSlaCount(colour: 'red' | 'amber') {
  return useQuery({
    queryKey: ['steering', 'sla', colour],
    queryFn: ({ signal }) => apiGet(`/api/v1/register?sla=${colour}&limit=1`, registerCountSchema, signal),
  });
}
